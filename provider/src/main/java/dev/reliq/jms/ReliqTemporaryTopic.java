package dev.reliq.jms;

import jakarta.jms.JMSException;
import jakarta.jms.TemporaryTopic;

/** A temporary topic: it lives as long as the connection that created it. */
public final class ReliqTemporaryTopic extends ReliqTopic implements TemporaryTopic {

    private static final long serialVersionUID = 1L;

    private final transient TemporaryDestinations owner;

    ReliqTemporaryTopic(String name, TemporaryDestinations owner) {
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
                "Only the connection that created temporary topic " + name() + " can delete it");
        }
        owner.delete(this);
    }
}
