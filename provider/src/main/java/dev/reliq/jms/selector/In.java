package dev.reliq.jms.selector;

import java.util.List;
import java.util.Set;

/**
 * {@code identifier [NOT] IN ('a', 'b', ...)}, "where identifier has a String or NULL value".
 * NULL gives UNKNOWN, as the specification says. A value that is not a string gives UNKNOWN as
 * well, for both IN and NOT IN: the Jakarta Messaging TCK expects {@code myProp NOT IN ('foo')} not
 * to select a message whose myProp is the int 0.
 */
final class In implements Expression {

    private final Expression identifier;
    private final Set<String> values;
    private final boolean negated;

    In(Expression identifier, List<String> values, boolean negated) {
        this.identifier = identifier;
        this.values = Set.copyOf(values);
        this.negated = negated;
    }

    @Override
    public Object evaluate(SelectorContext message) {
        Object value = identifier.evaluate(message);
        if (!(value instanceof String)) {
            return null;
        }
        return values.contains(value) != negated;
    }

    @Override
    public ValueType type() {
        return ValueType.BOOLEAN;
    }
}
