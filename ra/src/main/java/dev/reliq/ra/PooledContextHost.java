package dev.reliq.ra;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;

import dev.reliq.jms.ContextHost;
import dev.reliq.jms.ReliqSession;

/**
 * A JMSContext's footing on a pooled connection: its session is the connection's one session
 * (the transaction's, inside a JTA transaction), and closing the context gives the connection
 * back to the pool.
 */
final class PooledContextHost implements ContextHost {

    private final Connection handleProxy;
    private final ConnectionHandle handle;

    PooledContextHost(Connection handleProxy) {
        this.handleProxy = handleProxy;
        this.handle = ConnectionHandle.of(handleProxy);
    }

    @Override
    public Connection connection() {
        return handleProxy;
    }

    @Override
    public ReliqSession createSession(int sessionMode) throws JMSException {
        return handle.openReliqSession(sessionMode);
    }

    @Override
    public void closeSession(ReliqSession session) {
        handle.closeSession();
    }

    @Override
    public void refuseFromOwnCallback(String what) {
        // listeners are not allowed on a pooled connection, so there is no callback to refuse from
    }

    @Override
    public void share() {
        throw new JMSRuntimeException("JMSContext.createContext(int) is not allowed in a Jakarta EE web or EJB"
            + " container: a connection there has one session (Jakarta Messaging 12.2)");
    }

    @Override
    public void close() throws JMSException {
        handleProxy.close();
    }

    @Override
    public boolean allowsMessageListeners() {
        return false;
    }

    @Override
    public boolean inContainerTransaction(ReliqSession session) {
        return handle.owner().isTransactionSession(session);
    }
}
