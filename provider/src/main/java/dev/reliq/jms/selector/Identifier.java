package dev.reliq.jms.selector;

import java.util.Map;

/** A header field or property reference, looked up in the message on each evaluation. */
final class Identifier implements Expression {

    /**
     * Section 3.8.1.1: "Message header field references are restricted to JMSDeliveryMode,
     * JMSPriority, JMSMessageID, JMSTimestamp, JMSCorrelationID, and JMSType." Their types are
     * fixed, JMSDeliveryMode being treated "as having the values 'PERSISTENT' and 'NON_PERSISTENT'".
     */
    private static final Map<String, ValueType> HEADERS = Map.of(
        "JMSDeliveryMode", ValueType.STRING,
        "JMSPriority", ValueType.NUMBER,
        "JMSMessageID", ValueType.STRING,
        "JMSTimestamp", ValueType.NUMBER,
        "JMSCorrelationID", ValueType.STRING,
        "JMSType", ValueType.STRING);

    private final String name;

    Identifier(String name) {
        this.name = name;
    }

    /**
     * Whether a selector may name this. The specification sorts names in four: the six headers,
     * "Any name beginning with 'JMSX' is a Jakarta Messaging defined property name", "Any name
     * beginning with 'JMS_' is a provider-specific property name", "Any name that does not begin
     * with 'JMS' is an application-specific property name". A name in none of them, such as
     * JMSRedelivered or JMSExpiration, is a header reference outside the allowed six, so we reject
     * it when the selector is parsed instead of letting it quietly select nothing.
     */
    static boolean isSelectable(String name) {
        return !name.startsWith("JMS") || name.startsWith("JMSX") || name.startsWith("JMS_")
            || HEADERS.containsKey(name);
    }

    static String selectableHeaders() {
        return "JMSDeliveryMode, JMSPriority, JMSMessageID, JMSTimestamp, JMSCorrelationID and JMSType";
    }

    @Override
    public Object evaluate(SelectorContext message) {
        return message.value(name);
    }

    @Override
    public ValueType type() {
        return HEADERS.getOrDefault(name, ValueType.ANY);
    }
}
