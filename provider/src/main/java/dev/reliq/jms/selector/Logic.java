package dev.reliq.jms.selector;

/**
 * The truth tables of the specification (section 3.8.1.2, after SQL-92): {@code null} is UNKNOWN.
 * All results are the canonical {@code Boolean} instances, so callers may compare with {@code ==}.
 */
final class Logic {

    private Logic() {
    }

    /** A value read as a condition: a Boolean is itself, anything else (a number, a string, NULL) is UNKNOWN. */
    static Boolean truth(Object value) {
        return value instanceof Boolean ? Boolean.valueOf((Boolean) value) : null;
    }

    /** FALSE if either is FALSE, else UNKNOWN if either is UNKNOWN, else TRUE. */
    static Boolean and(Boolean left, Boolean right) {
        if (left == Boolean.FALSE || right == Boolean.FALSE) {
            return Boolean.FALSE;
        }
        return left == null || right == null ? null : Boolean.TRUE;
    }

    /** TRUE if either is TRUE, else UNKNOWN if either is UNKNOWN, else FALSE. */
    static Boolean or(Boolean left, Boolean right) {
        if (left == Boolean.TRUE || right == Boolean.TRUE) {
            return Boolean.TRUE;
        }
        return left == null || right == null ? null : Boolean.FALSE;
    }

    /** UNKNOWN stays UNKNOWN. */
    static Boolean not(Boolean value) {
        return value == null ? null : Boolean.valueOf(!value);
    }
}
