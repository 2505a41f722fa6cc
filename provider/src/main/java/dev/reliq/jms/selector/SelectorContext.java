package dev.reliq.jms.selector;

/**
 * What a {@link MessageSelector} can see of one message: its selectable header fields and its
 * properties, looked up by the identifier written in the selector.
 *
 * <p>Identifiers are case-sensitive. The values a selector understands are:
 * <ul>
 *   <li>{@code JMSDeliveryMode}: the {@code String} {@code "PERSISTENT"} or {@code "NON_PERSISTENT"};</li>
 *   <li>{@code JMSPriority}: an {@code Integer};</li>
 *   <li>{@code JMSMessageID}, {@code JMSCorrelationID}, {@code JMSType}: a {@code String}, or
 *       {@code null} when the header is not set;</li>
 *   <li>{@code JMSTimestamp}: a {@code Long};</li>
 *   <li>any property: the object it was set as, a {@code Boolean}, {@code Byte}, {@code Short},
 *       {@code Integer}, {@code Long}, {@code Float}, {@code Double} or {@code String}.</li>
 * </ul>
 * No conversions apply: a property set as the string {@code "2"} is a string to the selector, so
 * {@code NumberOfOrders > 1} does not select it.
 *
 * <p>The selector never asks for other header fields (it rejects them when it is parsed).
 */
public interface SelectorContext {

    /**
     * The value of a header field or property.
     *
     * @param identifier the name as written in the selector
     * @return the value, or {@code null} when the message has no such property or the header is not set
     */
    Object value(String identifier);
}
