package dev.reliq.appserver.crash.app;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Session;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;

/**
 * One container-managed transaction (REQUIRED) with three branches: {@link HaltOnCommit} first,
 * then a send through the adapter's pooled factory, and one through a factory the application
 * defines (web.xml) on the same Redis. The transaction manager commits the branches in the order
 * they were enlisted, so the server dies after both reliq branches prepared and before either
 * commits.
 */
@Stateless
public class CrashingSender {

    /** The factory the adapter's ironjacamar.xml binds, with the recovery settings it ships. */
    public static final String ADAPTER_FACTORY = "java:/jms/reliq/ConnectionFactory";
    /** The application's own factory (a connection-factory in web.xml), which has no recovery settings. */
    public static final String APPLICATION_FACTORY = "java:app/jms/reliq";

    @Resource(lookup = ADAPTER_FACTORY)
    private ConnectionFactory adapterFactory;

    @Resource(lookup = APPLICATION_FACTORY)
    private ConnectionFactory applicationFactory;

    @Resource(lookup = "java:/TransactionManager")
    private TransactionManager transactionManager;

    /** Sends "text-adapter" and "text-application" to the queue, one through each factory. */
    public void sendThenCrashOnCommit(String queue, String text) throws JMSException, SystemException {
        try {
            transactionManager.getTransaction().enlistResource(new HaltOnCommit());
        } catch (jakarta.transaction.RollbackException e) {
            throw new IllegalStateException("the transaction is already marked for rollback", e);
        }
        send(adapterFactory, queue, text + "-adapter");
        send(applicationFactory, queue, text + "-application");
    }

    private static void send(ConnectionFactory factory, String queue, String text) throws JMSException {
        try (Connection connection = factory.createConnection()) {
            Session session = connection.createSession();
            session.createProducer(session.createQueue(queue)).send(session.createTextMessage(text));
        }
    }
}
