package dev.reliq.jms;

import jakarta.jms.Queue;

/** A queue: a reliable queue in Redis of the same name. */
public sealed class ReliqQueue extends ReliqDestination implements Queue permits ReliqTemporaryQueue {

    private static final long serialVersionUID = 1L;

    public ReliqQueue(String name) {
        super(name);
    }

    @Override
    public String getQueueName() {
        return name();
    }

    @Override
    public final boolean isQueue() {
        return true;
    }
}
