package dev.reliq.jms.selector;

import java.util.List;

/**
 * {@code a OR b OR ...}, held flat so a long generated chain does not become a deep tree.
 * Evaluation stops at the first TRUE; otherwise any UNKNOWN makes the whole UNKNOWN.
 */
final class Or implements Expression {

    private final Expression[] operands;

    Or(List<Expression> operands) {
        this.operands = operands.toArray(new Expression[0]);
    }

    @Override
    public Object evaluate(SelectorContext message) {
        Boolean result = Boolean.FALSE;
        for (Expression operand : operands) {
            result = Logic.or(result, Logic.truth(operand.evaluate(message)));
            if (result == Boolean.TRUE) {
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
