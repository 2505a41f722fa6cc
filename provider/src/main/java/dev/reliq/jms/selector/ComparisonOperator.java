package dev.reliq.jms.selector;

/** {@code = <> < <= > >=}, with Java's semantics for primitives (so NaN equals nothing, itself included). */
enum ComparisonOperator {
    EQUAL("="),
    NOT_EQUAL("<>"),
    LESS("<"),
    LESS_OR_EQUAL("<="),
    GREATER(">"),
    GREATER_OR_EQUAL(">=");

    private final String symbol;

    ComparisonOperator(String symbol) {
        this.symbol = symbol;
    }

    /** Whether this orders its operands, which the specification allows for numbers only. */
    boolean isOrdering() {
        return this != EQUAL && this != NOT_EQUAL;
    }

    boolean test(long left, long right) {
        switch (this) {
            case EQUAL: return left == right;
            case NOT_EQUAL: return left != right;
            case LESS: return left < right;
            case LESS_OR_EQUAL: return left <= right;
            case GREATER: return left > right;
            default: return left >= right;
        }
    }

    boolean test(double left, double right) {
        switch (this) {
            case EQUAL: return left == right;
            case NOT_EQUAL: return left != right;
            case LESS: return left < right;
            case LESS_OR_EQUAL: return left <= right;
            case GREATER: return left > right;
            default: return left >= right;
        }
    }

    @Override
    public String toString() {
        return symbol;
    }
}
