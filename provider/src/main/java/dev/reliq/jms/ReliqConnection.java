package dev.reliq.jms;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.jms.ConnectionConsumer;
import jakarta.jms.ConnectionMetaData;
import jakarta.jms.ExceptionListener;
import jakarta.jms.IllegalStateException;
import jakarta.jms.InvalidClientIDException;
import jakarta.jms.JMSException;
import jakarta.jms.Queue;
import jakarta.jms.QueueConnection;
import jakarta.jms.QueueSession;
import jakarta.jms.ServerSessionPool;
import jakarta.jms.Session;
import jakarta.jms.Topic;
import jakarta.jms.TopicConnection;
import jakarta.jms.TopicSession;

import dev.reliq.jms.message.ObjectMessagePolicy;
import dev.reliq.queue.OutgoingMessage;
import dev.reliq.queue.PreparedTransactions;
import dev.reliq.queue.QueueClient;
import dev.reliq.queue.ReliableQueue;
import dev.reliq.queue.ReliableTopic;

/**
 * A connection to Redis: one connection pool, one wake-up subscription, and a housekeeping
 * thread that renews the leases of held messages, keeps the connection's own lease alive (its
 * client ID, its temporary queues), reaps temporary queues of dead connections, and reports a
 * lost Redis to the {@link ExceptionListener}.
 */
public class ReliqConnection implements QueueConnection, TopicConnection, TemporaryDestinations {

    private static final Logger log = LoggerFactory.getLogger(ReliqConnection.class);

    /** How often held messages are checked for renewal: a local check, Redis is called only when one is due. */
    private static final long HOUSEKEEPING_MILLIS = 100;
    /**
     * Registry entries (temporary queues, non-durable subscriptions) one reaper's turn examines.
     * One client of a Redis reaps at a time, every lease renewal period.
     */
    private static final int REAP_BUDGET = 500;
    /** How many renewal periods a reaper's turn lasts. */
    private static final int REAPER_TURN_PERIODS = 3;
    /** The connection holding the reaper's turn looks for abandoned commits every this many turns. */
    private static final int COMMIT_CHECK_TURNS = 3;
    /** Between the owner's lease and the number in the name of a commit record. */
    private static final String COMMIT_RECORD_SEPARATOR = "|";

    private final String id = UUID.randomUUID().toString();
    private final ConnectionSettings settings;
    private final QueueClient client;
    private final ObjectMessagePolicy objectMessagePolicy;
    private final List<ReliqSession> sessions = new CopyOnWriteArrayList<>();
    private final Set<String> temporaryQueues = ConcurrentHashMap.newKeySet();
    private final AtomicLong temporaryCounter = new AtomicLong();
    private final AtomicLong messageCounter = new AtomicLong();
    private final AtomicLong commitCounter = new AtomicLong();
    /** Until when (System.nanoTime) this connection holds the reaper's turn; 0 when it does not. */
    private volatile long reaperTurnUntil;
    private long reaperTurns;
    private final ScheduledExecutorService housekeeping;
    private final Object state = new Object();

    private boolean started;
    private volatile boolean closed;
    private String clientId;
    private boolean clientIdSettable = true;
    private volatile ExceptionListener exceptionListener;
    private volatile boolean redisLost;
    private long lastLeaseRenewal = System.nanoTime();
    /** How long the connection's leases last without renewal (option connectionLease): a crashed JVM frees them after this. */
    private final Duration leaseTtl;
    /** How often they are renewed, and the leases of dead connections looked for: a third of the lease, at most 5 s. */
    private final long leaseRenewalMillis;
    private final TopicSubscriptions subscriptions = new TopicSubscriptions(this);
    private FanOut fanOut;

