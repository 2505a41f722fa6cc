package dev.reliq.jms.message;

import java.util.Locale;
import java.util.Set;

/**
 * Property names must be message selector identifiers (Jakarta Messaging 3.1, section 3.8.1.1),
 * so that every property can be used in a selector: a Java letter followed by Java letters or
 * digits, and not one of the selector's reserved words, which are case-insensitive. The header
 * field names are refused too, because a selector naming them reads the header, never a property.
 */
final class PropertyNames {

    static final String DELIVERY_COUNT = "JMSXDeliveryCount";

    private static final Set<String> RESERVED_WORDS =
        Set.of("NULL", "TRUE", "FALSE", "NOT", "AND", "OR", "BETWEEN", "LIKE", "IN", "IS", "ESCAPE");

    private static final Set<String> HEADER_NAMES = Set.of("JMSMessageID", "JMSTimestamp", "JMSCorrelationID",
        "JMSReplyTo", "JMSDestination", "JMSDeliveryMode", "JMSRedelivered", "JMSType", "JMSExpiration",
        "JMSDeliveryTime", "JMSPriority");

    private PropertyNames() {
    }

    /** @throws IllegalArgumentException with what is wrong with the name */
    static void check(String name) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("A property name must not be null or empty");
        }
        if (!Character.isJavaIdentifierStart(name.charAt(0))) {
            throw new IllegalArgumentException("Property name '" + name + "' must start with a letter, '_' or '$'"
                + " (property names follow the rules of message selector identifiers)");
        }
        for (int i = 1; i < name.length(); i++) {
            if (!Character.isJavaIdentifierPart(name.charAt(i))) {
                throw new IllegalArgumentException("Property name '" + name + "' contains '" + name.charAt(i)
                    + "'; use only letters, digits, '_' and '$' (property names follow the rules of message"
                    + " selector identifiers)");
            }
        }
        if (RESERVED_WORDS.contains(name.toUpperCase(Locale.ROOT))) {
            throw new IllegalArgumentException("Property name '" + name + "' is a reserved word of the message"
                + " selector syntax; choose another name");
        }
        if (HEADER_NAMES.contains(name)) {
            throw new IllegalArgumentException("'" + name + "' is a header field, not a property; use its"
                + " set" + name + " method");
        }
    }
}
