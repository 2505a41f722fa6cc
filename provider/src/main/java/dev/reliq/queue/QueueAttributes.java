package dev.reliq.queue;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The attributes of a queue. They live in Redis with the queue (hash {@code <queue>:attrs}), so
 * every client agrees on them; a client's defaults only apply to queues it creates on first use.
 *
 * @param visibilityTimeout how long a delivered message stays invisible to other consumers before
 *     it is delivered again unless acknowledged or extended (default 30s)
 * @param maxDeliveries after this many deliveries a message that comes back goes to the
 *     dead-letter queue instead; 0 = no limit (default 10; 0 for queues named {@code *.DLQ})
 * @param deadLetterQueue the queue that receives dead letters (default: the queue's name plus
 *     {@code .DLQ}); it should share the queue's hash tag, as the default does, to work on a
 *     Redis Cluster
 * @param redeliveryDelay delay before a released (failed) message is visible again after its
 *     first delivery (default 0)
 * @param redeliveryMultiplier factor applied to the delay for each further delivery (default 2)
 * @param maxRedeliveryDelay upper bound of the redelivery delay (default 5m)
 * @param redeliveryJitter fraction in [0, 1]: the delay is spread by up to ± this share, so
 *     failing consumers do not retry in lockstep (default 0)
 */
