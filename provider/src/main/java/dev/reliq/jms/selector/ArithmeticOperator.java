package dev.reliq.jms.selector;

/**
 * {@code + - * /} on one promoted type, with Java's semantics ("Arithmetic operations must use
 * Java numeric promotion"): int and long arithmetic wrap around on overflow, float and double
 * follow IEEE 754. Integer division by zero, which Java answers with an exception, is NULL here,
 * so a selector never fails on a message; the comparison it feeds is then UNKNOWN.
 */
enum ArithmeticOperator {
    ADD("+"),
    SUBTRACT("-"),
    MULTIPLY("*"),
    DIVIDE("/");

    private final String symbol;

    ArithmeticOperator(String symbol) {
        this.symbol = symbol;
    }

    Integer apply(int left, int right) {
        switch (this) {
            case ADD: return left + right;
            case SUBTRACT: return left - right;
            case MULTIPLY: return left * right;
            default: return right == 0 ? null : left / right;
        }
    }

    Long apply(long left, long right) {
        switch (this) {
            case ADD: return left + right;
            case SUBTRACT: return left - right;
            case MULTIPLY: return left * right;
            default: return right == 0 ? null : left / right;
        }
    }

    Float apply(float left, float right) {
        switch (this) {
            case ADD: return left + right;
            case SUBTRACT: return left - right;
            case MULTIPLY: return left * right;
            default: return left / right;
        }
    }

    Double apply(double left, double right) {
        switch (this) {
            case ADD: return left + right;
            case SUBTRACT: return left - right;
            case MULTIPLY: return left * right;
            default: return left / right;
        }
    }

    @Override
    public String toString() {
        return symbol;
    }
}
