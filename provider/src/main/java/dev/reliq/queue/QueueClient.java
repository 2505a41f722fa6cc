package dev.reliq.queue;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import redis.clients.jedis.UnifiedJedis;

/**
 * The entry point of the reliable-queue API: one Redis connection pool, the wake-up
 * subscription that lets receives wait without polling, and a light background sweep.
 *
 * <pre>{@code
 * try (QueueClient client = QueueClient.connect("redis://localhost:6379?visibilityTimeout=30s")) {
 *     ReliableQueue orders = client.queue("orders");
 *     orders.send("order 42".getBytes(UTF_8));
 *     for (ReceivedMessage m : orders.receive(10, null, Duration.ofSeconds(5))) {
 *         process(m.body());
 *         orders.acknowledge(m.receiptHandle());
 *     }
 * }
 * }</pre>
 *
 * Thread-safe; share one per application and Redis. Queues are created on first use with the
 * client's default attributes ({@link QueueClientOptions}).
 */
public final class QueueClient implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(QueueClient.class);

    private final UnifiedJedis redis;
    private final boolean ownsRedis;
    private final String redactedUri;
    private final QueueClientOptions options;
    private final Map<String, ReliableQueue> queues = new ConcurrentHashMap<>();
    private final Map<String, ReliableTopic> topics = new ConcurrentHashMap<>();
    private final WakeupHub wakeups;
    private final Leases leases = new Leases(this);
    private final EphemeralQueues ephemeralQueues = new EphemeralQueues(this);
    private final PreparedTransactions preparedTransactions =
        new PreparedTransactions(this, PreparedTransactions.XA_PREPARED);
    private final PreparedTransactions committingTransactions =
        new PreparedTransactions(this, PreparedTransactions.COMMITTING);
    private final SubscriptionIndex subscriptionIndex = new SubscriptionIndex(this);
    private final ScheduledExecutorService sweeper;

    private QueueClient(UnifiedJedis redis, boolean ownsRedis, String redactedUri, QueueClientOptions options) {
        this.redis = redis;
        this.ownsRedis = ownsRedis;
        this.redactedUri = redactedUri;
        this.options = options;
        this.wakeups = new WakeupHub(redis);
        this.sweeper = options.sweepInterval().isZero() ? null : startSweeper(options.sweepInterval().toMillis());
    }

    /**
     * Connects with a URI such as {@code redis://user:secret@host:6379/0?visibilityTimeout=30s}
     * (see {@link RedisUri} for the forms, and {@link QueueClientOptions} for queue options).
     *
     * @throws InvalidRedisUriException if the URI is malformed or names an unknown option
     * @throws RedisAuthenticationException if Redis refuses the credentials
     * @throws RedisConnectionException if Redis cannot be reached
     */
    public static QueueClient connect(String uri) {
        RedisUri parsed = RedisUri.parse(uri);
        Set<String> known = new HashSet<>(RedisUri.connectionOptionNames());
        known.addAll(QueueClientOptions.optionNames());
        QueueClientOptions.rejectUnknownOptions(parsed, known);
        return connect(parsed, QueueClientOptions.fromUri(parsed));
    }

    /** Connects with a parsed URI and explicit options (options in the URI are not read again). */
    public static QueueClient connect(RedisUri uri, QueueClientOptions options) {
        return new QueueClient(RedisClients.open(uri), true, uri.redacted(), options);
    }

    /**
     * Uses an existing Jedis client, which the caller keeps and closes. For applications that
     * already manage their Redis connections.
     */
    public static QueueClient using(UnifiedJedis redis, QueueClientOptions options) {
        return new QueueClient(redis, false, "(application-provided client)", options);
    }

    /** The queue {@code name}; created in Redis, with the default attributes, on first use. */
    public ReliableQueue queue(String name) {
        return queues.computeIfAbsent(QueueKeys.validName(name), n -> new ReliableQueue(this, n));
    }

    /** The topic {@code name}: its subscriptions and publishing to them. */
    public ReliableTopic topic(String name) {
        return topics.computeIfAbsent(QueueKeys.validName(name), n -> new ReliableTopic(this, n));
    }

    public QueueClientOptions options() {
        return options;
    }

    /** Named leases in this client's Redis (client IDs in use, live connections). */
    public Leases leases() {
        return leases;
    }

    /** Queues that live only as long as a lease (temporary queues). */
    public EphemeralQueues ephemeralQueues() {
        return ephemeralQueues;
    }

    /** The topics of named (durable and shared) subscriptions, by client ID and name. */
    public SubscriptionIndex subscriptionIndex() {
        return subscriptionIndex;
    }

    /** Records of prepared two-phase transactions (the resource adapter's XA support). */
    public PreparedTransactions preparedTransactions() {
        return preparedTransactions;
    }

    /** Records of local (JMS session) transactions whose commit is under way. */
    public PreparedTransactions committingTransactions() {
        return committingTransactions;
    }

    /**
     * Stops sweeping {@code name} and forgets this client's handle to it (after the queue was
     * deleted, e.g. a temporary queue). A later {@link #queue} call starts afresh.
     */
    public void forget(String name) {
        queues.remove(name);
    }

    UnifiedJedis redis() {
        return redis;
    }

    /**
     * Runs a plain Redis call of {@code what} (e.g. "subscription index lookup"), turning Jedis
     * failures into reliq's: unreachable Redis (idle connections dropped) or any other error.
     */
    <T> T call(String what, java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (redis.clients.jedis.exceptions.JedisConnectionException e) {
            connectionFailed();
            throw new RedisConnectionException(what + " failed: Redis at " + redactedUri + " is unreachable ("
                + e.getMessage() + ")", e);
        } catch (redis.clients.jedis.exceptions.JedisException e) {
            throw new ReliqQueueException(what + " failed: " + e.getMessage(), e);
        }
    }

    /** An operation found Redis unreachable: drop the idle connections, which may all be dead. */
    void connectionFailed() {
        RedisClients.discardIdleConnections(redis);
    }

    WakeupHub wakeups() {
        return wakeups;
    }

    String redactedUri() {
        return redactedUri;
    }

    private ScheduledExecutorService startSweeper(long intervalMillis) {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "reliq-sweep");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::sweepAll, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
        return executor;
    }

    /**
     * Recovery for every queue this client used and did not receive from since the last round
     * (a receive runs recovery itself); failures wait for the next round.
     */
    private void sweepAll() {
        for (ReliableQueue queue : queues.values()) {
            try {
                queue.sweepUnlessRecoveredWithin(options.sweepInterval());
            } catch (RuntimeException e) {
                log.debug("Sweep of queue '{}' failed; retrying next round", queue.name(), e);
            }
        }
    }

    /** Stops the sweep and the wake-up subscription, and closes the connections if this client opened them. */
    @Override
    public void close() {
        if (sweeper != null) {
            sweeper.shutdownNow();
        }
        wakeups.close();
        if (ownsRedis) {
            redis.close();
        }
    }
}
