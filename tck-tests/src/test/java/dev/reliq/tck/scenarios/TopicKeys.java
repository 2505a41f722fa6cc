package dev.reliq.tck.scenarios;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

import dev.reliq.test.RedisServerExtension;

/**
 * One topic's keys in Redis, read directly with the fixture's client, for tests that check what a
 * topic leaves behind. With prefix P, a topic T has:
 *
 * <ul>
 *   <li>{@code P:topic:{T}:subscriptions}: a hash from each subscription's queue name to its registration;
 *   <li>{@code P:shared:{T}}: a hash with the id counter {@code id}, {@code version}, and for each message
 *       still referenced by a subscription its payload {@code <id>}, metadata {@code <id>:m} and
 *       reference count {@code <id>:r};
 *   <li>{@code P:{T}::<rest>:<suffix>}: the keys of each subscription queue {@code T::<rest>} and of its
 *       dead-letter queue.
 * </ul>
 *
 * Topic names given to it must not contain ':' or '%', which the layout percent-encodes.
 */
final class TopicKeys {

    private static final Set<String> BOOKKEEPING_FIELDS = Set.of("id", "version");

    private final UnifiedJedis jedis;
    private final String prefix;
    private final String topic;

    TopicKeys(RedisServerExtension redis, String topic) {
        if (topic.indexOf(':') >= 0 || topic.indexOf('%') >= 0) {
            throw new IllegalArgumentException("use a topic name without ':' and '%' in tests, got " + topic);
        }
        this.jedis = redis.jedis();
        this.prefix = redis.keyPrefix();
        this.topic = topic;
    }

    /** The queue name of the named (durable or shared) subscription {@code clientId:name}. */
    String subscriptionQueue(String clientId, String subscriptionName) {
        return topic + "::" + clientId + ":" + subscriptionName;
    }

    String subscriptionsKey() {
        return prefix + ":topic:{" + topic + "}:subscriptions";
    }

    String sharedKey() {
        return prefix + ":shared:{" + topic + "}";
    }

    /** The queue names of the topic's registered subscriptions. */
    Set<String> subscriptions() {
        return new TreeSet<>(jedis.hkeys(subscriptionsKey()));
    }

    /** Every key of every subscription queue of the topic, dead-letter queues included. */
    Set<String> subscriptionKeys() {
        return scan(glob(prefix + ":{" + topic + "}::") + "*");
    }

    /** Every key that carries the topic's hash tag: subscriptions, registry, shared payloads. */
    Set<String> allKeys() {
        return scan(glob(prefix) + ":*{" + glob(topic) + "}*");
    }

    /** The fields of the shared hash that belong to messages: payloads, metadata, reference counts. */
    Set<String> messageFields() {
        Set<String> fields = new TreeSet<>(jedis.hkeys(sharedKey()));
        fields.removeAll(BOOKKEEPING_FIELDS);
        return fields;
    }

    /** The message payloads in the shared hash: one field per message, however many subscriptions it reached. */
    Set<String> payloads() {
        Set<String> payloads = messageFields();
        payloads.removeIf(field -> field.endsWith(":m") || field.endsWith(":r"));
        return payloads;
    }

    /** Each message's reference count, by message id. */
    Map<String, String> referenceCounts() {
        Map<String, String> counts = new HashMap<>();
        jedis.hgetAll(sharedKey()).forEach((field, value) -> {
            if (field.endsWith(":r")) {
                counts.put(field.substring(0, field.length() - 2), value);
            }
        });
        return counts;
    }

    /** The exact bytes Redis holds for the topic's keys: {@code MEMORY USAGE key SAMPLES 0}, summed. */
    long memoryUsage() {
        long total = 0;
        for (String key : allKeys()) {
            Long bytes = jedis.memoryUsage(key, 0);
            total += bytes == null ? 0 : bytes;
        }
        return total;
    }

    /** Redis's {@code used_memory} from INFO memory: everything its allocator holds. */
    static long usedMemory(RedisServerExtension redis) {
        for (String line : redis.jedis().info("memory").split("\\r?\\n")) {
            if (line.startsWith("used_memory:")) {
                return Long.parseLong(line.substring("used_memory:".length()).trim());
            }
        }
        throw new IllegalStateException("INFO memory has no used_memory field");
    }

    private Set<String> scan(String pattern) {
        Set<String> keys = new TreeSet<>();
        ScanParams params = new ScanParams().match(pattern).count(1000);
        String cursor = ScanParams.SCAN_POINTER_START;
        do {
            ScanResult<String> page = jedis.scan(cursor, params);
            keys.addAll(page.getResult());
            cursor = page.getCursor();
        } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
        return keys;
    }

    /** Escapes the characters that a SCAN MATCH pattern treats as wildcards. */
    private static String glob(String literal) {
        StringBuilder out = new StringBuilder(literal.length());
        for (char c : literal.toCharArray()) {
            if (c == '*' || c == '?' || c == '[' || c == ']' || c == '\\') {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }
}
