package dev.reliq.jms.selector;

import java.util.List;

/**
 * A chain of operators of one precedence level, such as {@code a + b - c} or {@code a * b / c},
 * applied from the left and held flat so a long chain does not become a deep tree.
 *
 * <p>NULL in, NULL out; a value that is not a number (a string property, say) also gives NULL,
 * because "a string cannot be used in an arithmetic expression".
 */
final class Arithmetic implements Expression {

    private final Expression[] operands;
    /** {@code operators[i]} combines the result so far with {@code operands[i + 1]}. */
    private final ArithmeticOperator[] operators;

    Arithmetic(List<Expression> operands, List<ArithmeticOperator> operators) {
        this.operands = operands.toArray(new Expression[0]);
        this.operators = operators.toArray(new ArithmeticOperator[0]);
    }

    @Override
    public Object evaluate(SelectorContext message) {
        Object result = operands[0].evaluate(message);
        for (int i = 0; i < operators.length; i++) {
            if (Numbers.kind(result) == Numbers.NOT_NUMERIC) {
                return null;
            }
            Object next = operands[i + 1].evaluate(message);
            int kind = Numbers.promoted(result, next);
            if (kind == Numbers.NOT_NUMERIC) {
                return null;
            }
            result = Numbers.apply(operators[i], kind, (Number) result, (Number) next);
        }
        return result;
    }

    @Override
    public ValueType type() {
        return ValueType.NUMBER;
    }
}
