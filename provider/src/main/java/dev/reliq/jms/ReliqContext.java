package dev.reliq.jms;

import java.io.Serializable;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.jms.BytesMessage;
import jakarta.jms.ConnectionMetaData;
import jakarta.jms.Destination;
import jakarta.jms.ExceptionListener;
import jakarta.jms.IllegalStateRuntimeException;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSProducer;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.ObjectMessage;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.StreamMessage;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TemporaryTopic;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;

/**
 * The simplified API: a connection and one session in one object. The session is created on
 * first use (so the client ID can still be set), and creating a consumer starts the connection
 * unless auto-start was turned off. Contexts made with {@link #createContext(int)} share the
 * connection, which closes with the last of them.
 */
public class ReliqContext implements JMSContext {

    private final ContextHost host;
    private final AtomicInteger connectionUsers;
    private final int sessionMode;
    private ReliqSession session;
    private volatile boolean closed;
    private boolean autoStart = true;

    private ReliqContext(ContextHost host, AtomicInteger connectionUsers, int sessionMode) {
        this.host = host;
        this.connectionUsers = connectionUsers;
        this.sessionMode = sessionMode;
    }

    static ReliqContext create(ReliqConnection connection, int sessionMode) {
        return new ReliqContext(new OwnConnection(connection), new AtomicInteger(1), sessionMode);
    }

    /** A context on {@code host}'s connection, e.g. a container's pooled one (the resource adapter). */
    public static ReliqContext on(ContextHost host, int sessionMode) {
        checkSessionMode(sessionMode);
        return new ReliqContext(host, new AtomicInteger(1), sessionMode);
    }

    /** A context's own connection, from reliq's connection factory. */
    private record OwnConnection(ReliqConnection connection) implements ContextHost {

        @Override
        public ReliqSession createSession(int sessionMode) throws JMSException {
            return (ReliqSession) connection.createSession(sessionMode);
        }

        @Override
        public void closeSession(ReliqSession session) throws JMSException {
            session.close();
        }

        @Override
        public void refuseFromOwnCallback(String what) throws JMSException {
            ReliqSession.refuseFromOwnCallback(connection, what);
        }

        @Override
        public void share() {
            connection.fixClientId();
        }

        @Override
        public void close() throws JMSException {
            connection.close();
        }

        @Override
        public boolean inContainerTransaction(ReliqSession session) {
            return false;
        }
    }

    static void checkSessionMode(int sessionMode) {
        if (sessionMode != AUTO_ACKNOWLEDGE && sessionMode != CLIENT_ACKNOWLEDGE
                && sessionMode != DUPS_OK_ACKNOWLEDGE && sessionMode != SESSION_TRANSACTED) {
            throw new JMSRuntimeException("Invalid session mode " + sessionMode + ": use AUTO_ACKNOWLEDGE (1),"
                + " CLIENT_ACKNOWLEDGE (2), DUPS_OK_ACKNOWLEDGE (3) or SESSION_TRANSACTED (0)");
        }
    }

