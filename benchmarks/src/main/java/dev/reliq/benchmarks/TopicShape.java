package dev.reliq.benchmarks;

/**
 * The subscriptions of a fan-out run: one publisher, and {@code subscriptions} subscriptions with
 * one consumer each, every consumer with a connection and a session of its own.
 *
 * @param subscriptions how many subscriptions every published message goes to
 * @param sharedDurable shared durable subscriptions ({@code createSharedDurableConsumer}), each
 *     named and kept until unsubscribed; otherwise non-durable ones ({@code createConsumer(topic)})
 */
record TopicShape(int subscriptions, boolean sharedDurable) {

    static TopicShape nonDurable(int subscriptions) {
        return new TopicShape(subscriptions, false);
    }

    static TopicShape sharedDurable(int subscriptions) {
        return new TopicShape(subscriptions, true);
    }

    @Override
    public String toString() {
        return subscriptions + (sharedDurable ? " shared durable" : subscriptions == 1 ? " sub" : " subs");
    }
}
