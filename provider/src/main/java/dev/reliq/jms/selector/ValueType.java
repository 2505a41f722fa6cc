package dev.reliq.jms.selector;

/**
 * What the parser knows about an expression's value before any message is seen. Literals and
 * operators fix it; a property could hold anything, so an identifier is {@link #ANY}, except the
 * header fields, whose types the specification fixes.
 */
enum ValueType {
    BOOLEAN("a boolean"),
    NUMBER("a number"),
    STRING("a string"),
    ANY("a value of any type");

    private final String description;

    ValueType(String description) {
        this.description = description;
    }

    /** Whether a value of this type may stand where {@code required} is needed. */
    boolean canBe(ValueType required) {
        return this == ANY || this == required;
    }

    /** "a number", for error messages. */
    String description() {
        return description;
    }

    /** What an error message says is needed: "a number", or "a condition" rather than "a boolean". */
    String requirement() {
        return this == BOOLEAN ? "a condition" : description;
    }
}