    /** A new context on the same connection; the client ID can no longer be set after this. */
    @Override
    public JMSContext createContext(int mode) {
        checkOpen();
        checkSessionMode(mode);
        host.share();
        connectionUsers.incrementAndGet();
        return new ReliqContext(host, connectionUsers, mode);
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateRuntimeException("The JMSContext is closed");
        }
    }

    /** The session, created on first use. */
    synchronized ReliqSession session() {
        checkOpen();
        if (session == null) {
            session = call(() -> host.createSession(sessionMode));
        }
        return session;
    }

    @FunctionalInterface
    interface JmsCall<T> {
        T call() throws JMSException;
    }

    @FunctionalInterface
    interface JmsRun {
        void run() throws JMSException;
    }

    static <T> T call(JmsCall<T> call) {
        try {
            return call.call();
        } catch (JMSException e) {
            throw JmsExceptions.toRuntime(e);
        }
    }

    static void run(JmsRun run) {
        try {
            run.run();
        } catch (JMSException e) {
            throw JmsExceptions.toRuntime(e);
        }
    }

    // ------------------------------------------------------------------ connection

    @Override
    public String getClientID() {
        checkOpen();
        return call(host.connection()::getClientID);
    }

    @Override
    public void setClientID(String clientID) {
        checkOpen();
        run(() -> host.connection().setClientID(clientID));
    }

    @Override
    public ConnectionMetaData getMetaData() {
        checkOpen();
        return call(host.connection()::getMetaData);
    }

    @Override
    public ExceptionListener getExceptionListener() {
        checkOpen();
        return call(host.connection()::getExceptionListener);
    }

    @Override
    public void setExceptionListener(ExceptionListener listener) {
        checkOpen();
        run(() -> host.connection().setExceptionListener(listener));
    }

    @Override
    public void start() {
        checkOpen();
        run(host.connection()::start);
    }

    @Override
    public void stop() {
        checkOpen();
        run(host.connection()::stop);
    }

    @Override
    public void setAutoStart(boolean autoStart) {
        checkOpen();
        this.autoStart = autoStart;
    }

    @Override
    public boolean getAutoStart() {
        checkOpen();
        return autoStart;
    }

    /** Closes the session, and the connection when no other context shares it. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        run(() -> host.refuseFromOwnCallback("close its own JMSContext"));
        ReliqSession own;
        synchronized (this) {
            own = session;
        }
        if (own != null) {
            run(() -> host.closeSession(own));
        }
        closed = true;
        if (connectionUsers.decrementAndGet() == 0) {
            run(host::close);
        }
    }

    // ------------------------------------------------------------------ messages

    @Override
    public BytesMessage createBytesMessage() {
        return call(session()::createBytesMessage);
    }

    @Override
    public MapMessage createMapMessage() {
        return call(session()::createMapMessage);
    }

    @Override
    public Message createMessage() {
        return call(session()::createMessage);
    }

    @Override
    public ObjectMessage createObjectMessage() {
        return call(session()::createObjectMessage);
    }

    @Override
    public ObjectMessage createObjectMessage(Serializable object) {
        return call(() -> session().createObjectMessage(object));
    }

    @Override
    public StreamMessage createStreamMessage() {
        return call(session()::createStreamMessage);
    }

    @Override
    public TextMessage createTextMessage() {
        return call(session()::createTextMessage);
    }

    @Override
    public TextMessage createTextMessage(String text) {
        return call(() -> session().createTextMessage(text));
    }

    // ------------------------------------------------------------------ session

    @Override
    public boolean getTransacted() {
        return call(session()::getTransacted);
    }

    @Override
    public int getSessionMode() {
        checkOpen();
        return sessionMode;
    }

    @Override
    public void commit() {
        refuseInContainerTransaction("commit");
        run(session()::commit);
    }

    @Override
    public void rollback() {
        refuseInContainerTransaction("rollback");
        run(session()::rollback);
    }

    @Override
    public void recover() {
        refuseInContainerTransaction("recover");
        run(session()::recover);
    }

    /** Acknowledges every message consumed so far by this context (CLIENT_ACKNOWLEDGE). */
    @Override
    public void acknowledge() {
        checkOpen();
        run(session()::acknowledgeAll);
    }

    // ------------------------------------------------------------------ producers and consumers

    @Override
    public JMSProducer createProducer() {
        return new ReliqJMSProducer(this, call(() -> session().createUntrackedProducer()));
    }

    @Override
    public JMSConsumer createConsumer(Destination destination) {
        return consumer(() -> session().createConsumer(destination));
    }

    @Override
    public JMSConsumer createConsumer(Destination destination, String messageSelector) {
        return consumer(() -> session().createConsumer(destination, messageSelector));
    }

    @Override
    public JMSConsumer createConsumer(Destination destination, String messageSelector, boolean noLocal) {
        return consumer(() -> session().createConsumer(destination, messageSelector, noLocal));
    }

    @Override
    public JMSConsumer createSharedConsumer(Topic topic, String sharedSubscriptionName) {
        return consumer(() -> session().createSharedConsumer(topic, sharedSubscriptionName));
    }

    @Override
    public JMSConsumer createSharedConsumer(Topic topic, String sharedSubscriptionName, String messageSelector) {
        return consumer(() -> session().createSharedConsumer(topic, sharedSubscriptionName, messageSelector));
    }

    @Override
    public JMSConsumer createDurableConsumer(Topic topic, String name) {
        return consumer(() -> session().createDurableConsumer(topic, name));
    }

    @Override
    public JMSConsumer createDurableConsumer(Topic topic, String name, String messageSelector, boolean noLocal) {
        return consumer(() -> session().createDurableConsumer(topic, name, messageSelector, noLocal));
    }

    @Override
    public JMSConsumer createSharedDurableConsumer(Topic topic, String name) {
        return consumer(() -> session().createSharedDurableConsumer(topic, name));
    }

    @Override
    public JMSConsumer createSharedDurableConsumer(Topic topic, String name, String messageSelector) {
        return consumer(() -> session().createSharedDurableConsumer(topic, name, messageSelector));
    }

    private void refuseInContainerTransaction(String what) {
        if (host.inContainerTransaction(session())) {
            throw new jakarta.jms.TransactionInProgressRuntimeException("JMSContext." + what + " is not allowed inside"
                + " a JTA transaction: the transaction manager commits or rolls back the context's work");
        }
    }

    private JMSConsumer consumer(JmsCall<jakarta.jms.MessageConsumer> create) {
        ReliqMessageConsumer consumer = (ReliqMessageConsumer) call(create);
        if (autoStart) {
            run(host.connection()::start);
        }
        return new ReliqJMSConsumer(consumer, host.allowsMessageListeners());
    }

    @Override
    public QueueBrowser createBrowser(Queue queue) {
        return call(() -> session().createBrowser(queue));
    }

    @Override
    public QueueBrowser createBrowser(Queue queue, String messageSelector) {
        return call(() -> session().createBrowser(queue, messageSelector));
    }

    @Override
    public Queue createQueue(String queueName) {
        return call(() -> session().createQueue(queueName));
    }

    @Override
    public Topic createTopic(String topicName) {
        return call(() -> session().createTopic(topicName));
    }

    @Override
    public TemporaryQueue createTemporaryQueue() {
        return call(session()::createTemporaryQueue);
    }

    @Override
    public TemporaryTopic createTemporaryTopic() {
        return call(session()::createTemporaryTopic);
    }

    @Override
    public void unsubscribe(String name) {
        run(() -> session().unsubscribe(name));
    }

    @Override
    public String toString() {
        return "ReliqContext[" + host.connection() + ", mode=" + sessionMode + "]";
    }
}
