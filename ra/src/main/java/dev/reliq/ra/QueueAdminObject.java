package dev.reliq.ra;

import java.io.Serializable;
import java.util.Objects;

import jakarta.jms.Queue;
import jakarta.resource.Referenceable;

import javax.naming.Reference;

/**
 * A Queue administered in the server ({@code @Resource(lookup = "...") Queue}); its
 * {@code name} is the queue's name in Redis.
 */
public class QueueAdminObject implements Queue, Referenceable, Serializable {

    private static final long serialVersionUID = 1L;

    private String name;
    private Reference reference;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    @Override
    public String getQueueName() {
        return name;
    }

    @Override
    public void setReference(Reference reference) {
        this.reference = reference;
    }

    @Override
    public Reference getReference() {
        return reference;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof QueueAdminObject other && Objects.equals(name, other.name);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(name);
    }

    @Override
    public String toString() {
        return "Queue[" + name + "]";
    }
}
