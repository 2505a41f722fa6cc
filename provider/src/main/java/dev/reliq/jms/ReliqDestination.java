package dev.reliq.jms;

import java.io.Serializable;
import java.util.Objects;

import javax.naming.NamingException;
import javax.naming.Reference;
import javax.naming.Referenceable;
import javax.naming.StringRefAddr;

import jakarta.jms.Destination;

/**
 * A reliq destination: a queue or a topic, named by its physical name in Redis. Destinations
 * are plain values (equal when kind and name are equal), serializable and referenceable so
 * they can be bound in JNDI.
 */
public abstract sealed class ReliqDestination implements Destination, Serializable, Referenceable
        permits ReliqQueue, ReliqTopic {

    private static final long serialVersionUID = 1L;

    private final String name;

    ReliqDestination(String name) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("A destination name must not be empty");
        }
        this.name = name;
    }

    /** The physical name: the queue's name in Redis, or the topic's. */
    public String name() {
        return name;
    }

    public abstract boolean isQueue();

    public boolean isTemporary() {
        return false;
    }

    /** A compact, unambiguous text form: {@code queue://name}, {@code topic://name}, {@code temp-queue://name}. */
    public String toUri() {
        return (isTemporary() ? "temp-" : "") + (isQueue() ? "queue" : "topic") + "://" + name;
    }

    /**
     * Reads {@link #toUri()}'s form back.
     *
     * @throws IllegalArgumentException for any other text
     */
    public static ReliqDestination fromUri(String uri) {
        int separator = uri == null ? -1 : uri.indexOf("://");
        if (separator < 0) {
            throw new IllegalArgumentException("Not a reliq destination: '" + uri + "'");
        }
        String kind = uri.substring(0, separator);
        String name = uri.substring(separator + 3);
        return switch (kind) {
            case "queue" -> new ReliqQueue(name);
            case "topic" -> new ReliqTopic(name);
            case "temp-queue" -> new ReliqTemporaryQueue(name, null);
            case "temp-topic" -> new ReliqTemporaryTopic(name, null);
            default -> throw new IllegalArgumentException("Not a reliq destination: '" + uri + "'");
        };
    }

    @Override
    public Reference getReference() throws NamingException {
        Reference reference = new Reference(getClass().getName(), ReliqObjectFactory.class.getName(), null);
        reference.add(new StringRefAddr("destination", toUri()));
        return reference;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ReliqDestination d && d.isQueue() == isQueue()
            && d.isTemporary() == isTemporary() && d.name.equals(name);
    }

    @Override
    public int hashCode() {
        return Objects.hash(isQueue(), isTemporary(), name);
    }

    @Override
    public String toString() {
        return toUri();
    }
}
