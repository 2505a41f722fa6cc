package dev.reliq.jms.selector;

import java.util.List;

/**
 * {@code a AND b AND ...}, held flat so a long generated chain does not become a deep tree.
 * Evaluation stops at the first FALSE; otherwise any UNKNOWN makes the whole UNKNOWN.
 */
final class And implements Expression {

    private final Expression[] operands;

    And(List<Expression> operands) {
        this.operands = operands.toArray(new Expression[0]);
    }

    @Override
    public Object evaluate(SelectorContext message) {
        Boolean result = Boolean.TRUE;
        for (Expression operand : operands) {
            result = Logic.and(result, Logic.truth(operand.evaluate(message)));
            if (result == Boolean.FALSE) {
                return result;
            }
        }
        return result;
    }

    @Override
    public ValueType type() {
        return ValueType.BOOLEAN;
    }
}
