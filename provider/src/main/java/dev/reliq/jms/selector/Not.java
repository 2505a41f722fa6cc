package dev.reliq.jms.selector;

/** {@code NOT condition}. */
final class Not implements Expression {

    private final Expression operand;

    Not(Expression operand) {
        this.operand = operand;
    }

    @Override
    public Object evaluate(SelectorContext message) {
        return Logic.not(Logic.truth(operand.evaluate(message)));
    }

    @Override
    public ValueType type() {
        return ValueType.BOOLEAN;
    }
}
