package dev.reliq.jms;

import jakarta.jms.Topic;

/** A topic: each of its subscriptions is a reliable queue in Redis. */
public sealed class ReliqTopic extends ReliqDestination implements Topic permits ReliqTemporaryTopic {

    private static final long serialVersionUID = 1L;

    public ReliqTopic(String name) {
        super(name);
    }

    @Override
    public String getTopicName() {
        return name();
    }

    @Override
    public final boolean isQueue() {
        return false;
    }
}
