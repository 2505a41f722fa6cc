package dev.reliq.tck.messages;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * An application class for ObjectMessage bodies: serializable, outside the JDK value types that
 * reliq deserializes by default, and nested (a parcel holds items and may hold another parcel).
 */
public final class Parcel implements Serializable {

    private static final long serialVersionUID = 1L;

    /** One line of a parcel. */
    public record Item(String name, int quantity, BigDecimal price) implements Serializable {
    }

    private final String label;
    private final List<Item> items;
    private final Parcel inner;

    public Parcel(String label, List<Item> items, Parcel inner) {
        this.label = label;
        this.items = List.copyOf(items);
        this.inner = inner;
    }

    public String label() {
        return label;
    }

    public List<Item> items() {
        return items;
    }

    public Parcel inner() {
        return inner;
    }

    /** A parcel with two items holding a smaller parcel. */
    public static Parcel sample() {
        Parcel inner = new Parcel("inner ✉", List.of(new Item("screw", 100, new BigDecimal("0.05"))), null);
        return new Parcel("outer", List.of(new Item("box", 1, new BigDecimal("2.50")),
            new Item("tape", 3, new BigDecimal("1.99"))), inner);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Parcel p && label.equals(p.label) && items.equals(p.items)
            && Objects.equals(inner, p.inner);
    }

    @Override
    public int hashCode() {
        return Objects.hash(label, items, inner);
    }

    @Override
    public String toString() {
        return "Parcel[" + label + ", " + items + (inner == null ? "" : ", " + inner) + "]";
    }
}
