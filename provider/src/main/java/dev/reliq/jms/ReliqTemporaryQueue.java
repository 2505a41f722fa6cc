package dev.reliq.jms;

import jakarta.jms.JMSException;
import jakarta.jms.TemporaryQueue;

/**
 * A temporary queue: it lives as long as the connection that created it, and only that
 * connection may consume from it. A copy that arrives in a message's {@code JMSReplyTo} can
 * be sent to but not deleted.
 */
public final class ReliqTemporaryQueue extends ReliqQueue implements TemporaryQueue {

    private static final long serialVersionUID = 1L;

    /** The owner; null in a copy that did not come from the creating connection. */
    private final transient TemporaryDestinations owner;

    ReliqTemporaryQueue(String name, TemporaryDestinations owner) {
        super(name);
        this.owner = owner;
    }

    @Override
    public boolean isTemporary() {
        return true;
    }

    TemporaryDestinations owner() {
        return owner;
    }

    @Override
    public void delete() throws JMSException {
        if (owner == null) {
            throw new jakarta.jms.IllegalStateException(
                "Only the connection that created temporary queue " + name() + " can delete it");
        }
        owner.delete(this);
    }
}
