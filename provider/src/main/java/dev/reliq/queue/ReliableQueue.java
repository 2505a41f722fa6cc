package dev.reliq.queue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;

import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisException;

/**
 * A reliable queue in Redis. Obtain one from {@link QueueClient#queue(String)}; it is
 * thread-safe and cheap to keep.
 *
 * <p>The life of a message: {@link #send} makes it ready (or delayed). {@link #receive} delivers
 * it with a fresh receipt handle and a visibility deadline, and counts the delivery. The
 * consumer then {@link #acknowledge}s it (done), {@link #release}s it (try again, after the
 * redelivery backoff), {@link #extendVisibility extends} its deadline (still working), or
 * {@link #deadLetter}s it. A consumer that does none of these before the deadline, because it
 * crashed or stalled, loses the message to the next receive, which delivers it again with the
 * delivery count one higher; the old handle is then stale and acknowledges nothing. A message
 * that comes back after {@code maxDeliveries} deliveries moves to the dead-letter queue.
 *
 * <p>Every method is one atomic Lua script on the Redis server, using the server's clock, and
 * costs O(log n) in the queue's depth per message involved ({@link #purge} of a plain queue is O(1);
 * of a topic subscription, it gives back each message's reference in batches).
 */
public final class ReliableQueue {

    private static final byte[] EMPTY = new byte[0];

    private final QueueClient client;
    private final QueueKeys keys;
    private final QueueAttributes defaults;
    private final byte[] defaultsJson;
    private volatile QueueKeys deadLetterKeys;
    /** When this client last ran recovery on the queue (every receive does), for the sweep to skip it. */
    private volatile long lastRecoveryNanos = System.nanoTime() - Long.MAX_VALUE / 2;

    ReliableQueue(QueueClient client, String name) {
        this.client = client;
        this.keys = new QueueKeys(client.options().keyPrefix(), name);
        this.defaults = client.options().queueDefaults().forQueue(name);
        this.defaultsJson = utf8(defaults.toJson());
        this.deadLetterKeys = new QueueKeys(client.options().keyPrefix(), defaults.deadLetterQueue());
    }

    /** The queue's name. */
    public String name() {
        return keys.name();
    }

    /** The name of the queue's dead-letter queue, as last seen in Redis. */
    public String deadLetterQueueName() {
        return deadLetterKeys.name();
    }

    /** The dead-letter queue itself, to receive, browse or purge dead letters. */
    public ReliableQueue deadLetterQueue() {
        return client.queue(deadLetterKeys.name());
    }

    // ---------------------------------------------------------------- sending

    /** Sends a payload with the default priority, no delay and no expiry. Returns its id. */
    public String send(byte[] body) {
        return send(OutgoingMessage.of(body));
    }

    /** Sends one message. Returns its id. */
    public String send(OutgoingMessage message) {
        return sendBatch(List.of(message)).get(0);
    }

    /**
     * Sends messages atomically in one call: all are stored or none. Returns their ids in order.
     *
     * @throws MessageTooLargeException if any payload exceeds {@code maxMessageSize}; nothing is sent
     */
    public List<String> sendBatch(List<OutgoingMessage> messages) {
        if (messages.isEmpty()) {
            return List.of();
        }
        long limit = client.options().maxMessageSize();
        List<byte[]> args = new ArrayList<>(1 + messages.size() * 4);
        args.add(defaultsJson);
        for (OutgoingMessage m : messages) {
            if (m.body().length > limit) {
                throw new MessageTooLargeException(name(), m.body().length, limit);
            }
            args.add(number(m.priority()));
            args.add(number(m.delay().toMillis()));
            args.add(number(m.timeToLive().toMillis()));
            args.add(m.body());
        }
        List<Object> reply = list(run("send", () -> QueueScripts.SEND.execute(redis(), keys.keySet(), args)));
        List<String> ids = new ArrayList<>(reply.size());
        for (Object id : reply) {
            ids.add(text(id));
        }
        return ids;
    }

    // ---------------------------------------------------------------- receiving

    /** Receives up to {@code max} messages with the queue's visibility timeout; does not wait. */
    public List<ReceivedMessage> receive(int max) {
        return receive(max, null, Duration.ZERO);
    }

