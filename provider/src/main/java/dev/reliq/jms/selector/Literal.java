package dev.reliq.jms.selector;

/** A string, number or boolean written in the selector. */
final class Literal implements Expression {

    private final Object value;
    private final ValueType type;

    Literal(Object value) {
        this.value = value;
        this.type = value instanceof String ? ValueType.STRING
            : value instanceof Boolean ? ValueType.BOOLEAN : ValueType.NUMBER;
    }

    /** The literal with a minus sign in front, folded so {@code -9223372036854775808} can be a long. */
    Literal negated() {
        if (value instanceof Long) {
            return new Literal(-(Long) value);
        }
        if (value instanceof Float) {
            return new Literal(-(Float) value);
        }
        return new Literal(-(Double) value);
    }

    @Override
    public Object evaluate(SelectorContext message) {
        return value;
    }

    @Override
    public ValueType type() {
        return type;
    }
}
