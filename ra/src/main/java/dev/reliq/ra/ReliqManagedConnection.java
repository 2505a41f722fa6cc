package dev.reliq.ra;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.security.auth.Subject;
import javax.transaction.xa.XAResource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.jms.JMSException;
import jakarta.jms.Session;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionEvent;
import jakarta.resource.spi.ConnectionEventListener;
import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.LocalTransaction;
import jakarta.resource.spi.ManagedConnection;
import jakarta.resource.spi.ManagedConnectionMetaData;
import jakarta.resource.spi.ResourceAdapterInternalException;
import jakarta.resource.spi.SecurityException;

import dev.reliq.jms.ReliqConnection;
import dev.reliq.jms.ReliqSession;

/**
 * One pooled reliq connection. Applications see it through {@link ConnectionHandle}s and follow
 * the Jakarta EE rules for messaging in a container (Jakarta Messaging 3.1, 12.3):
 * <ul>
 *   <li>one session per connection;</li>
 *   <li>inside a JTA transaction (or a container-managed local transaction) the session is
 *       the transaction's: the arguments of {@code createSession} are ignored, sends are stored
 *       and received messages acknowledged when the transaction commits, and {@code commit},
 *       {@code rollback} and {@code recover} are refused;</li>
 *   <li>outside a transaction the session is non-transacted: {@code AUTO_ACKNOWLEDGE} and
 *       {@code DUPS_OK_ACKNOWLEDGE} are honoured, the other modes become
 *       {@code AUTO_ACKNOWLEDGE} as the specification recommends;</li>
 *   <li>{@code setClientID}, {@code setExceptionListener}, {@code stop} and connection
 *       consumers are refused with IllegalStateException.</li>
 * </ul>
 */
final class ReliqManagedConnection implements ManagedConnection, TransactionalWork {

    private static final Logger log = LoggerFactory.getLogger(ReliqManagedConnection.class);

    private final ReliqManagedConnectionFactory factory;
    private final RedisSettings settings;
    private final ReliqConnection physical;
    private final ReliqXAResource xaResource;
    private final ManagedLocalTransaction localTransaction;
    private final List<ConnectionEventListener> listeners = new CopyOnWriteArrayList<>();
    private final List<ConnectionHandle> handles = new CopyOnWriteArrayList<>();
    private ReliqSession transactedSession;
    private boolean transactedSessionInUse;
    private boolean destroyWhenClosed;
    private volatile boolean destroyed;
    private PrintWriter logWriter;

    ReliqManagedConnection(ReliqManagedConnectionFactory factory, RedisSettings settings) throws ResourceException {
        this.factory = factory;
        this.settings = settings;
        try {
            this.physical = (ReliqConnection) settings.connectionFactory().createConnection();
            physical.setExceptionListener(e -> connectionFailed(e));
        } catch (JMSException e) {
            ResourceAdapterInternalException re = new ResourceAdapterInternalException(
                "reliq: cannot open a connection to " + RedactedUrl.of(settings.url()) + ": " + e.getMessage());
            re.initCause(e);
            throw re;
        }
        this.xaResource = new ReliqXAResource(this);
        this.localTransaction = new ManagedLocalTransaction(this);
    }

    RedisSettings settings() {
        return settings;
    }

    ReliqConnection physical() {
        return physical;
    }

    void destroyWhenClosed() {
        destroyWhenClosed = true;
    }

    @Override
    public Object getConnection(Subject subject, ConnectionRequestInfo info) throws ResourceException {
        if (!factory.settingsFor(info).equals(settings)) {
            throw new SecurityException("reliq: this pooled connection belongs to another user");
        }
        ConnectionHandle handle = new ConnectionHandle(this);
        handles.add(handle);
        return handle.proxy();
    }

    @Override
    public void associateConnection(Object connection) throws ResourceException {
        ConnectionHandle handle = ConnectionHandle.of(connection);
        if (handle == null) {
            throw new ResourceException("reliq: not a reliq connection handle: " + connection);
        }
        handle.owner().handles.remove(handle);
        handle.reassign(this);
        handles.add(handle);
    }

    /** Returned to the pool: every handle is closed; the transaction's session stays until the transaction ends. */
    @Override
    public void cleanup() throws ResourceException {
        for (ConnectionHandle handle : handles) {
            handle.invalidate();
        }
        handles.clear();
        synchronized (this) {
            transactedSessionInUse = false;
            if (!inTransaction()) {
                closeTransactedSession();
            }
        }
    }

    /** False once the container destroyed this connection. */
    boolean isUsable() {
        return !destroyed;
    }

    @Override
    public void destroy() throws ResourceException {
        destroyed = true;
        handles.forEach(ConnectionHandle::invalidate);
        handles.clear();
        try {
            physical.close();
        } catch (JMSException | RuntimeException e) {
            log.debug("Closing a pooled connection failed", e);
        }
    }