    private ReliqConnection(ConnectionSettings settings, QueueClient client) {
        this.settings = settings;
        this.client = client;
        this.objectMessagePolicy = ObjectMessagePolicy.allowing(settings.objectMessageAllowList());
        this.leaseTtl = settings.connectionLease();
        this.leaseRenewalMillis = Math.min(5000, leaseTtl.toMillis() / 3);

        this.housekeeping = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "reliq-connection-" + id.substring(0, 8));
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Connects; wrong credentials or a client ID in use fail here, never later. */
    static ReliqConnection open(ConnectionSettings settings) throws JMSException {
        QueueClient client;
        try {
            client = QueueClient.connect(settings.uri(), settings.queueOptions());
        } catch (RuntimeException e) {
            throw JmsExceptions.fromQueue(e);
        }
        ReliqConnection connection = new ReliqConnection(settings, client);
        try {
            client.leases().acquire(connection.aliveLease(), connection.id, connection.leaseTtl);
            if (settings.clientId() != null) {
                connection.claimClientId(settings.clientId());
                connection.clientIdSettable = false;
            }
        } catch (JMSException e) {
            connection.shutDown();
            throw e;
        } catch (RuntimeException e) {
            connection.shutDown();
            throw JmsExceptions.fromQueue(e);
        }
        connection.housekeeping.scheduleWithFixedDelay(connection::housekeep, HOUSEKEEPING_MILLIS,
            HOUSEKEEPING_MILLIS, TimeUnit.MILLISECONDS);
        return connection;
    }

    // ------------------------------------------------------------------ sessions

    @Override
    public Session createSession(boolean transacted, int acknowledgeMode) throws JMSException {
        return createSession(transacted ? Session.SESSION_TRANSACTED : acknowledgeMode);
    }

    @Override
    public Session createSession(int sessionMode) throws JMSException {
        checkOpen();
        fixClientId();
        if (sessionMode != Session.AUTO_ACKNOWLEDGE && sessionMode != Session.CLIENT_ACKNOWLEDGE
                && sessionMode != Session.DUPS_OK_ACKNOWLEDGE && sessionMode != Session.SESSION_TRANSACTED) {
            throw new JMSException("Invalid session mode " + sessionMode + ": use AUTO_ACKNOWLEDGE (1), CLIENT_ACKNOWLEDGE (2),"
                + " DUPS_OK_ACKNOWLEDGE (3) or SESSION_TRANSACTED (0)");
        }
        ReliqSession session = new ReliqSession(this, sessionMode);
        sessions.add(session);
        return session;
    }

    @Override
    public Session createSession() throws JMSException {
        return createSession(Session.AUTO_ACKNOWLEDGE);
    }

    @Override
    public QueueSession createQueueSession(boolean transacted, int acknowledgeMode) throws JMSException {
        return (QueueSession) createSession(transacted, acknowledgeMode);
    }

    @Override
    public TopicSession createTopicSession(boolean transacted, int acknowledgeMode) throws JMSException {
        return (TopicSession) createSession(transacted, acknowledgeMode);
    }

    void sessionClosed(ReliqSession session) {
        sessions.remove(session);
    }

    // ------------------------------------------------------------------ start, stop, close

    @Override
    public void start() throws JMSException {
        checkOpen();
        fixClientId();
        synchronized (state) {
            started = true;
            state.notifyAll();
        }
        sessions.forEach(ReliqSession::wakeConsumers);
    }

    /**
     * Pauses delivery: receives wait, listeners are not called. Returns once running listener
     * calls have finished, as the specification requires.
     */
    @Override
    public void stop() throws JMSException {
        checkOpen();
        ReliqSession.refuseFromOwnCallback(this, "stop its own connection");
        fixClientId();
        synchronized (state) {
            started = false;
        }
        for (ReliqSession session : sessions) {
            session.wakeConsumers();
            session.awaitDeliveryIdle();
        }
    }

    boolean isStarted() {
        synchronized (state) {
            return started && !closed;
        }
    }

