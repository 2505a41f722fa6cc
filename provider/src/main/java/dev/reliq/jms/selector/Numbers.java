package dev.reliq.jms.selector;

/**
 * Java's binary numeric promotion (JLS 5.6) over the boxed numbers a message holds: if either
 * operand is a double both become double, else if either is a float both become float, else if
 * either is a long both become long, else both are int (byte and short widen to int).
 */
final class Numbers {

    static final int NOT_NUMERIC = -1;
    static final int INT = 0;
    static final int LONG = 1;
    static final int FLOAT = 2;
    static final int DOUBLE = 3;

    private Numbers() {
    }

    /** The promotion rank of one value, or {@link #NOT_NUMERIC} for anything that is not a property's number type. */
    static int kind(Object value) {
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return INT;
        }
        if (value instanceof Long) {
            return LONG;
        }
        if (value instanceof Float) {
            return FLOAT;
        }
        if (value instanceof Double) {
            return DOUBLE;
        }
        return NOT_NUMERIC;
    }

    /** The type two values promote to, or {@link #NOT_NUMERIC} unless both are numbers. */
    static int promoted(Object left, Object right) {
        int leftKind = kind(left);
        int rightKind = kind(right);
        return leftKind == NOT_NUMERIC || rightKind == NOT_NUMERIC ? NOT_NUMERIC : Math.max(leftKind, rightKind);
    }

    static boolean compare(ComparisonOperator operator, int kind, Number left, Number right) {
        switch (kind) {
            case INT:
            case LONG:
                return operator.test(left.longValue(), right.longValue());
            case FLOAT:
                // widening float to double is exact, so this is a float comparison
                return operator.test((double) left.floatValue(), (double) right.floatValue());
            default:
                return operator.test(left.doubleValue(), right.doubleValue());
        }
    }

    /** The result, boxed as the promoted type, or {@code null} for integer division by zero. */
    static Number apply(ArithmeticOperator operator, int kind, Number left, Number right) {
        switch (kind) {
            case INT: return operator.apply(left.intValue(), right.intValue());
            case LONG: return operator.apply(left.longValue(), right.longValue());
            case FLOAT: return operator.apply(left.floatValue(), right.floatValue());
            default: return operator.apply(left.doubleValue(), right.doubleValue());
        }
    }

    /** Unary minus after unary promotion (byte and short become int), or {@code null} for a non-number. */
    static Number negate(Object value) {
        switch (kind(value)) {
            case INT: return -((Number) value).intValue();
            case LONG: return -(Long) value;
            case FLOAT: return -(Float) value;
            case DOUBLE: return -(Double) value;
            default: return null;
        }
    }
}