    /**
     * The physical session for a session handle: the transaction's when a transaction is
     * active, else a new non-transacted one.
     */
    synchronized Session openSession(int requestedMode) throws JMSException {
        if (inTransaction()) {
            if (transactedSession == null) {
                transactedSession = (ReliqSession) physical.createSession(Session.SESSION_TRANSACTED);
            }
            transactedSessionInUse = true;
            return transactedSession;
        }
        int mode = requestedMode == Session.DUPS_OK_ACKNOWLEDGE ? Session.DUPS_OK_ACKNOWLEDGE : Session.AUTO_ACKNOWLEDGE;
        return physical.createSession(mode);
    }

    /** A session handle closed: its physical session closes now, or, when it is the transaction's, when that ends. */
    synchronized void sessionClosed(Session session) {
        if (session == transactedSession) {
            transactedSessionInUse = false;
            if (!inTransaction()) {
                closeTransactedSession();
            }
            return;
        }
        try {
            session.close();
        } catch (JMSException | RuntimeException e) {
            log.debug("Closing a session failed", e);
        }
    }

    synchronized boolean isTransactionSession(Session session) {
        return session != null && session == transactedSession && inTransaction();
    }

    void handleClosed(ConnectionHandle handle) {
        handles.remove(handle);
        ConnectionEvent event = new ConnectionEvent(this, ConnectionEvent.CONNECTION_CLOSED);
        event.setConnectionHandle(handle.proxy());
        listeners.forEach(l -> l.connectionClosed(event));
        if (destroyWhenClosed && handles.isEmpty()) {
            try {
                cleanup();
                destroy();
            } catch (ResourceException e) {
                log.debug("Closing an unpooled connection failed", e);
            }
        }
    }

    @Override
    public void connectionFailed(Exception e) {
        ConnectionEvent event = new ConnectionEvent(this, ConnectionEvent.CONNECTION_ERROR_OCCURRED, e);
        listeners.forEach(l -> l.connectionErrorOccurred(event));
    }

    boolean inTransaction() {
        return xaResource.inTransaction() || localTransaction.isActive();
    }

    private void closeTransactedSession() {
        if (transactedSession != null) {
            try {
                transactedSession.close();
            } catch (JMSException | RuntimeException e) {
                log.debug("Closing the transaction's session failed", e);
            }
            transactedSession = null;
        }
    }

    // ------------------------------------------------------------------ TransactionalWork

    @Override
    public synchronized ReliqSession transactedSession() {
        return transactedSession;
    }

    @Override
    public ReliqConnection connection() {
        return physical;
    }

    /**
     * On the pooled connection while it lives; once the container destroyed it, on a connection
     * opened for the call. A transaction manager may keep this connection's XAResource after that:
     * to retry a commit that failed, or, in WildFly, from a recovery scan, since IronJacamar
     * replaces its recovery connection when the plugin deems it invalid, while Narayana commits
     * through the XAResources of earlier scans.
     */
    @Override
    public <T> T onRecords(RecordOperation<T> operation) throws JMSException {
        if (!destroyed) {
            return operation.apply(physical);
        }
        try (ReliqConnection own = (ReliqConnection) settings.connectionFactory().createConnection()) {
            return operation.apply(own);
        }
    }

    @Override
    public synchronized void transactionCompleted() {
        if (!transactedSessionInUse) {
            closeTransactedSession();
        }
    }

    // ------------------------------------------------------------------ container plumbing

    @Override
    public XAResource getXAResource() {
        return xaResource;
    }

    @Override
    public LocalTransaction getLocalTransaction() {
        return localTransaction;
    }

    @Override
    public void addConnectionEventListener(ConnectionEventListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeConnectionEventListener(ConnectionEventListener listener) {
        listeners.remove(listener);
    }

    /** Tells the container's pool about a container-managed local transaction's boundaries. */
    void fireLocalTransactionEvent(int type) {
        ConnectionEvent event = new ConnectionEvent(this, type);
        List<ConnectionEventListener> copy = new ArrayList<>(listeners);
        for (ConnectionEventListener l : copy) {
            switch (type) {
                case ConnectionEvent.LOCAL_TRANSACTION_STARTED -> l.localTransactionStarted(event);
                case ConnectionEvent.LOCAL_TRANSACTION_COMMITTED -> l.localTransactionCommitted(event);
                default -> l.localTransactionRolledback(event);
            }
        }
    }

    @Override
    public ManagedConnectionMetaData getMetaData() {
        return new ManagedConnectionMetaData() {
            @Override
            public String getEISProductName() {
                return "reliq (Redis)";
            }

            @Override
            public String getEISProductVersion() {
                try {
                    return physical.getMetaData().getProviderVersion();
                } catch (JMSException e) {
                    return "unknown";
                }
            }

            @Override
            public int getMaxConnections() {
                return 0;
            }

            @Override
            public String getUserName() {
                return settings.user();
            }
        };
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        this.logWriter = out;
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }
}
