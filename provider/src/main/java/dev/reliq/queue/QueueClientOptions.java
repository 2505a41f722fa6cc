package dev.reliq.queue;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * How a {@link QueueClient} behaves, read from the URI's query options (all optional):
 *
 * <table>
 *   <caption>Queue client options</caption>
 *   <tr><th>option</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>keyPrefix</td><td>reliq</td><td>first part of every Redis key and channel</td></tr>
 *   <tr><td>visibilityTimeout</td><td>30s</td><td>default for queues this client creates</td></tr>
 *   <tr><td>maxDeliveries</td><td>10</td><td>default for queues this client creates (0 = no limit)</td></tr>
 *   <tr><td>redeliveryDelay</td><td>0</td><td>default backoff after the first failed delivery</td></tr>
 *   <tr><td>redeliveryMultiplier</td><td>2</td><td>default backoff growth per delivery</td></tr>
 *   <tr><td>maxRedeliveryDelay</td><td>5m</td><td>default backoff cap</td></tr>
 *   <tr><td>redeliveryJitter</td><td>0</td><td>default backoff spread, 0 to 1</td></tr>
 *   <tr><td>pollInterval</td><td>1s</td><td>longest a waiting receive sleeps without a wake-up
 *       notification before asking Redis again (the safety net under pub/sub)</td></tr>
 *   <tr><td>sweepInterval</td><td>5s</td><td>how often the client runs recovery on the queues it
 *       uses, so dead-lettering and expiry happen even when nobody receives; 0 turns it off</td></tr>
 *   <tr><td>recoveryBudget</td><td>100</td><td>most entries one call examines per recovery step</td></tr>
 *   <tr><td>maxMessageSize</td><td>1MiB</td><td>largest payload {@code send} accepts; bytes, or with
 *       a KiB/MiB suffix</td></tr>
 * </table>
 *
 * Durations are written {@code 500ms}, {@code 30s}, {@code 5m}, or plain milliseconds.
 */
public record QueueClientOptions(
        String keyPrefix,
        QueueAttributes queueDefaults,
        Duration pollInterval,
        Duration sweepInterval,
        int recoveryBudget,
        long maxMessageSize) {

    public static final String DEFAULT_KEY_PREFIX = "reliq";

    private static final Set<String> NAMES = Set.of("keyPrefix", "visibilityTimeout", "maxDeliveries",
        "redeliveryDelay", "redeliveryMultiplier", "maxRedeliveryDelay", "redeliveryJitter",
        "pollInterval", "sweepInterval", "recoveryBudget", "maxMessageSize");

    public QueueClientOptions {
        QueueKeys.validPrefix(keyPrefix);
        Objects.requireNonNull(queueDefaults, "queueDefaults");
        if (pollInterval.toMillis() < 1) {
            throw new IllegalArgumentException("pollInterval must be at least 1ms, got " + pollInterval);
        }
        if (sweepInterval.isNegative()) {
            throw new IllegalArgumentException("sweepInterval must not be negative");
        }
        if (recoveryBudget < 1) {
            throw new IllegalArgumentException("recoveryBudget must be at least 1, got " + recoveryBudget);
        }
        if (maxMessageSize < 1) {
            throw new IllegalArgumentException("maxMessageSize must be at least 1 byte, got " + maxMessageSize);
        }
    }

    public static QueueClientOptions defaults() {
        return new QueueClientOptions(DEFAULT_KEY_PREFIX, QueueAttributes.defaults(), Duration.ofSeconds(1),
            Duration.ofSeconds(5), 100, 1024 * 1024);
    }

    /** The option names this class reads from a URI. */
    public static Set<String> optionNames() {
        return NAMES;
    }

    /**
     * Reads the options from {@code uri}, ignoring options this class does not know (the layers
     * above read their own; see {@link #rejectUnknownOptions}).
     *
     * @throws InvalidRedisUriException naming the option whose value is wrong
     */
    public static QueueClientOptions fromUri(RedisUri uri) {
        Map<String, String> o = uri.options();
        QueueClientOptions d = defaults();
        QueueAttributes a = d.queueDefaults;
        try {
            QueueAttributes attrs = new QueueAttributes(
                duration(o, "visibilityTimeout", a.visibilityTimeout()),
                (int) integer(o, "maxDeliveries", a.maxDeliveries()),
                null,
                duration(o, "redeliveryDelay", a.redeliveryDelay()),
                decimal(o, "redeliveryMultiplier", a.redeliveryMultiplier()),
                duration(o, "maxRedeliveryDelay", a.maxRedeliveryDelay()),
                decimal(o, "redeliveryJitter", a.redeliveryJitter()));
            return new QueueClientOptions(
                o.getOrDefault("keyPrefix", d.keyPrefix),
                attrs,
                duration(o, "pollInterval", d.pollInterval),
                duration(o, "sweepInterval", d.sweepInterval),
                (int) integer(o, "recoveryBudget", d.recoveryBudget),
                size(o, "maxMessageSize", d.maxMessageSize));
        } catch (IllegalArgumentException e) {
            throw new InvalidRedisUriException(uri.redacted(), e.getMessage());
        }
    }

    /**
     * Fails on an option no layer understands, so a typo ({@code visibilitytimeout}) is not
     * silently ignored.
     *
     * @param known the option names every layer that reads this URI understands
     */
    public static void rejectUnknownOptions(RedisUri uri, Set<String> known) {
        for (String name : uri.options().keySet()) {
            if (known.contains(name)) {
                continue;
            }
            String hint = known.stream().filter(k -> looksLike(name, k)).findFirst()
                .map(k -> " Did you mean '" + k + "'?").orElse("");
            throw new InvalidRedisUriException(uri.redacted(), "unknown option '" + name + "'." + hint
                + " Known options: " + String.join(", ", new TreeSet<>(known)));
        }
    }

    /** A likely typo: a few edits apart, ignoring case (about one edit per four letters). */
    private static boolean looksLike(String typed, String known) {
        String a = typed.toLowerCase(Locale.ROOT);
        String b = known.toLowerCase(Locale.ROOT);
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()] <= Math.max(2, known.length() / 4);
    }

    private static Duration duration(Map<String, String> o, String name, Duration fallback) {
        String value = o.get(name);
        return value == null ? fallback : Durations.parse(name, value);
    }

    private static long integer(Map<String, String> o, String name, long fallback) {
        String value = o.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("option '" + name + "' must be a whole number, got '" + value + "'");
        }
    }

    private static double decimal(Map<String, String> o, String name, double fallback) {
        String value = o.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            return Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("option '" + name + "' must be a number, got '" + value + "'");
        }
    }

    private static long size(Map<String, String> o, String name, long fallback) {
        String value = o.get(name);
        if (value == null) {
            return fallback;
        }
        String v = value.trim().toLowerCase(Locale.ROOT);
        long unit = 1;
        if (v.endsWith("kib")) {
            unit = 1024;
            v = v.substring(0, v.length() - 3);
        } else if (v.endsWith("mib")) {
            unit = 1024 * 1024;
            v = v.substring(0, v.length() - 3);
        }
        try {
            return Math.multiplyExact(Long.parseLong(v), unit);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("option '" + name + "' must be a size in bytes, e.g. 262144,"
                + " 256KiB or 1MiB, got '" + value + "'");
        }
    }
}
