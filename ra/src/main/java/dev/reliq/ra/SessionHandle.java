package dev.reliq.ra;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

import jakarta.jms.IllegalStateException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.QueueSession;
import jakarta.jms.Session;
import jakarta.jms.TopicSession;
import jakarta.jms.TransactionInProgressException;

/**
 * The session an application holds on a pooled connection. Inside a transaction it is the
 * transaction's session: {@code commit}, {@code rollback} and {@code recover} are refused, and
 * closing it keeps the held work for the transaction's end. Everything else goes to the reliq
 * session underneath.
 */
final class SessionHandle implements InvocationHandler {

    private static final Class<?>[] INTERFACES = {QueueSession.class, TopicSession.class};

    private final ConnectionHandle connection;
    private final ReliqManagedConnection owner;
    private final Session physical;
    private final Object proxy;
    private volatile boolean closed;

    SessionHandle(ConnectionHandle connection, ReliqManagedConnection owner, Session physical) {
        this.connection = connection;
        this.owner = owner;
        this.physical = physical;
        this.proxy = Proxy.newProxyInstance(SessionHandle.class.getClassLoader(), INTERFACES, this);
    }

    Object proxy() {
        return proxy;
    }

    Session physical() {
        return physical;
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
                return "reliq session on a pooled connection" + (closed ? " (closed)" : "");
            case "close":
                close();
                return null;
            default:
                break;
        }
        if (closed) {
            throw new IllegalStateException("The session is closed");
        }
        switch (name) {
            case "commit", "rollback", "recover":
                if (owner.isTransactionSession(physical)) {
                    throw new TransactionInProgressException("Session." + name + " is not allowed inside a JTA"
                        + " transaction: the transaction manager commits or rolls back the session's work");
                }
                break;
            case "setMessageListener", "getMessageListener", "run":
                throw new IllegalStateException("Session." + name + " is not allowed in a Jakarta EE web or EJB"
                    + " container (Jakarta Messaging 12.2)");
            default:
                break;
        }
        Object result;
        try {
            result = method.invoke(physical, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
        return result instanceof MessageConsumer consumer ? withoutListeners(consumer) : result;
    }

    /** A consumer whose message listener methods are refused, as Jakarta Messaging 12.2 requires in a container. */
    private static Object withoutListeners(MessageConsumer consumer) {
        return Proxy.newProxyInstance(SessionHandle.class.getClassLoader(), consumer.getClass().getInterfaces(),
            (self, method, args) -> {
                String name = method.getName();
                if (name.equals("setMessageListener") || name.equals("getMessageListener")) {
                    throw new IllegalStateException("MessageConsumer." + name + " is not allowed in a Jakarta EE web"
                        + " or EJB container (Jakarta Messaging 12.2)");
                }
                if (name.equals("equals")) {
                    return self == args[0];
                }
                if (name.equals("hashCode")) {
                    return System.identityHashCode(self);
                }
                try {
                    return method.invoke(consumer, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            });
    }

    /** The pooled connection was taken back by the container. */
    void invalidate() {
        close();
    }

    void close() {
        if (closed) {
            return;
        }
        closed = true;
        connection.sessionClosed(this);
        owner.sessionClosed(physical);
    }
}
