package dev.reliq.jndi;

import static dev.reliq.jndi.ReliqInitialContextFactory.CONNECTION_FACTORY_PREFIX;
import static dev.reliq.jndi.ReliqInitialContextFactory.DYNAMIC_QUEUES;
import static dev.reliq.jndi.ReliqInitialContextFactory.DYNAMIC_TOPICS;
import static dev.reliq.jndi.ReliqInitialContextFactory.QUEUE_PREFIX;
import static dev.reliq.jndi.ReliqInitialContextFactory.TOPIC_PREFIX;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import javax.naming.ConfigurationException;
import javax.naming.Context;

import dev.reliq.jms.ReliqConnectionFactory;
import dev.reliq.jms.ReliqQueue;
import dev.reliq.jms.ReliqTopic;

/**
 * The objects of a reliq JNDI context, made once from its environment's
 * {@code connectionFactory.}, {@code queue.} and {@code topic.} entries, plus the
 * {@code dynamicQueues/} and {@code dynamicTopics/} names that need no entry.
 */
final class JndiBindings {

    /** Bound when the environment configures no connection factory. */
    static final List<String> DEFAULT_FACTORY_NAMES =
        List.of("ConnectionFactory", "QueueConnectionFactory", "TopicConnectionFactory");

    private final SortedMap<String, Object> bound;

    private JndiBindings(SortedMap<String, Object> bound) {
        this.bound = Collections.unmodifiableSortedMap(bound);
    }

    /**
     * @throws ConfigurationException naming the entry that cannot be bound, and why
     */
    static JndiBindings from(Map<?, ?> environment) throws ConfigurationException {
        Builder builder = new Builder();
        // sorted, so that the first of several mistakes reported is always the same one
        SortedMap<String, Object> entries = new TreeMap<>();
        environment.forEach((key, value) -> {
            if (key instanceof String name) {
                entries.put(name, value);
            }
        });
        boolean factoryConfigured = false;
        for (Map.Entry<String, Object> entry : entries.entrySet()) {
            String key = entry.getKey();
            if (hasPrefix(key, CONNECTION_FACTORY_PREFIX)) {
                builder.bind(key, CONNECTION_FACTORY_PREFIX, entry.getValue(), uri -> connectionFactory(key, uri));
                factoryConfigured = true;
            } else if (hasPrefix(key, QUEUE_PREFIX)) {
                builder.bind(key, QUEUE_PREFIX, entry.getValue(), ReliqQueue::new);
            } else if (hasPrefix(key, TOPIC_PREFIX)) {
                builder.bind(key, TOPIC_PREFIX, entry.getValue(), ReliqTopic::new);
            }
        }
        if (!factoryConfigured) {
            builder.bindDefaultFactories(environment.get(Context.PROVIDER_URL));
        }
        return new JndiBindings(builder.bound);
    }

    /** The object bound to, or dynamically named by, {@code name}; null if there is none. */
    Object lookup(String name) {
        Object object = bound.get(name);
        if (object != null) {
            return object;
        }
        if (name.startsWith(DYNAMIC_QUEUES) && name.length() > DYNAMIC_QUEUES.length()) {
            return new ReliqQueue(name.substring(DYNAMIC_QUEUES.length()));
        }
        if (name.startsWith(DYNAMIC_TOPICS) && name.length() > DYNAMIC_TOPICS.length()) {
            return new ReliqTopic(name.substring(DYNAMIC_TOPICS.length()));
        }
        return null;
    }

    /** Every configured binding, by name; dynamic names are not listed. */
    SortedMap<String, Object> all() {
        return bound;
    }

    private static boolean hasPrefix(String key, String prefix) {
        return key.regionMatches(true, 0, prefix, 0, prefix.length());
    }

    private static ReliqConnectionFactory connectionFactory(String key, String uri) throws ConfigurationException {
        try {
            return new ReliqConnectionFactory(uri);
        } catch (IllegalArgumentException e) {
            // an InvalidRedisUriException, whose message shows the URI with its passwords as ***
            ConfigurationException problem = new ConfigurationException("The JNDI entry '" + key
                + "' cannot be used: " + withoutFinalPeriod(e.getMessage())
                + ". Correct the URI; docs/configuration.md lists its forms and options");
            problem.setRootCause(e);
            throw problem;
        }
    }

    private static String withoutFinalPeriod(String message) {
        return message != null && message.endsWith(".") ? message.substring(0, message.length() - 1) : message;
    }

    /** Makes the object an entry binds from the entry's value. */
    @FunctionalInterface
    private interface Maker {
        Object make(String value) throws ConfigurationException;
    }

    /** Collects bindings and remembers which entry made each one, to report a clash. */
    private static final class Builder {

        private final SortedMap<String, Object> bound = new TreeMap<>();
        private final Map<String, String> origins = new HashMap<>();

        void bind(String key, String prefix, Object value, Maker maker) throws ConfigurationException {
            String name = key.substring(prefix.length());
            if (name.isEmpty()) {
                throw problem("The JNDI entry '" + key + "' has no name; write " + key
                    + "<name> = <value>, and look the object up by <name>");
            }
            if (!(value instanceof String text)) {
                throw problem("The JNDI entry '" + key + "' must have a text value, but it is a "
                    + (value == null ? "null" : value.getClass().getName()));
            }
            String trimmed = text.trim();
            if (trimmed.isEmpty()) {
                throw problem("The JNDI entry '" + key + "' is empty; give it "
                    + (prefix.equals(CONNECTION_FACTORY_PREFIX)
                        ? "a Redis URI such as redis://localhost:6379"
                        : "the physical name of the " + (prefix.equals(QUEUE_PREFIX) ? "queue" : "topic") + " in Redis"));
            }
            put(name, key, maker.make(trimmed));
        }

        void bindDefaultFactories(Object providerUrl) throws ConfigurationException {
            String key = Context.PROVIDER_URL;
            if (providerUrl != null && !(providerUrl instanceof String)) {
                throw problem("The JNDI entry '" + key + "' must have a text value, but it is a "
                    + providerUrl.getClass().getName());
            }
            String uri = providerUrl == null || ((String) providerUrl).isBlank()
                ? ReliqConnectionFactory.DEFAULT_URL : ((String) providerUrl).trim();
            for (String name : DEFAULT_FACTORY_NAMES) {
                String entry = origins.get(name);
                if (entry != null) {
                    throw problem("The JNDI entry '" + entry + "' binds '" + name + "', the name of a default"
                        + " connection factory, bound when no connectionFactory.<name> entry is given; rename the"
                        + " entry, or configure a connection factory, which replaces the defaults");
                }
                bound.put(name, connectionFactory(key, uri));
            }
        }

        private void put(String name, String key, Object object) throws ConfigurationException {
            String earlier = origins.putIfAbsent(name, key);
            if (earlier != null) {
                throw problem("The JNDI entries '" + earlier + "' and '" + key + "' both bind the name '" + name
                    + "'; keep one of them, or give the other a different name");
            }
            bound.put(name, object);
        }

        private static ConfigurationException problem(String message) {
            return new ConfigurationException(message);
        }
    }
}
