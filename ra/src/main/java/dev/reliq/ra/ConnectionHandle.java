package dev.reliq.ra;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

import jakarta.jms.IllegalStateException;
import jakarta.jms.JMSException;
import jakarta.jms.QueueConnection;
import jakarta.jms.Session;
import jakarta.jms.TopicConnection;

import dev.reliq.jms.ReliqSession;

/**
 * What an application holds for a pooled connection: a {@code jakarta.jms.Connection} (also a
 * QueueConnection and TopicConnection) that follows the Jakarta EE rules listed on
 * {@link ReliqManagedConnection}. Closing it gives the pooled connection back.
 */
final class ConnectionHandle implements InvocationHandler {

    private static final Class<?>[] INTERFACES = {QueueConnection.class, TopicConnection.class, Validated.class};

    /**
     * {@code isValid(int)} on the application's connection object, JDBC style. IronJacamar's
     * default recovery plugin (WildFly) looks for this method on a connection handle to decide
     * whether to keep the managed connection it lists and finishes in-doubt branches with;
     * without it, it destroys and reopens that connection on every recovery scan.
     */
    interface Validated {
        /** True while the pooled connection underneath has not been destroyed; the timeout is not needed. */
        boolean isValid(int timeoutSeconds);
    }

    private volatile ReliqManagedConnection owner;
    private final Object proxy;
    private volatile SessionHandle session;
    private volatile boolean closed;

    ConnectionHandle(ReliqManagedConnection owner) {
        this.owner = owner;
        this.proxy = Proxy.newProxyInstance(ConnectionHandle.class.getClassLoader(), INTERFACES, this);
    }

    /** The handle behind an application's connection object, or null when it is not one of ours. */
    static ConnectionHandle of(Object connection) {
        if (connection != null && Proxy.isProxyClass(connection.getClass())
                && Proxy.getInvocationHandler(connection) instanceof ConnectionHandle handle) {
            return handle;
        }
        return null;
    }

    Object proxy() {
        return proxy;
    }

    ReliqManagedConnection owner() {
        return owner;
    }

    void reassign(ReliqManagedConnection newOwner) {
        this.owner = newOwner;
    }

    /** The container took the pooled connection back: this handle and its session are closed. */
    void invalidate() {
        closed = true;
        SessionHandle s = session;
        if (s != null) {
            s.invalidate();
        }
    }

    void sessionClosed(SessionHandle s) {
        if (session == s) {
            session = null;
        }
    }

    @Override
    public Object invoke(Object self, Method method, Object[] args) throws Throwable {
        String name = method.getName();
        switch (name) {
            case "equals":
                return self == args[0];
            case "hashCode":
                return System.identityHashCode(self);
            case "toString":
                return "reliq pooled connection" + (closed ? " (closed)" : "");
            case "close":
                close();
                return null;
            case "isValid":
                return !closed && owner.isUsable();
            default:
                break;
        }
        if (closed) {
            throw new IllegalStateException("The connection is closed");
        }
        switch (name) {
            case "createSession", "createQueueSession", "createTopicSession":
                return createSession(args);
            case "setClientID", "setExceptionListener", "stop", "createConnectionConsumer",
                "createSharedConnectionConsumer", "createDurableConnectionConsumer",
                "createSharedDurableConnectionConsumer":
                throw new IllegalStateException("Connection." + name + " is not allowed in a Jakarta EE web or EJB"
                    + " container (Jakarta Messaging 12.2)");
            case "getExceptionListener":
                return null;
            default:
                try {
                    return method.invoke(owner.physical(), args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
        }
    }

    /** For a JMSContext: opens the connection's one session and returns the reliq session underneath. */
    ReliqSession openReliqSession(int mode) throws JMSException {
        if (closed) {
            throw new IllegalStateException("The connection is closed");
        }
        createSession(new Object[] {mode});
        return (ReliqSession) session.physical();
    }

    /** For a JMSContext: closes the connection's session. */
    void closeSession() {
        SessionHandle s = session;
        if (s != null) {
            s.close();
        }
    }

    private Object createSession(Object[] args) throws JMSException {
        if (session != null) {
            throw new IllegalStateException("A connection in a Jakarta EE web or EJB container has one session at a"
                + " time; close it, or create another connection (Jakarta Messaging 12.2)");
        }
        int mode = Session.AUTO_ACKNOWLEDGE;
        if (args != null && args.length == 2) {
            mode = (Boolean) args[0] ? Session.SESSION_TRANSACTED : (Integer) args[1];
        } else if (args != null && args.length == 1) {
            mode = (Integer) args[0];
        }
        ReliqManagedConnection mc = owner;
        SessionHandle created = new SessionHandle(this, mc, mc.openSession(mode));
        session = created;
        return created.proxy();
    }

    private void close() {
        if (closed) {
            return;
        }
        SessionHandle s = session;
        if (s != null) {
            s.close();
        }
        closed = true;
        owner.handleClosed(this);
    }
}