    /**
     * Receives up to {@code max} ready messages, waiting up to {@code wait} for the first one
     * when none is ready. Waiting is not polling: the call sleeps until the queue announces
     * ready messages (pub/sub), a delayed message or an in-flight deadline falls due, or at most
     * the client's {@code pollInterval}, then asks once more.
     *
     * @param max how many messages at most, 1 or more
     * @param visibilityTimeout how long the messages stay invisible to others; {@code null} for the
     *     queue's {@code visibilityTimeout} attribute
     * @param wait how long to wait when nothing is ready; {@link Duration#ZERO} not to wait
     * @return the messages, highest priority first and oldest first within a priority; empty
     *     when none arrived in time
     */
    public List<ReceivedMessage> receive(int max, Duration visibilityTimeout, Duration wait) {
        return receive(max, visibilityTimeout, wait, () -> false);
    }

    /**
     * Like {@link #receive(int, Duration, Duration)}, but a waiting call also returns (empty) as
     * soon as {@code stop} is true when checked: after each wake-up, and when
     * {@link #wakeWaiters()} is called (e.g. by a consumer being closed).
     */
    public List<ReceivedMessage> receive(int max, Duration visibilityTimeout, Duration wait, BooleanSupplier stop) {
        if (max < 1) {
            throw new IllegalArgumentException("max must be at least 1, got " + max);
        }
        if (visibilityTimeout != null && visibilityTimeout.toMillis() < 1) {
            throw new IllegalArgumentException("visibilityTimeout must be at least 1ms, got " + visibilityTimeout);
        }
        long waitNanos = wait.toNanos();
        if (waitNanos <= 0) {
            return receiveOnce(max, visibilityTimeout).messages;
        }
        long deadline = System.nanoTime() + waitNanos;
        WakeupHub.Signal signal = client.wakeups().signal(keys.wakeChannel());
        long pollMillis = client.options().pollInterval().toMillis();
        while (true) {
            long seen = signal.version();
            if (stop.getAsBoolean()) {
                return List.of();
            }
            Batch batch = receiveOnce(max, visibilityTimeout);
            long leftMillis = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (!batch.messages.isEmpty() || leftMillis <= 0) {
                return batch.messages;
            }
            long sleep = Math.min(leftMillis, pollMillis);
            if (batch.nextEventInMillis >= 0) {
                sleep = Math.min(sleep, batch.nextEventInMillis + 1);
            }
            try {
                signal.awaitChange(seen, sleep);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return List.of();
            }
        }
    }

    /**
     * The queue's wake-up counter in this client: it changes whenever the queue may have new
     * ready messages. Read it before looking at the queue, then {@link #awaitWake} with it, so
     * news that arrives in between is not missed (for consumers that browse instead of receive).
     */
    public long wakeVersion() {
        return client.wakeups().signal(keys.wakeChannel()).version();
    }

