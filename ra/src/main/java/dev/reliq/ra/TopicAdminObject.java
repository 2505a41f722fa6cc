package dev.reliq.ra;

import java.io.Serializable;
import java.util.Objects;

import jakarta.jms.Topic;
import jakarta.resource.Referenceable;

import javax.naming.Reference;

/**
 * A Topic administered in the server ({@code @Resource(lookup = "...") Topic}); its
 * {@code name} is the topic's name.
 */
public class TopicAdminObject implements Topic, Referenceable, Serializable {

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
    public String getTopicName() {
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
        return o instanceof TopicAdminObject other && Objects.equals(name, other.name);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(name);
    }

    @Override
    public String toString() {
        return "Topic[" + name + "]";
    }
}
