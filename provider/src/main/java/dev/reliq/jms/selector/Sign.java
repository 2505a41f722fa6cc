package dev.reliq.jms.selector;

/** Unary {@code -} or {@code +} on a value only known when a message is seen; NULL for a non-number. */
final class Sign implements Expression {

    private final boolean negate;
    private final Expression operand;

    Sign(boolean negate, Expression operand) {
        this.negate = negate;
        this.operand = operand;
    }

    @Override
    public Object evaluate(SelectorContext message) {
        Object value = operand.evaluate(message);
        if (negate) {
            return Numbers.negate(value);
        }
        return Numbers.kind(value) == Numbers.NOT_NUMERIC ? null : value;
    }

    @Override
    public ValueType type() {
        return ValueType.NUMBER;
    }
}
