package dev.reliq.queue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The Redis keys of one queue. Every key of a queue, and of its dead-letter queues, carries the
 * same hash tag, so each operation touches a single Redis Cluster slot:
 *
 * <pre>
 *   queue "orders"      -> reliq:{orders}:ready, reliq:{orders}:msg, ...
 *   queue "orders.DLQ"  -> reliq:{orders}.DLQ:ready, ...
 * </pre>
 *
 * The tag is the queue name without its trailing {@code .DLQ} suffixes; for a name with
 * {@code ::} it is the part before the first {@code ::}, so a topic's subscriptions
 * ({@code <topic>::<subscription>}) and their dead-letter queues share the topic's slot.
 * Every queue of a tag also uses the tag's shared hash ({@code <prefix>:shared:{<tag>}}: the id
 * counter and the payloads of topic messages). Characters that would
 * end or open a tag ({@code { } }) and the escape character itself are percent-encoded, so a
 * user's braces cannot move a queue to another slot. See docs/redis-layout.md.
 */
final class QueueKeys {

    static final String DEAD_LETTER_SUFFIX = ".DLQ";
    /** Separates a topic from a subscription in the name of a subscription's queue. */
    static final String SUBSCRIPTION_SEPARATOR = "::";

    /** The suffixes of a queue's own keys, in the order every script expects them; the shared hash follows. */
    private static final String[] SUFFIXES = {
        "ready", "delayed", "inflight", "msg", "meta", "dead", "expiring", "attrs", "counters"
    };

    private final String name;
    private final String base;
    private final String shared;
    private final List<byte[]> keySet;

    QueueKeys(String prefix, String name) {
        this.name = validName(name);
        String tag = tagOf(name);
        String rest = name.substring(tag.length());
        this.base = validPrefix(prefix) + ":{" + escape(tag) + "}" + escape(rest);
        this.shared = sharedKey(prefix, tag);
        List<byte[]> keys = new ArrayList<>(SUFFIXES.length + 1);
        for (String suffix : SUFFIXES) {
            keys.add(key(suffix).getBytes(StandardCharsets.UTF_8));
        }
        keys.add(shared.getBytes(StandardCharsets.UTF_8));
        this.keySet = List.copyOf(keys);
    }

    /** The hash of tag {@code tag} shared by its queues: id counter, topic payloads, registry version. */
    static String sharedKey(String prefix, String tag) {
        return validPrefix(prefix) + ":shared:{" + escape(tag) + "}";
    }

    /** A key of topic {@code tag} itself, e.g. its subscription registry: {@code <prefix>:topic:{<tag>}:<suffix>}. */
    static String topicKey(String prefix, String tag, String suffix) {
        return validPrefix(prefix) + ":topic:{" + escape(tag) + "}:" + suffix;
    }

    String name() {
        return name;
    }

    /** {@code <prefix>:{<tag>}<rest>}: every key of the queue is this plus {@code :<suffix>}. */
    String base() {
        return base;
    }

    String key(String suffix) {
        return base + ":" + suffix;
    }

    String attributesKey() {
        return key("attrs");
    }

    /** The pub/sub channel on which the scripts announce that the queue has ready messages. */
    String wakeChannel() {
        return key("wake");
    }

    /** The ten keys, in script order (shared: callers must not change the arrays). */
    List<byte[]> keySet() {
        return keySet;
    }

    /**
     * The hash tag: the part before the first "::" if there is one and it is not empty, else the
     * name without trailing ".DLQ" suffixes (never empty).
     */
    static String tagOf(String name) {
        int separator = name.indexOf(SUBSCRIPTION_SEPARATOR);
        if (separator > 0) {
            return name.substring(0, separator);
        }
        String tag = name;
        while (tag.endsWith(DEAD_LETTER_SUFFIX) && tag.length() > DEAD_LETTER_SUFFIX.length()) {
            tag = tag.substring(0, tag.length() - DEAD_LETTER_SUFFIX.length());
        }
        return tag;
    }

    static String validName(String name) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("A queue name must not be empty");
        }
        if (name.length() > 1024) {
            throw new IllegalArgumentException("A queue name must be at most 1024 characters, got "
                + name.length());
        }
        for (int i = 0; i < name.length(); i++) {
            if (Character.isISOControl(name.charAt(i))) {
                throw new IllegalArgumentException("A queue name must not contain control characters: '"
                    + name.replaceAll("\\p{Cntrl}", "?") + "'");
            }
        }
        return name;
    }

    static String validPrefix(String prefix) {
        if (prefix == null || prefix.isEmpty() || prefix.indexOf('{') >= 0 || prefix.indexOf('}') >= 0) {
            throw new IllegalArgumentException("keyPrefix must be non-empty and contain no braces, got '"
                + prefix + "'");
        }
        return prefix;
    }

    private static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '%' -> out.append("%25");
                case '{' -> out.append("%7B");
                case '}' -> out.append("%7D");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
