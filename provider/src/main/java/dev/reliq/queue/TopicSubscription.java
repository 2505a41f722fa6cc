package dev.reliq.queue;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A subscription of a topic, as registered with it in Redis: a reliable queue (named
 * {@link #queue}) that every message published to the topic after the subscription was made
 * reaches, unless the subscription's selector or noLocal rule leaves it out.
 *
 * @param queue    the name of the subscription's queue ({@code <topic>::...}, see {@link ReliableTopic})
 * @param name     the subscription name; empty for an unnamed (non-durable, unshared) subscriber
 * @param clientId the client ID it was made under; empty for none
 * @param durable  kept while no consumer is attached, until unsubscribed
 * @param shared   several consumers may take its messages together
 * @param selector the message selector; empty for none
 * @param noLocal  messages published under {@link #origin} do not reach it
 * @param origin   the client ID, or else the connection, that made the subscription
 */
public record TopicSubscription(String queue, String name, String clientId, boolean durable, boolean shared,
        String selector, boolean noLocal, String origin) {

    String toJson() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("name", name);
        fields.put("clientId", clientId);
        fields.put("durable", Boolean.toString(durable));
        fields.put("shared", Boolean.toString(shared));
        fields.put("selector", selector);
        fields.put("noLocal", Boolean.toString(noLocal));
        fields.put("origin", origin);
        return Json.write(fields);
    }

    /** Reads a registration; unreadable fields fall back to a durable subscription with no selector. */
    static TopicSubscription fromJson(String queue, String json) {
        Map<String, String> f;
        try {
            f = Json.readFlatObject(json);
        } catch (IllegalArgumentException e) {
            f = Map.of();
        }
        return new TopicSubscription(queue, f.getOrDefault("name", ""), f.getOrDefault("clientId", ""),
            !"false".equals(f.get("durable")), "true".equals(f.get("shared")), f.getOrDefault("selector", ""),
            "true".equals(f.get("noLocal")), f.getOrDefault("origin", ""));
    }

    /** True when this and {@code other} have the same topic-facing settings (selector, noLocal). */
    public boolean sameFilterAs(TopicSubscription other) {
        return selector.equals(other.selector) && noLocal == other.noLocal;
    }
}
