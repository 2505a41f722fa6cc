package dev.reliq.ra;

import java.io.Serializable;

import javax.naming.Reference;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.QueueConnection;
import jakarta.jms.QueueConnectionFactory;
import jakarta.jms.TopicConnection;
import jakarta.jms.TopicConnectionFactory;
import jakarta.resource.Referenceable;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionManager;

import dev.reliq.jms.ReliqContext;

/**
 * The connection factory applications get from the container ({@code @Resource}, JNDI): each
 * {@code createConnection} borrows a pooled connection, and closing it gives it back. Inside a
 * JTA transaction, a session's sends are stored and its received messages acknowledged only
 * when the transaction commits (see {@link ReliqManagedConnection} for the Jakarta EE rules). The
 * same holds for a {@code JMSContext} from {@code createContext}.
 */
public class PooledConnectionFactory implements ConnectionFactory, QueueConnectionFactory, TopicConnectionFactory,
        Referenceable, Serializable {

    private static final long serialVersionUID = 1L;

    private final ReliqManagedConnectionFactory managedFactory;
    private final ConnectionManager connectionManager;
    private Reference reference;

    PooledConnectionFactory(ReliqManagedConnectionFactory managedFactory, ConnectionManager connectionManager) {
        this.managedFactory = managedFactory;
        this.connectionManager = connectionManager;
    }

    @Override
    public Connection createConnection() throws JMSException {
        return allocate(null);
    }

    @Override
    public Connection createConnection(String userName, String password) throws JMSException {
        return allocate(new ReliqConnectionRequestInfo(userName, password));
    }

    @Override
    public QueueConnection createQueueConnection() throws JMSException {
        return (QueueConnection) createConnection();
    }

    @Override
    public QueueConnection createQueueConnection(String userName, String password) throws JMSException {
        return (QueueConnection) createConnection(userName, password);
    }

    @Override
    public TopicConnection createTopicConnection() throws JMSException {
        return (TopicConnection) createConnection();
    }

    @Override
    public TopicConnection createTopicConnection(String userName, String password) throws JMSException {
        return (TopicConnection) createConnection(userName, password);
    }

    private Connection allocate(ReliqConnectionRequestInfo info) throws JMSException {
        try {
            return (Connection) connectionManager.allocateConnection(managedFactory, info);
        } catch (ResourceException e) {
            JMSException jmsException = new JMSException("reliq: no connection from the pool: " + e.getMessage());
            jmsException.setLinkedException(e);
            jmsException.initCause(e);
            throw jmsException;
        }
    }

    /**
     * A JMSContext on a pooled connection: inside a JTA transaction its work is the
     * transaction's, as for {@link #createConnection()}; closing it gives the connection back.
     */
    @Override
    public JMSContext createContext() {
        return createContext(JMSContext.AUTO_ACKNOWLEDGE);
    }

    @Override
    public JMSContext createContext(int sessionMode) {
        return context(null, sessionMode);
    }

    @Override
    public JMSContext createContext(String userName, String password) {
        return createContext(userName, password, JMSContext.AUTO_ACKNOWLEDGE);
    }

    @Override
    public JMSContext createContext(String userName, String password, int sessionMode) {
        return context(new ReliqConnectionRequestInfo(userName, password), sessionMode);
    }

    private JMSContext context(ReliqConnectionRequestInfo info, int sessionMode) {
        try {
            return ReliqContext.on(new PooledContextHost(allocate(info)), sessionMode);
        } catch (JMSException e) {
            throw new JMSRuntimeException(e.getMessage(), e.getErrorCode(), e);
        }
    }

    @Override
    public void setReference(Reference reference) {
        this.reference = reference;
    }

    @Override
    public Reference getReference() {
        return reference;
    }
}
