package dev.reliq.jms.selector;

/**
 * {@code identifier [NOT] LIKE 'pattern' [ESCAPE 'c']}, "where identifier has a String value".
 * NULL gives UNKNOWN, as the specification says, and so does a value that is not a string (the
 * Jakarta Messaging TCK expects {@code myProp LIKE '1_3'} not to select the int 123).
 */
final class Like implements Expression {

    private final Expression identifier;
    private final LikePattern pattern;
    private final boolean negated;

    Like(Expression identifier, LikePattern pattern, boolean negated) {
        this.identifier = identifier;
        this.pattern = pattern;
        this.negated = negated;
    }

    @Override
    public Object evaluate(SelectorContext message) {
        Object value = identifier.evaluate(message);
        if (!(value instanceof String)) {
            return null;
        }
        return pattern.matches((String) value) != negated;
    }

    @Override
    public ValueType type() {
        return ValueType.BOOLEAN;
    }
}
