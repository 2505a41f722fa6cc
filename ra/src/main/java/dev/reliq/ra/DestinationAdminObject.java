package dev.reliq.ra;

import java.io.Serializable;
import java.util.Objects;

import javax.naming.Reference;

import jakarta.resource.Referenceable;

/** An administered destination: its {@code name} is the destination's name in Redis. */
public abstract class DestinationAdminObject implements Referenceable, Serializable {

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
    public void setReference(Reference reference) {
        this.reference = reference;
    }

    @Override
    public Reference getReference() {
        return reference;
    }

    @Override
    public boolean equals(Object o) {
        return o != null && o.getClass() == getClass() && Objects.equals(name, ((DestinationAdminObject) o).name);
    }

    @Override
    public int hashCode() {
        return Objects.hash(getClass(), name);
    }
}
