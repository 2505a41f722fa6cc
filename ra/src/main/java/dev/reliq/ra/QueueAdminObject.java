package dev.reliq.ra;

import jakarta.jms.Queue;

/**
 * A Queue administered in the server ({@code @Resource(lookup = "...") Queue}, or a bean's
 * {@code destinationLookup}); its {@code name} is the queue's name in Redis.
 */
public class QueueAdminObject extends DestinationAdminObject implements Queue {

    private static final long serialVersionUID = 1L;

    @Override
    public String getQueueName() {
        return getName();
    }

    @Override
    public String toString() {
        return "Queue[" + getName() + "]";
    }
}
