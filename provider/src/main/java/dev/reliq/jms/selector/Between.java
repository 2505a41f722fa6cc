package dev.reliq.jms.selector;

/**
 * {@code value [NOT] BETWEEN lower AND upper}, evaluated exactly as the equivalences the
 * specification gives: "age BETWEEN 15 AND 19" is "age >= 15 AND age <= 19", and "age NOT BETWEEN
 * 15 AND 19" is "age < 15 OR age > 19". (NOT BETWEEN is therefore not always NOT (BETWEEN): for a
 * string value both forms are FALSE.)
 */
final class Between implements Expression {

    private final Expression value;
    private final Expression lower;
    private final Expression upper;
    private final boolean negated;

    Between(Expression value, Expression lower, Expression upper, boolean negated) {
        this.value = value;
        this.lower = lower;
        this.upper = upper;
        this.negated = negated;
    }

    @Override
    public Object evaluate(SelectorContext message) {
        Object tested = value.evaluate(message);
        if (tested == null) {
            return null;
        }
        Object low = lower.evaluate(message);
        Object high = upper.evaluate(message);
        if (negated) {
            return Logic.or(Comparison.compare(ComparisonOperator.LESS, tested, low),
                Comparison.compare(ComparisonOperator.GREATER, tested, high));
        }
        return Logic.and(Comparison.compare(ComparisonOperator.GREATER_OR_EQUAL, tested, low),
            Comparison.compare(ComparisonOperator.LESS_OR_EQUAL, tested, high));
    }

    @Override
    public ValueType type() {
        return ValueType.BOOLEAN;
    }
}