    /**
     * Waits until the connection is started or closed, {@code giveUp} holds, or the deadline
     * passes ({@link ReliqMessageConsumer#NO_DEADLINE}: never). Returns whether it is started.
     */
    boolean awaitStarted(long deadlineNanos, BooleanSupplier giveUp) {
        synchronized (state) {
            while (!started && !closed && !giveUp.getAsBoolean()) {
                try {
                    if (deadlineNanos == ReliqMessageConsumer.NO_DEADLINE) {
                        state.wait();
                    } else {
                        long left = deadlineNanos - System.nanoTime();
                        if (left <= 0) {
                            return false;
                        }
                        TimeUnit.NANOSECONDS.timedWait(state, left);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return started && !closed;
        }
    }

    /** Makes the threads in {@link #awaitStarted} check their give-up condition again (a consumer closed). */
    void wakeStartWaiters() {
        synchronized (state) {
            state.notifyAll();
        }
    }

    /**
     * Closes every session (rolling back transactions, giving back prefetched messages, and
     * making unacknowledged ones deliverable again), deletes the temporary queues, and frees
     * the client ID.
     */
    @Override
    public void close() throws JMSException {
        ReliqSession.refuseFromOwnCallback(this, "close its own connection");
        synchronized (state) {
            if (closed) {
                return;
            }
            started = false;
        }
        JMSException first = null;
        for (ReliqSession session : sessions) {
            try {
                session.close();
            } catch (JMSException e) {
                first = first == null ? e : first;
            }
        }
        for (String temporary : temporaryQueues) {
            try {
                client.ephemeralQueues().delete(temporary);
            } catch (RuntimeException e) {
                log.debug("Temporary queue {} not deleted now; it is reaped once this connection's lease lapses", temporary, e);
            }
        }
        synchronized (state) {
            closed = true;
            state.notifyAll();
        }
        shutDown();
        if (first != null) {
            throw first;
        }
    }

    private void shutDown() {
        closed = true;
        housekeeping.shutdownNow();
        try {
            if (clientId != null) {
                client.leases().release(clientIdLease(clientId), id);
            }
            client.leases().release(aliveLease(), id);
            if (reaperTurnUntil != 0) {
                client.ephemeralQueues().endTurn(id);
            }
        } catch (RuntimeException e) {
            log.debug("Leases of connection {} not released; they lapse by themselves", id, e);
        }
        client.close();
    }

    boolean isClosed() {
        return closed;
    }

    void checkOpen() throws IllegalStateException {
        if (closed) {
            throw JmsExceptions.closed("connection");
        }
    }

    // ------------------------------------------------------------------ client ID

    @Override
    public String getClientID() throws JMSException {
        checkOpen();
        return clientId;
    }

    /**
     * Sets the client ID: only before anything else is done with the connection, and only when
     * none was configured; an ID in use by another live connection is refused with
     * {@link InvalidClientIDException}.
     */
    @Override
    public void setClientID(String id) throws JMSException {
        checkOpen();
        synchronized (state) {
            if (!clientIdSettable) {
                throw new IllegalStateException(clientId != null && this.clientId.equals(settings.clientId())
                    ? "The client ID was configured administratively (" + clientId + ") and cannot be changed"
                    : "The client ID must be set before the connection is used; it can be set only once");
            }
            if (id == null || id.isBlank()) {
                throw new InvalidClientIDException("A client ID must not be null or blank");
            }
            claimClientId(id);
            clientIdSettable = false;
        }
    }

    private void claimClientId(String requested) throws JMSException {
        boolean acquired;
        try {
            acquired = client.leases().acquire(clientIdLease(requested), id, leaseTtl);
        } catch (RuntimeException e) {
            throw JmsExceptions.fromQueue(e);
        }
        if (!acquired) {
            throw new InvalidClientIDException("Client ID '" + requested + "' is in use by another connection");
        }
        clientId = requested;
    }

    /** Any use of the connection ends the window in which setClientID is allowed. */
    void fixClientId() {
        synchronized (state) {
            clientIdSettable = false;
        }
    }

    private static String clientIdLease(String clientId) {
        return "client-id:" + clientId;
    }

    String aliveLease() {
        return "connection:" + id;
    }

    /**
     * True when it is this connection's turn to clean up after dead connections. The turn lasts
     * {@value #REAPER_TURN_PERIODS} renewal periods and is renewed when one is left, so the
     * connection holding it does not pay a call for it every period.
     */
    private boolean reaperTurn() {
        long now = System.nanoTime();
        long period = TimeUnit.MILLISECONDS.toNanos(leaseRenewalMillis);
        if (now < reaperTurnUntil - period) {
            return true;
        }
        if (client.ephemeralQueues().takeTurn(id, Duration.ofMillis(leaseRenewalMillis * REAPER_TURN_PERIODS))) {
            reaperTurnUntil = now + period * REAPER_TURN_PERIODS;
            return true;
        }
        reaperTurnUntil = 0;
        return false;
    }

    /**
     * A name for the record of one local transaction's commit: the connection's lease, then a
     * number. While the lease is held the connection finishes the commit itself; once it lapses,
     * the client whose reaper's turn it is does ({@link #finishAbandonedCommits}).
     */
    String newCommitRecordName() {
        return aliveLease() + COMMIT_RECORD_SEPARATOR + commitCounter.incrementAndGet();
    }

    /**
     * How long a commit that keeps a record holds its consumed messages at least: long enough for
     * another client to finish it if this process dies, namely until this connection's lease
     * lapses, plus the turns it may take until the reaper looks for abandoned commits, plus a
     * margin. Without it a message could be delivered again before its acknowledgement is finished.
     */
    Duration commitRecordHold() {
        return leaseTtl.plusMillis(leaseRenewalMillis * (REAPER_TURN_PERIODS + 1)).plusSeconds(5);
    }

    /** Records of local transactions whose commit is under way, in this connection's Redis. */
    PreparedTransactions committingTransactions() {
        return client.committingTransactions();
    }

    /**
     * Finishes the commits of local transactions whose connection died half way (its process
     * crashed between the first send and the last acknowledgement): sends what the record says
     * was not sent yet and acknowledges the consumed messages, whose handles still work unless
     * their visibility timeout passed meanwhile (then they are delivered again).
     */
    private void finishAbandonedCommits() {
        Map<String, byte[]> records = client.committingTransactions().all();
        for (Map.Entry<String, byte[]> record : records.entrySet()) {
            String abandoned = record.getKey();
            int separator = abandoned.lastIndexOf(COMMIT_RECORD_SEPARATOR);
            if (separator < 0 || client.leases().isHeld(abandoned.substring(0, separator))) {
                continue;
            }
            // taken under this connection's lease first, so no other client finishes it as well
            String name = newCommitRecordName();
            Optional<byte[]> taken = client.committingTransactions().take(abandoned, name);
            if (taken.isEmpty()) {
                continue;
            }
            try {
                PreparedWork work = PreparedWork.decode(taken.get());
                commitPrepared(work, rest -> client.committingTransactions().store(name, rest.encode()));
                client.committingTransactions().remove(name);
                log.info("Finished the commit of a transaction whose connection died ({}): {} message(s) sent, {}"
                    + " acknowledged", abandoned, work.sends().size(), work.acks().size());
            } catch (IllegalArgumentException e) {
                client.committingTransactions().remove(name);
                log.error("Dropped the unreadable record of an abandoned commit ({}): {}", abandoned, e.getMessage());
            } catch (JMSException e) {
                log.warn("Could not finish the abandoned commit {} yet: {}", abandoned, e.getMessage());
            }
        }
    }

    // ------------------------------------------------------------------ metadata, listener

    @Override
    public ConnectionMetaData getMetaData() throws JMSException {
        checkOpen();
        fixClientId();
        return ReliqConnectionMetaData.INSTANCE;
    }

    @Override
    public ExceptionListener getExceptionListener() throws JMSException {
        checkOpen();
        fixClientId();
        return exceptionListener;
    }

    /** Told once when Redis becomes unreachable; the connection keeps retrying and carries on when it is back. */
    @Override
    public void setExceptionListener(ExceptionListener listener) throws JMSException {
        checkOpen();
        fixClientId();
        this.exceptionListener = listener;
    }

    // ------------------------------------------------------------------ temporary queues

    ReliqTemporaryQueue createTemporaryQueue() throws JMSException {
        checkOpen();
        String name = "reliq.tmp." + id + "." + temporaryCounter.incrementAndGet();
        try {
            client.ephemeralQueues().register(name, aliveLease());
        } catch (RuntimeException e) {
            throw JmsExceptions.fromQueue(e);
        }
        temporaryQueues.add(name);
        return new ReliqTemporaryQueue(name, this);
    }

    ReliqTemporaryTopic createTemporaryTopic() throws JMSException {
        checkOpen();
        String name = "reliq.tmptopic." + id + "." + temporaryCounter.incrementAndGet();
        try {
            client.ephemeralQueues().register(name, aliveLease());
        } catch (RuntimeException e) {
            throw JmsExceptions.fromQueue(e);
        }
        temporaryQueues.add(name);
        return new ReliqTemporaryTopic(name, this);
    }

    boolean ownsTemporary(ReliqDestination destination) {
        return temporaryQueues.contains(destination.name());
    }

    /** True while a temporary queue or topic (of any connection) exists. */
    boolean temporaryDestinationExists(String name) throws JMSException {
        if (temporaryQueues.contains(name)) {
            return true;
        }
        try {
            return client.ephemeralQueues().isRegistered(name);
        } catch (RuntimeException e) {
            throw JmsExceptions.fromQueue(e);
        }
    }

    @Override
    public void delete(ReliqDestination temporary) throws JMSException {
        checkOpen();
        if (!temporaryQueues.contains(temporary.name())) {
            throw new IllegalStateException("Temporary destination " + temporary + " was deleted already");
        }
        for (ReliqSession session : sessions) {
            if (session.hasConsumerOn(temporary)) {
                throw new IllegalStateException("Temporary destination " + temporary
                    + " still has consumers; close them before deleting it");
            }
        }
        try {
            client.ephemeralQueues().delete(temporary.name());
            client.forget(temporary.name());
        } catch (RuntimeException e) {
            throw JmsExceptions.fromQueue(e);
        }
        temporaryQueues.remove(temporary.name());
    }

    // ------------------------------------------------------------------ housekeeping

    private void housekeep() {
        try {
            for (ReliqSession session : sessions) {
                session.renewLeases();
            }
            if (System.nanoTime() - lastLeaseRenewal >= TimeUnit.MILLISECONDS.toNanos(leaseRenewalMillis)) {
                client.leases().acquire(aliveLease(), id, leaseTtl);
                if (clientId != null) {
                    client.leases().acquire(clientIdLease(clientId), id, leaseTtl);
                }
                if (reaperTurn()) {
                    client.ephemeralQueues().reap(REAP_BUDGET);
                    if (++reaperTurns % COMMIT_CHECK_TURNS == 0) {
                        finishAbandonedCommits();
                    }
                }
                lastLeaseRenewal = System.nanoTime();
            }
            if (redisLost) {
                redisLost = false;
                log.info("Redis at {} is reachable again", settings.uri().redacted());
            }
        } catch (RuntimeException e) {
            reportLost(e);
        }
    }

    /** Tells the exception listener once per outage; operations keep retrying on their own. */
    void reportLost(RuntimeException cause) {
        if (redisLost || closed) {
            return;
        }
        redisLost = true;
        log.warn("Redis at {} is unreachable; retrying: {}", settings.uri().redacted(), cause.getMessage());
        ExceptionListener listener = exceptionListener;
        if (listener != null) {
            JMSException reported = JmsExceptions.fromQueue(cause);
            try {
                listener.onException(reported);
            } catch (RuntimeException e) {
                log.warn("ExceptionListener threw", e);
            }
        }
    }

    // ------------------------------------------------------------------ for sessions

    /**
     * The reliable queue behind a queue name, for administration through the core API
     * (attributes, stats, redrive) with this connection's Redis settings.
     */
    public ReliableQueue reliableQueue(String name) throws JMSException {
        checkOpen();
        return client.queue(name);
    }

    /** The topic behind a topic name, for administration through the core API (its subscriptions). */
    public ReliableTopic reliableTopic(String name) throws JMSException {
        checkOpen();
        return client.topic(name);
    }

    /** Records of prepared two-phase transactions in this connection's Redis (resource adapter XA support). */
    public PreparedTransactions preparedTransactions() {
        return client.preparedTransactions();
    }

    /**
     * Second phase of a two-phase commit whose session is gone (transaction recovery): stores the
     * prepared sends, queue by queue in order, and acknowledges the consumed messages. After each
     * queue's sends are stored, {@code progress} gets the work still to do, so a commit that fails
     * part way and is retried does not send the same message twice. Handles whose lease lapsed
     * meanwhile acknowledge nothing: those messages are delivered again.
     */
    public void commitPrepared(PreparedWork work, Consumer<PreparedWork> progress) throws JMSException {
        checkOpen();
        PreparedWork rest = work;
        try {
            for (List<PreparedWork.Send> run : Runs.of(work.sends(), s -> (s.topic() ? "T" : "Q") + s.destination())) {
                List<OutgoingMessage> batch = new ArrayList<>(run.size());
                run.forEach(send -> batch.add(send.message()));
                PreparedWork.Send first = run.get(0);
                if (first.topic()) {
                    client.topic(first.destination()).publish(batch, FanOut.anonymous());
                } else {
                    client.queue(first.destination()).sendBatch(batch);
                }
                rest = rest.withoutFirstSends(batch.size());
                progress.accept(rest);
            }
            Map<String, List<String>> handles = new LinkedHashMap<>();
            rest.acks().forEach(a -> handles.computeIfAbsent(a.queue(), q -> new ArrayList<>()).add(a.handle()));
            handles.forEach((queue, hs) -> client.queue(queue).acknowledge(hs));
        } catch (RuntimeException e) {
            throw JmsExceptions.fromQueue(e);
        }
    }

    QueueClient client() {
        return client;
    }

    ConnectionSettings settings() {
        return settings;
    }

    ObjectMessagePolicy objectMessagePolicy() {
        return objectMessagePolicy;
    }

    /**
     * Decides which subscriptions a message published on this connection is for. One per
     * connection, made at the first publish: by then the client ID can no longer change (a
     * session exists), and equal targets let a commit publish a run of messages in one call.
     */
    FanOut fanOut() {
        synchronized (state) {
            if (fanOut == null) {
                fanOut = new FanOut(id, clientId);
            }
            return fanOut;
        }
    }

    /** The client ID, or null when none is set. */
    String clientIdOrNull() {
        synchronized (state) {
            return clientId;
        }
    }

    TopicSubscriptions subscriptions() {
        return subscriptions;
    }

    String newMessageId() {
        return "ID:" + id + "-" + messageCounter.incrementAndGet();
    }

    String id() {
        return id;
    }

    // ------------------------------------------------------------------ optional facilities

    @Override
    public ConnectionConsumer createConnectionConsumer(jakarta.jms.Destination destination, String messageSelector,
            ServerSessionPool sessionPool, int maxMessages) throws JMSException {
        throw connectionConsumersUnsupported();
    }

    @Override
    public ConnectionConsumer createSharedConnectionConsumer(Topic topic, String subscriptionName, String messageSelector,
            ServerSessionPool sessionPool, int maxMessages) throws JMSException {
        throw connectionConsumersUnsupported();
    }

    @Override
    public ConnectionConsumer createDurableConnectionConsumer(Topic topic, String subscriptionName, String messageSelector,
            ServerSessionPool sessionPool, int maxMessages) throws JMSException {
        throw connectionConsumersUnsupported();
    }

    @Override
    public ConnectionConsumer createSharedDurableConnectionConsumer(Topic topic, String subscriptionName,
            String messageSelector, ServerSessionPool sessionPool, int maxMessages) throws JMSException {
        throw connectionConsumersUnsupported();
    }

    @Override
    public ConnectionConsumer createConnectionConsumer(Queue queue, String messageSelector, ServerSessionPool sessionPool,
            int maxMessages) throws JMSException {
        throw connectionConsumersUnsupported();
    }

    @Override
    public ConnectionConsumer createConnectionConsumer(Topic topic, String messageSelector, ServerSessionPool sessionPool,
            int maxMessages) throws JMSException {
        throw connectionConsumersUnsupported();
    }

    private JMSException connectionConsumersUnsupported() throws JMSException {
        checkOpen();
        return new JMSException("Connection consumers (ServerSessionPool) are an optional JMS facility reliq does not"
            + " provide; use a MessageListener, or the reliq resource adapter in an application server");
    }

    @Override
    public String toString() {
        return "ReliqConnection[" + id + (clientId == null ? "" : ", clientID=" + clientId) + "]";
    }
}
