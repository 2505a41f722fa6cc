package dev.reliq.jms.selector;

/**
 * A node of a parsed selector. Nodes are immutable, so one tree serves every thread.
 *
 * <p>Evaluation follows SQL's three-valued logic: a condition evaluates to {@code Boolean.TRUE},
 * {@code Boolean.FALSE} or {@code null} for UNKNOWN; a value evaluates to its object, or
 * {@code null} for NULL (an absent property, or arithmetic that has no answer).
 */
interface Expression {

    Object evaluate(SelectorContext message);

    ValueType type();
}
