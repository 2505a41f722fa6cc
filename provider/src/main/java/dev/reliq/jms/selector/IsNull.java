package dev.reliq.jms.selector;

/** {@code identifier IS [NOT] NULL}: the one test that turns a missing value into TRUE or FALSE. */
final class IsNull implements Expression {

    private final Expression identifier;
    private final boolean negated;

    IsNull(Expression identifier, boolean negated) {
        this.identifier = identifier;
        this.negated = negated;
    }

    @Override
    public Object evaluate(SelectorContext message) {
        return (identifier.evaluate(message) == null) != negated;
    }

    @Override
    public ValueType type() {
        return ValueType.BOOLEAN;
    }
}