public record QueueAttributes(
        Duration visibilityTimeout,
        int maxDeliveries,
        String deadLetterQueue,
        Duration redeliveryDelay,
        double redeliveryMultiplier,
        Duration maxRedeliveryDelay,
        double redeliveryJitter) {

    public static final Duration DEFAULT_VISIBILITY_TIMEOUT = Duration.ofSeconds(30);
    public static final int DEFAULT_MAX_DELIVERIES = 10;
    public static final Duration DEFAULT_MAX_REDELIVERY_DELAY = Duration.ofMinutes(5);

    public QueueAttributes {
        Objects.requireNonNull(visibilityTimeout, "visibilityTimeout");
        Objects.requireNonNull(redeliveryDelay, "redeliveryDelay");
        Objects.requireNonNull(maxRedeliveryDelay, "maxRedeliveryDelay");
        if (visibilityTimeout.toMillis() < 1) {
            throw new IllegalArgumentException("visibilityTimeout must be at least 1ms, got " + visibilityTimeout);
        }
        if (maxDeliveries < 0) {
            throw new IllegalArgumentException("maxDeliveries must be 0 (no limit) or more, got " + maxDeliveries);
        }
        if (deadLetterQueue != null) {
            QueueKeys.validName(deadLetterQueue);
        }
        if (redeliveryDelay.isNegative() || maxRedeliveryDelay.isNegative()) {
            throw new IllegalArgumentException("redelivery delays must not be negative");
        }
        if (!(redeliveryMultiplier >= 1.0) || Double.isInfinite(redeliveryMultiplier)) {
            throw new IllegalArgumentException("redeliveryMultiplier must be 1 or more, got " + redeliveryMultiplier);
        }
        if (!(redeliveryJitter >= 0.0 && redeliveryJitter <= 1.0)) {
            throw new IllegalArgumentException("redeliveryJitter must be between 0 and 1, got " + redeliveryJitter);
        }
    }

    /** The built-in defaults, with no dead-letter queue chosen yet (see {@link #forQueue}). */
    public static QueueAttributes defaults() {
        return new QueueAttributes(DEFAULT_VISIBILITY_TIMEOUT, DEFAULT_MAX_DELIVERIES, null,
            Duration.ZERO, 2.0, DEFAULT_MAX_REDELIVERY_DELAY, 0.0);
    }

    /**
     * These attributes as defaults for the queue {@code name}: the dead-letter queue, when not
     * set, becomes {@code name.DLQ}; a dead-letter queue itself gets no delivery limit, so dead
     * letters are never moved on by accident.
     */
    public QueueAttributes forQueue(String name) {
        boolean isDeadLetterQueue = name.endsWith(QueueKeys.DEAD_LETTER_SUFFIX);
        return new QueueAttributes(visibilityTimeout, isDeadLetterQueue ? 0 : maxDeliveries,
            deadLetterQueue != null && !isDeadLetterQueue ? deadLetterQueue : name + QueueKeys.DEAD_LETTER_SUFFIX,
            redeliveryDelay, redeliveryMultiplier, maxRedeliveryDelay, redeliveryJitter);
    }

    public QueueAttributes withVisibilityTimeout(Duration value) {
        return new QueueAttributes(value, maxDeliveries, deadLetterQueue, redeliveryDelay,
            redeliveryMultiplier, maxRedeliveryDelay, redeliveryJitter);
    }

    public QueueAttributes withMaxDeliveries(int value) {
        return new QueueAttributes(visibilityTimeout, value, deadLetterQueue, redeliveryDelay,
            redeliveryMultiplier, maxRedeliveryDelay, redeliveryJitter);
    }

    public QueueAttributes withDeadLetterQueue(String value) {
        return new QueueAttributes(visibilityTimeout, maxDeliveries, value, redeliveryDelay,
            redeliveryMultiplier, maxRedeliveryDelay, redeliveryJitter);
    }

    public QueueAttributes withRedeliveryDelay(Duration value) {
        return new QueueAttributes(visibilityTimeout, maxDeliveries, deadLetterQueue, value,
            redeliveryMultiplier, maxRedeliveryDelay, redeliveryJitter);
    }

    public QueueAttributes withRedeliveryMultiplier(double value) {
        return new QueueAttributes(visibilityTimeout, maxDeliveries, deadLetterQueue, redeliveryDelay,
            value, maxRedeliveryDelay, redeliveryJitter);
    }

    public QueueAttributes withMaxRedeliveryDelay(Duration value) {
        return new QueueAttributes(visibilityTimeout, maxDeliveries, deadLetterQueue, redeliveryDelay,
            redeliveryMultiplier, value, redeliveryJitter);
    }

    public QueueAttributes withRedeliveryJitter(double value) {
        return new QueueAttributes(visibilityTimeout, maxDeliveries, deadLetterQueue, redeliveryDelay,
            redeliveryMultiplier, maxRedeliveryDelay, value);
    }

    /** The fields of the {@code attrs} hash (docs/redis-layout.md). */
    Map<String, String> toHash() {
        Map<String, String> hash = new LinkedHashMap<>();
        hash.put("visibilityTimeoutMs", Long.toString(visibilityTimeout.toMillis()));
        hash.put("maxDeliveries", Integer.toString(maxDeliveries));
        if (deadLetterQueue != null) {
            hash.put("deadLetterQueue", deadLetterQueue);
        }
        hash.put("redeliveryDelayMs", Long.toString(redeliveryDelay.toMillis()));
        hash.put("redeliveryMultiplier", Double.toString(redeliveryMultiplier));
        hash.put("maxRedeliveryDelayMs", Long.toString(maxRedeliveryDelay.toMillis()));
        hash.put("redeliveryJitter", Double.toString(redeliveryJitter));
        return hash;
    }

    /** Reads an {@code attrs} hash; fields that are missing or unreadable keep {@code fallback}'s values. */
    static QueueAttributes fromHash(Map<String, String> hash, QueueAttributes fallback) {
        return new QueueAttributes(
            millis(hash.get("visibilityTimeoutMs"), fallback.visibilityTimeout),
            (int) number(hash.get("maxDeliveries"), fallback.maxDeliveries),
            hash.getOrDefault("deadLetterQueue", fallback.deadLetterQueue),
            millis(hash.get("redeliveryDelayMs"), fallback.redeliveryDelay),
            number(hash.get("redeliveryMultiplier"), fallback.redeliveryMultiplier),
            millis(hash.get("maxRedeliveryDelayMs"), fallback.maxRedeliveryDelay),
            number(hash.get("redeliveryJitter"), fallback.redeliveryJitter));
    }

    /** The hash as the JSON object the scripts store when they create the queue. */
    String toJson() {
        return Json.write(toHash());
    }

    private static Duration millis(String value, Duration fallback) {
        double ms = number(value, Double.NaN);
        return Double.isNaN(ms) ? fallback : Duration.ofMillis((long) ms);
    }

    private static double number(String value, double fallback) {
        if (value == null) {
            return fallback;
        }
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