    /**
     * Waits until the wake-up counter differs from {@code seen}, or {@code wait} passes, capped at
     * the client's {@code pollInterval}. Takes nothing from the queue.
     */
    public void awaitWake(long seen, Duration wait) {
        long millis = Math.min(wait.toMillis(), client.options().pollInterval().toMillis());
        if (millis <= 0) {
            return;
        }
        try {
            client.wakeups().signal(keys.wakeChannel()).awaitChange(seen, millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Wakes the calls of this client that wait in {@link #receive}, so they check their stop condition. */
    public void wakeWaiters() {
        client.wakeups().wake(keys.wakeChannel());
    }

    private Batch receiveOnce(int max, Duration visibilityTimeout) {
        lastRecoveryNanos = System.nanoTime();
        byte[] visibility = visibilityTimeout == null ? EMPTY : number(visibilityTimeout.toMillis());
        List<Object> reply = list(withDeadLetterQueue("receive", dlq -> QueueScripts.RECEIVE.execute(redis(),
            keys(dlq), List.of(utf8(name()), utf8(dlq.name()), defaultsJson, number(max), visibility,
                number(client.options().recoveryBudget())))));
        return new Batch(deliveries(reply), integer(reply.get(1)));
    }

    /**
     * Delivers the given ready messages, as {@link #receive} would, and nothing else: for a
     * consumer that chose them (a message selector that found them with {@link #browse}).
     * Messages not claimed stay where they are, in order, for other consumers. An id that is no
     * longer ready (another consumer took it, or it is gone) is skipped, so fewer messages may
     * come back than were asked for.
     */
    public List<ReceivedMessage> claim(Collection<String> ids, Duration visibilityTimeout) {
        if (ids.isEmpty()) {
            return List.of();
        }
        byte[] visibility = visibilityTimeout == null ? EMPTY : number(visibilityTimeout.toMillis());
        List<Object> reply = list(withDeadLetterQueue("claim", dlq -> {
            List<byte[]> args = new ArrayList<>(4 + ids.size());
            args.addAll(List.of(utf8(name()), utf8(dlq.name()), defaultsJson, visibility));
            ids.forEach(id -> args.add(utf8(id)));
            return QueueScripts.CLAIM.execute(redis(), keys(dlq), args);
        }));
        return deliveries(reply);
    }

    /** The messages of a receive or claim reply: {now, hint, visibility, then 9 values each}. */
    private static List<ReceivedMessage> deliveries(List<Object> reply) {
        Instant now = Instant.ofEpochMilli(integer(reply.get(0)));
        Instant visibleAgainAt = now.plusMillis(integer(reply.get(2)));
        List<ReceivedMessage> messages = new ArrayList<>((reply.size() - 3) / 9);
        for (int i = 3; i + 8 < reply.size(); i += 9) {
            messages.add(new ReceivedMessage(
                text(reply.get(i)),
                text(reply.get(i + 1)),
                (int) integer(reply.get(i + 2)),
                bytes(reply.get(i + 3)),
                (int) integer(reply.get(i + 4)),
                Instant.ofEpochMilli(integer(reply.get(i + 5))),
                optionalInstant(integer(reply.get(i + 6))),
                Instant.ofEpochMilli(integer(reply.get(i + 7))),
                now,
                visibleAgainAt,
                deadLetterInfo(reply.get(i + 8))));
        }
        return messages;
    }

    private record Batch(List<ReceivedMessage> messages, long nextEventInMillis) {
    }

    // ---------------------------------------------------------------- settling

    /**
     * Acknowledges messages: deletes those whose handles are current. A stale handle (the
     * message was acknowledged already, or its visibility deadline passed and it is visible
     * again) is reported {@link HandleOutcome#NOT_IN_FLIGHT} and changes nothing.
     */
    public HandleResults acknowledge(Collection<String> receiptHandles) {
        return perHandle("acknowledge", receiptHandles, HandleOutcome.ACKNOWLEDGED,
            args -> QueueScripts.ACK.execute(redis(), keys.keySet(), args), List.of());
    }

    /** Acknowledges one message; see {@link #acknowledge(Collection)}. */
    public HandleOutcome acknowledge(String receiptHandle) {
        return acknowledge(List.of(receiptHandle)).outcome(receiptHandle);
    }

    /**
     * Moves the visibility deadline of in-flight messages to now plus {@code visibilityTimeout}
     * (a lease renewal, for work that takes longer than expected).
     */
    public HandleResults extendVisibility(Collection<String> receiptHandles, Duration visibilityTimeout) {
        if (visibilityTimeout.toMillis() < 1) {
            throw new IllegalArgumentException("visibilityTimeout must be at least 1ms, got " + visibilityTimeout);
        }
        return perHandle("extendVisibility", receiptHandles, HandleOutcome.EXTENDED,
            args -> QueueScripts.EXTEND.execute(redis(), keys.keySet(), args),
            List.of(number(visibilityTimeout.toMillis())));
    }

    /**
     * Gives messages back after a failed attempt, before their deadline. Each becomes visible
     * again after the queue's redelivery backoff ({@code redeliveryDelay ×
     * redeliveryMultiplier^(deliveries-1)}, capped at {@code maxRedeliveryDelay}, spread by
     * {@code redeliveryJitter}), or goes to the dead-letter queue if it has been delivered
     * {@code maxDeliveries} times.
     */
    public HandleResults release(Collection<String> receiptHandles) {
        return release(receiptHandles, null, true);
    }

    /**
     * Like {@link #release(Collection)}, with a fixed delay instead of the backoff
     * ({@link Duration#ZERO}: visible at once).
     */
    public HandleResults release(Collection<String> receiptHandles, Duration delay) {
        return release(receiptHandles, delay, true);
    }

    /**
     * Gives back messages that were received but never handed to the application (prefetched
     * ones, when a consumer closes): the delivery is not counted, and they are ready at once.
     */
    public HandleResults releaseUndelivered(Collection<String> receiptHandles) {
        return release(receiptHandles, Duration.ZERO, false);
    }

    private HandleResults release(Collection<String> receiptHandles, Duration delay, boolean counted) {
        if (delay != null && delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative, got " + delay);
        }
        byte[] delayArg = delay == null ? EMPTY : number(delay.toMillis());
        byte[] random = utf8(Double.toString(ThreadLocalRandom.current().nextDouble()));
        return withDeadLetterQueue("release", dlq -> perHandle("release", receiptHandles, null,
            args -> QueueScripts.RELEASE.execute(redis(), keys(dlq), args),
            List.of(utf8(name()), utf8(dlq.name()), defaultsJson, delayArg, random, number(counted ? 1 : 0))));
    }

    /**
     * Moves in-flight messages to the dead-letter queue now, with a reason and detail of the
     * caller's (for example a payload it cannot decode: reason {@code corrupt}).
     */
    public HandleResults deadLetter(Collection<String> receiptHandles, String reason, String detail) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("A dead-letter reason is required");
        }
        return withDeadLetterQueue("deadLetter", dlq -> perHandle("deadLetter", receiptHandles,
            HandleOutcome.DEAD_LETTERED, args -> QueueScripts.DEAD_LETTER.execute(redis(), keys(dlq), args),
            List.of(utf8(name()), utf8(dlq.name()), defaultsJson, utf8(reason), utf8(detail == null ? "" : detail))));
    }

    // ---------------------------------------------------------------- operations

    /**
     * The first ready messages in delivery order, up to {@code max}, changing nothing. Expired
     * and unreadable entries are skipped; when very many are, fewer than {@code max} messages
     * may come back although more follow: use {@link #browse} to read a whole queue.
     */
    public List<QueuedMessage> peek(int max) {
        return browse(null, max).messages();
    }

    /**
     * Reads the ready messages in delivery order, a page at a time, changing nothing. Start with
     * a {@code null} cursor and pass each page's {@link BrowsePage#nextCursor()} to the next call
     * until it is empty. Messages whose time-to-live has passed are skipped. Messages sent while
     * browsing appear if their position lies after the cursor.
     */
    public BrowsePage browse(String cursor, int max) {
        if (max < 1) {
            throw new IllegalArgumentException("max must be at least 1, got " + max);
        }
        List<Object> reply = list(run("browse", () -> QueueScripts.BROWSE.execute(redis(), keys.keySet(),
            List.of(cursor == null ? EMPTY : utf8(cursor), number(max), number(client.options().recoveryBudget())))));
        String next = text(reply.get(0));
        List<QueuedMessage> page = new ArrayList<>(reply.size() / 8);
        for (int i = 1; i + 7 < reply.size(); i += 8) {
            page.add(new QueuedMessage(
                text(reply.get(i)),
                text(reply.get(i + 1)),
                bytes(reply.get(i + 2)),
                (int) integer(reply.get(i + 3)),
                Instant.ofEpochMilli(integer(reply.get(i + 4))),
                optionalInstant(integer(reply.get(i + 5))),
                (int) integer(reply.get(i + 6)),
                deadLetterInfo(reply.get(i + 7))));
        }
        return new BrowsePage(page, next.isEmpty() ? Optional.empty() : Optional.of(next));
    }

    /** The queue's counts, read atomically. */
    public QueueStats stats() {
        QueueKeys dlq = deadLetterKeys;
        List<Object> r = list(run("stats", () -> QueueScripts.STATS.execute(redis(), keys(dlq), List.of())));
        long now = integer(r.get(0));
        long oldestSent = integer(r.get(5));
        return new QueueStats(integer(r.get(1)), integer(r.get(2)), integer(r.get(3)), integer(r.get(4)),
            oldestSent < 0 ? Optional.empty() : Optional.of(Duration.ofMillis(Math.max(0, now - oldestSent))),
            integer(r.get(6)), integer(r.get(7)));
    }

    /**
     * Deletes every message of the queue, in any state. Receipt handles held by consumers
     * become stale. The attributes, the id counters and the totals of {@link #stats()} stay,
     * and the dead-letter queue is untouched (purge it with {@code deadLetterQueue().purge()}).
     * Returns how many messages were deleted. A plain queue goes in one call; a topic
     * subscription gives its references to shared payloads back in batches.
     */
    public long purge() {
        return purge("purge", EMPTY);
    }

    /**
     * Deletes the queue: its messages, attributes and counters (not its dead-letter queue). A
     * later use creates it again with the client's defaults. Returns how many messages it held.
     * A topic subscription must first be removed from its topic ({@link ReliableTopic#unsubscribe}).
     */
    public long delete() {
        return purge("delete", utf8("delete"));
    }

    private long purge(String operation, byte[] mode) {
        byte[] batch = number(Math.max(100, client.options().recoveryBudget() * 10L));
        long deleted = 0;
        while (true) {
            List<Object> reply = list(run(operation, () -> QueueScripts.PURGE.execute(redis(), keys.keySet(),
                List.of(mode, batch))));
            deleted += integer(reply.get(0));
            if (integer(reply.get(1)) == 1) {
                return deleted;
            }
        }
    }

    List<byte[]> keySet() {
        return keys.keySet();
    }

    byte[] defaultsJson() {
        return defaultsJson;
    }

    /** The hash of consumers attached to a topic subscription's queue (see {@link ReliableTopic#attach}). */
    String consumersKey() {
        return keys.key("consumers");
    }

    /** True when the queue exists in Redis (it has attributes: it was used and not deleted). */
    public boolean exists() {
        return run("exists", () -> redis().exists(keys.attributesKey()));
    }

    /**
     * Moves every ready message of the dead-letter queue back to this queue, oldest first, in
     * batches of {@code batchSize}: they arrive ready, with no deliveries counted, their
     * priority, and the time-to-live they had. A dead letter whose payload is missing cannot be
     * moved and stays for an operator. Returns how many were moved.
     */
    public long redrive(int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1, got " + batchSize);
        }
        QueueKeys dlq = deadLetterKeys;
        List<byte[]> scriptKeys = new ArrayList<>(dlq.keySet());
        scriptKeys.addAll(keys.keySet());
        long total = 0;
        while (true) {
            List<Object> r = list(run("redrive", () -> QueueScripts.REDRIVE.execute(redis(), scriptKeys,
                List.of(defaultsJson, number(batchSize), number(client.options().recoveryBudget())))));
            long moved = integer(r.get(0));
            total += moved;
            if (moved == 0 || integer(r.get(1)) == 0) {
                return total;
            }
        }
    }

    /** The attributes in force (those stored in Redis, or the defaults if the queue is new). */
    public QueueAttributes attributes() {
        Map<String, String> hash = run("attributes", () -> redis().hgetAll(keys.attributesKey()));
        QueueAttributes attrs = QueueAttributes.fromHash(hash, defaults);
        noteDeadLetterQueue(attrs.deadLetterQueue());
        return attrs;
    }

    /**
     * Stores new attributes; every client uses them from its next operation on. A
     * {@code null} dead-letter queue keeps the current one.
     */
    public void setAttributes(QueueAttributes attributes) {
        QueueAttributes stored = attributes.deadLetterQueue() == null
            ? attributes.withDeadLetterQueue(attributes().deadLetterQueue()) : attributes;
        if (stored.deadLetterQueue().equals(name())) {
            throw new IllegalArgumentException("A queue cannot be its own dead-letter queue: " + name());
        }
        Map<String, String> hash = new HashMap<>(stored.toHash());
        run("setAttributes", () -> redis().hset(keys.attributesKey(), hash));
        noteDeadLetterQueue(stored.deadLetterQueue());
    }

    /**
     * Lazy recovery on its own; the client's background sweep calls it, unless a receive of this
     * client already ran recovery within {@code within} (waiting consumers do, every poll).
     */
    void sweepUnlessRecoveredWithin(Duration within) {
        if (System.nanoTime() - lastRecoveryNanos < within.toNanos()) {
            return;
        }
        lastRecoveryNanos = System.nanoTime();
        withDeadLetterQueue("sweep", dlq -> QueueScripts.SWEEP.execute(redis(), keys(dlq),
            List.of(utf8(name()), utf8(dlq.name()), defaultsJson, number(client.options().recoveryBudget()))));
    }

    // ---------------------------------------------------------------- plumbing

    private UnifiedJedis redis() {
        return client.redis();
    }

    private List<byte[]> keys(QueueKeys dlq) {
        List<byte[]> all = new ArrayList<>(20);
        all.addAll(keys.keySet());
        all.addAll(dlq.keySet());
        return all;
    }

    private void noteDeadLetterQueue(String dlqName) {
        if (!dlqName.equals(deadLetterKeys.name())) {
            deadLetterKeys = new QueueKeys(client.options().keyPrefix(), dlqName);
        }
    }

    /**
     * Runs a script that needs the dead-letter queue's keys. The attributes in Redis are the
     * truth: when the script reports that they name another dead-letter queue, adopt it and
     * run again.
     */
    private <T> T withDeadLetterQueue(String operation, Function<QueueKeys, T> call) {
        for (int attempt = 0; ; attempt++) {
            QueueKeys dlq = deadLetterKeys;
            try {
                return run(operation, () -> call.apply(dlq));
            } catch (DeadLetterQueueChanged changed) {
                noteDeadLetterQueue(changed.actual);
                if (attempt >= 2) {
                    throw new ReliqQueueException(operation + " on queue '" + name()
                        + "': its dead-letter queue keeps changing (now '" + changed.actual + "')");
                }
            }
        }
    }

    private HandleResults perHandle(String operation, Collection<String> handles, HandleOutcome success,
            Function<List<byte[]>, Object> call, List<byte[]> leadingArgs) {
        List<String> ordered = new ArrayList<>(new LinkedHashSet<>(handles));
        if (ordered.isEmpty()) {
            return new HandleResults(Map.of());
        }
        List<byte[]> args = new ArrayList<>(leadingArgs.size() + ordered.size());
        args.addAll(leadingArgs);
        for (String handle : ordered) {
            args.add(utf8(handle));
        }
        List<Object> codes = list(run(operation, () -> call.apply(args)));
        Map<String, HandleOutcome> outcomes = new LinkedHashMap<>();
        for (int i = 0; i < ordered.size(); i++) {
            long code = integer(codes.get(i));
            outcomes.put(ordered.get(i), success != null
                ? (code == 1 ? success : HandleOutcome.NOT_IN_FLIGHT)
                : RELEASE_OUTCOMES[(int) code]);
        }
        return new HandleResults(outcomes);
    }

    private static final HandleOutcome[] RELEASE_OUTCOMES = {
        HandleOutcome.NOT_IN_FLIGHT, HandleOutcome.RELEASED, HandleOutcome.DELAYED,
        HandleOutcome.DEAD_LETTERED, HandleOutcome.EXPIRED
    };

    private <T> T run(String operation, Supplier<T> call) {
        try {
            return call.get();
        } catch (JedisConnectionException e) {
            client.connectionFailed();
            throw new RedisConnectionException(operation + " on queue '" + name() + "' failed: Redis at "
                + client.redactedUri() + " is unreachable (" + e.getMessage() + ")", e);
        } catch (JedisDataException e) {
            String message = String.valueOf(e.getMessage());
            int marker = message.indexOf("RELIQ_DLQ_CHANGED ");
            if (marker >= 0) {
                throw new DeadLetterQueueChanged(message.substring(marker + "RELIQ_DLQ_CHANGED ".length()).trim());
            }
            throw new ReliqQueueException(operation + " on queue '" + name() + "' failed: " + message, e);
        } catch (JedisException e) {
            throw new ReliqQueueException(operation + " on queue '" + name() + "' failed: " + e.getMessage(), e);
        }
    }

    /** The script found other dead-letter queue attributes than the client expected. */
    private static final class DeadLetterQueueChanged extends RuntimeException {
        final String actual;

        DeadLetterQueueChanged(String actual) {
            super(null, null, false, false);
            this.actual = actual;
        }
    }

    private static Optional<DeadLetterInfo> deadLetterInfo(Object reply) {
        String json = text(reply);
        return json.isEmpty() ? Optional.empty() : Optional.of(DeadLetterInfo.fromJson(json));
    }

    private static Optional<Instant> optionalInstant(long epochMillis) {
        return epochMillis > 0 ? Optional.of(Instant.ofEpochMilli(epochMillis)) : Optional.empty();
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object reply) {
        return (List<Object>) reply;
    }

    private static long integer(Object reply) {
        if (reply instanceof Long l) {
            return l;
        }
        return Long.parseLong(text(reply));
    }

    static String text(Object reply) {
        return reply instanceof byte[] b ? new String(b, StandardCharsets.UTF_8) : String.valueOf(reply);
    }

    private static byte[] bytes(Object reply) {
        return reply instanceof byte[] b ? b : utf8(String.valueOf(reply));
    }

    static byte[] number(long n) {
        return utf8(Long.toString(n));
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "ReliableQueue[" + name() + "]";
    }
}
