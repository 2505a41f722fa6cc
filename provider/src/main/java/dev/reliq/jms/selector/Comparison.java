package dev.reliq.jms.selector;

/**
 * {@code left op right}. Section 3.8.1.1: "Only like type values can be compared. One exception
 * is that it is valid to compare exact numeric values and approximate numeric values [...] If the
 * comparison of non-like type values is attempted, the value of the operation is false. If either
 * of the type values evaluates to NULL, the value of the expression is unknown." and "String and
 * Boolean comparison is restricted to = and <>".
 *
 * <p>So a number against a string is FALSE (not UNKNOWN: {@code NOT (count = 'x')} selects a
 * message whose count is 5). The parser already refuses {@code <} and friends with a string or
 * boolean operand it can see; when both operands are properties that turn out to be strings or
 * booleans, an ordering comparison is FALSE too, as a comparison the specification does not allow.
 */
final class Comparison implements Expression {

    private final ComparisonOperator operator;
    private final Expression left;
    private final Expression right;

    Comparison(ComparisonOperator operator, Expression left, Expression right) {
        this.operator = operator;
        this.left = left;
        this.right = right;
    }

    @Override
    public Object evaluate(SelectorContext message) {
        Object first = left.evaluate(message);
        return first == null ? null : compare(operator, first, right.evaluate(message));
    }

    /** Compares two values by the rules above; {@code null} (UNKNOWN) when either is NULL. */
    static Boolean compare(ComparisonOperator operator, Object left, Object right) {
        if (left == null || right == null) {
            return null;
        }
        int kind = Numbers.promoted(left, right);
        if (kind != Numbers.NOT_NUMERIC) {
            return Numbers.compare(operator, kind, (Number) left, (Number) right);
        }
        boolean likeTypes = left instanceof String && right instanceof String
            || left instanceof Boolean && right instanceof Boolean;
        if (!likeTypes || operator.isOrdering()) {
            return Boolean.FALSE;
        }
        return left.equals(right) == (operator == ComparisonOperator.EQUAL);
    }

    @Override
    public ValueType type() {
        return ValueType.BOOLEAN;
    }
}
