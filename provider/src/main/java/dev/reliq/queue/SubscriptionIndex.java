package dev.reliq.queue;

import java.util.function.Supplier;

/**
 * Where each named subscription lives: a hash {@code <prefix>:subscriptions} from
 * {@code <client ID>:<subscription name>} (durable) or {@code ~<client ID>:<subscription name>}
 * (shared non-durable: JMS keeps the two namespaces apart) to its topic. JMS names a durable or shared
 * subscription by client ID and name alone ({@code unsubscribe(name)}, or re-creating it on
 * another topic), so the topic must be found from them.
 */
public final class SubscriptionIndex {

    private final QueueClient client;

    SubscriptionIndex(QueueClient client) {
        this.client = client;
    }

    /** The topic of subscription {@code name} under {@code clientId} ("" for none), or null. */
    public String topicOf(String clientId, String name, boolean durable) {
        return run("lookup", () -> client.redis().hget(key(), field(clientId, name, durable)));
    }

    public void put(String clientId, String name, boolean durable, String topic) {
        run("record", () -> client.redis().hset(key(), field(clientId, name, durable), topic));
    }

    public void remove(String clientId, String name, boolean durable) {
        run("remove", () -> client.redis().hdel(key(), field(clientId, name, durable)));
    }

    private static String field(String clientId, String name, boolean durable) {
        return (durable ? "" : "~") + ReliableTopic.encode(clientId) + ":" + name;
    }

    private String key() {
        return client.options().keyPrefix() + ":subscriptions";
    }

    private <T> T run(String op, Supplier<T> call) {
        return client.call("subscription index " + op, call);
    }
}
