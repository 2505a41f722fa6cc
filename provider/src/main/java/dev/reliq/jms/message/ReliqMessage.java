package dev.reliq.jms.message;

import java.nio.charset.StandardCharsets;
import java.util.Enumeration;

import jakarta.jms.DeliveryMode;
import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageNotWriteableException;

import dev.reliq.jms.selector.SelectorContext;

/**
 * A reliq message without a body, and the base of the five body types. Headers, properties
 * and their conversions, and the read-only state of received messages behave exactly as the
 * Jakarta Messaging 3.1 specification and the {@link Message} javadoc say.
 *
 * <p>Properties:
 * <ul>
 *   <li>names must be message selector identifiers: a Java letter followed by letters or digits,
 *       not a reserved word of the selector syntax ({@code NULL TRUE FALSE NOT AND OR BETWEEN LIKE
 *       IN IS ESCAPE}, in any case) and not a header field name; others give an
 *       {@code IllegalArgumentException};</li>
 *   <li>{@code setStringProperty(name, null)} and {@code setObjectProperty(name, null)} set a
 *       property whose value is null: it exists and is listed, and reads as an absent one does;</li>
 *   <li>{@link #getPropertyNames()} lists every property, the {@code JMSXDeliveryCount} the
 *       provider sets on receipt included, since the specification makes it a property.</li>
 * </ul>
 *
 * <p>Methods documented "for the provider" are public because the provider's packages call
 * them; applications have no use for them.
 */
public class ReliqMessage implements Message, SelectorContext {

    MessageHeaders headers = new MessageHeaders();
    MessageProperties properties = new MessageProperties();
    /** Received (all types), or after {@code reset()} (BytesMessage and StreamMessage). */
    boolean bodyReadOnly;
    private Acknowledger acknowledger;

    public ReliqMessage() {
    }

    // --- headers -------------------------------------------------------------------------

    @Override
    public String getJMSMessageID() throws JMSException {
        return headers.messageId;
    }

    /** For the provider: a message ID starts with {@code "ID:"}. */
    @Override
    public void setJMSMessageID(String id) throws JMSException {
        headers.messageId = id;
    }

    @Override
    public long getJMSTimestamp() throws JMSException {
        return headers.timestamp;
    }

    @Override
    public void setJMSTimestamp(long timestamp) throws JMSException {
        headers.timestamp = timestamp;
    }

    /** The correlation ID; one set as bytes reads as those bytes decoded as UTF-8. */
    @Override
    public String getJMSCorrelationID() throws JMSException {
        return correlationIdText();
    }

    @Override
    public void setJMSCorrelationID(String correlationId) throws JMSException {
        headers.correlationId = correlationId;
    }

    /** The correlation ID; one set as a String reads as its UTF-8 bytes. */
    @Override
    public byte[] getJMSCorrelationIDAsBytes() throws JMSException {
        Object id = headers.correlationId;
        return id instanceof byte[] bytes ? bytes.clone() : id == null ? null
            : ((String) id).getBytes(StandardCharsets.UTF_8);
    }

    /** Kept as given, byte for byte (the array is copied). */
    @Override
    public void setJMSCorrelationIDAsBytes(byte[] correlationId) throws JMSException {
        headers.correlationId = correlationId == null ? null : correlationId.clone();
    }

    @Override
    public Destination getJMSReplyTo() throws JMSException {
        return headers.replyTo;
    }

    /**
     * Sets where replies go. A queue or topic of another provider travels as a reliq destination
     * of the same name; a temporary destination of another provider is not sent (the
     * specification allows this).
     */
    @Override
    public void setJMSReplyTo(Destination replyTo) throws JMSException {
        headers.replyTo = replyTo;
    }

    @Override
    public Destination getJMSDestination() throws JMSException {
        return headers.destination;
    }

    @Override
    public void setJMSDestination(Destination destination) throws JMSException {
        headers.destination = destination;
    }

    @Override
    public int getJMSDeliveryMode() throws JMSException {
        return headers.deliveryMode;
    }

    /** @throws JMSException for a value other than {@link DeliveryMode#PERSISTENT} or {@link DeliveryMode#NON_PERSISTENT} */
    @Override
    public void setJMSDeliveryMode(int deliveryMode) throws JMSException {
        if (deliveryMode != DeliveryMode.PERSISTENT && deliveryMode != DeliveryMode.NON_PERSISTENT) {
            throw new JMSException("Delivery mode " + deliveryMode + " is not valid; use DeliveryMode.PERSISTENT ("
                + DeliveryMode.PERSISTENT + ") or DeliveryMode.NON_PERSISTENT (" + DeliveryMode.NON_PERSISTENT + ")");
        }
        headers.deliveryMode = deliveryMode;
    }

    @Override
    public boolean getJMSRedelivered() throws JMSException {
        return headers.redelivered;
    }

    @Override
    public void setJMSRedelivered(boolean redelivered) throws JMSException {
        headers.redelivered = redelivered;
    }

    @Override
    public String getJMSType() throws JMSException {
        return headers.type;
    }

    @Override
    public void setJMSType(String type) throws JMSException {
        headers.type = type;
    }

    @Override
    public long getJMSExpiration() throws JMSException {
        return headers.expiration;
    }

    @Override
    public void setJMSExpiration(long expiration) throws JMSException {
        headers.expiration = expiration;
    }

    @Override
    public long getJMSDeliveryTime() throws JMSException {
        return headers.deliveryTime;
    }

    @Override
    public void setJMSDeliveryTime(long deliveryTime) throws JMSException {
        headers.deliveryTime = deliveryTime;
    }

    @Override
    public int getJMSPriority() throws JMSException {
        return headers.priority;
    }

    /** @throws JMSException for a priority outside 0 to 9 */
    @Override
    public void setJMSPriority(int priority) throws JMSException {
        if (priority < 0 || priority > 9) {
            throw new JMSException("Priority " + priority + " is not valid; use 0 (lowest) to 9 (highest)");
        }
        headers.priority = priority;
    }

    // --- properties ----------------------------------------------------------------------

    /** Deletes every property, the provider's JMSX properties included, and makes them writable. */
    @Override
    public void clearProperties() throws JMSException {
        properties.clear();
    }

    @Override
    public boolean propertyExists(String name) throws JMSException {
        return properties.contains(name);
    }

    @Override
    public boolean getBooleanProperty(String name) throws JMSException {
        return properties.getBoolean(name);
    }

    @Override
    public byte getByteProperty(String name) throws JMSException {
        return properties.getByte(name);
    }

    @Override
    public short getShortProperty(String name) throws JMSException {
        return properties.getShort(name);
    }

    @Override
    public int getIntProperty(String name) throws JMSException {
        return properties.getInt(name);
    }

    @Override
    public long getLongProperty(String name) throws JMSException {
        return properties.getLong(name);
    }

    @Override
    public float getFloatProperty(String name) throws JMSException {
        return properties.getFloat(name);
    }

    @Override
    public double getDoubleProperty(String name) throws JMSException {
        return properties.getDouble(name);
    }

    @Override
    public String getStringProperty(String name) throws JMSException {
        return properties.getString(name);
    }

    @Override
    public Object getObjectProperty(String name) throws JMSException {
        return properties.get(name);
    }

    @Override
    public Enumeration<String> getPropertyNames() throws JMSException {
        return properties.names();
    }

    @Override
    public void setBooleanProperty(String name, boolean value) throws JMSException {
        properties.set(name, value);
    }

    @Override
    public void setByteProperty(String name, byte value) throws JMSException {
        properties.set(name, value);
    }

    @Override
    public void setShortProperty(String name, short value) throws JMSException {
        properties.set(name, value);
    }

    @Override
    public void setIntProperty(String name, int value) throws JMSException {
        properties.set(name, value);
    }

    @Override
    public void setLongProperty(String name, long value) throws JMSException {
        properties.set(name, value);
    }

    @Override
    public void setFloatProperty(String name, float value) throws JMSException {
        properties.set(name, value);
    }

    @Override
    public void setDoubleProperty(String name, double value) throws JMSException {
        properties.set(name, value);
    }

    @Override
    public void setStringProperty(String name, String value) throws JMSException {
        properties.set(name, value);
    }

    @Override
    public void setObjectProperty(String name, Object value) throws JMSException {
        properties.set(name, value);
    }

    // --- body ----------------------------------------------------------------------------

    /** Empties the body and makes it writable (BytesMessage and StreamMessage: write-only). */
    @Override
    public void clearBody() throws JMSException {
        bodyReadOnly = false;
        clearBodyContent();
    }

    /** A message without a body type has no body: {@code null} for any type. */
    @Override
    public <T> T getBody(Class<T> c) throws JMSException {
        return null;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public boolean isBodyAssignableTo(Class c) throws JMSException {
        return true;
    }

    // --- acknowledgement and selectors ---------------------------------------------------

    /**
     * Acknowledges, in CLIENT_ACKNOWLEDGE mode, every message the session consumed so far. The
     * provider decides what this means for the session; a message the application created
     * itself (never received) ignores the call.
     */
    @Override
    public void acknowledge() throws JMSException {
        Acknowledger current = acknowledger;
        if (current != null) {
            current.acknowledge();
        }
    }

    /**
     * The value a message selector sees for a header field or property: the selectable headers
     * ({@code JMSDeliveryMode} as {@code "PERSISTENT"} or {@code "NON_PERSISTENT"},
     * {@code JMSPriority}, {@code JMSMessageID}, {@code JMSTimestamp}, {@code JMSCorrelationID},
     * {@code JMSType}), otherwise the property of that name, JMSX properties included, or null.
     */
    @Override
    public Object value(String identifier) {
        return switch (identifier) {
            case "JMSDeliveryMode" -> headers.deliveryMode == DeliveryMode.NON_PERSISTENT ? "NON_PERSISTENT" : "PERSISTENT";
            case "JMSPriority" -> headers.priority;
            case "JMSMessageID" -> headers.messageId;
            case "JMSTimestamp" -> headers.timestamp;
            case "JMSCorrelationID" -> correlationIdText();
            case "JMSType" -> headers.type;
            default -> properties.get(identifier);
        };
    }

    // --- for the provider ----------------------------------------------------------------

    /**
     * For the provider, on receipt: makes properties and body read-only, as the application
     * must see a received message, and positions a BytesMessage or StreamMessage at the start
     * of its body for reading.
     */
    public void markReceived() {
        properties.setReadOnly(true);
        bodyReadOnly = true;
        onReceived();
    }

    /**
     * For the provider, on receipt: sets the {@code JMSXDeliveryCount} property (1 for a first
     * delivery) and {@code JMSRedelivered} (true from the second delivery on). Works while the
     * properties are read-only for the application.
     */
    public void setDeliveryCount(int deliveryCount) {
        properties.putByProvider(PropertyNames.DELIVERY_COUNT, deliveryCount);
        headers.redelivered = deliveryCount > 1;
    }

    /**
     * For the provider, on receipt: what {@link #acknowledge()} does for this message. Without
     * one, {@code acknowledge()} does nothing.
     */
    public void setAcknowledger(Acknowledger acknowledger) {
        this.acknowledger = acknowledger;
    }

    /**
     * For the provider, on sending a message another provider implemented: a reliq message of
     * the same type with the same headers, properties and body. A reliq message is copied too
     * (through its encoding), so the copy never shares state with the original.
     *
     * @throws JMSException when the foreign message cannot be read, or holds a property or
     *     value its type does not allow
     */
    public static ReliqMessage copyOf(Message message) throws JMSException {
        return ForeignMessages.copyOf(message);
    }

    // --- the body, for subclasses and the codec ------------------------------------------

    BodyType bodyType() {
        return BodyType.NONE;
    }

    /** Writes the body's length (-1 for none) and content; nothing for a message without a body. */
    void writeBody(CodecWriter out) {
    }

    /** Takes a decoded body, null for none, kept encoded until first read. */
    void readBody(BodySlice body) {
    }

    void clearBodyContent() {
    }

    void onReceived() {
    }

    void checkBodyWritable() throws MessageNotWriteableException {
        if (bodyReadOnly) {
            throw new MessageNotWriteableException("The body of a received message is read-only; call clearBody()"
                + " before writing it");
        }
    }

    /**
     * The body as {@code c}, for {@link #getBody(Class)}: a body whose class is not assignable to
     * {@code c} is a MessageFormatException.
     */
    static <T> T bodyAs(Object body, Class<T> c, String messageType) throws MessageFormatException {
        if (body == null) {
            return null;
        }
        if (c == null || !c.isInstance(body)) {
            throw new MessageFormatException("The body of this " + messageType + " is a "
                + body.getClass().getTypeName() + " and cannot be returned as " + (c == null ? "null" : c.getTypeName()));
        }
        return c.cast(body);
    }

    private String correlationIdText() {
        Object id = headers.correlationId;
        return id instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : (String) id;
    }

    /** A body that arrived and cannot be decoded, as the exception its read method throws. */
    static MessageFormatException unreadableBody(CorruptMessageException e) {
        return linked(new MessageFormatException("The body of this message cannot be read: " + e.getMessage()), e);
    }

    static <E extends JMSException> E linked(E failure, Exception cause) {
        failure.setLinkedException(cause);
        failure.initCause(cause);
        return failure;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[id=" + headers.messageId + ", destination=" + headers.destination
            + ", properties=" + properties.asMap() + "]";
    }
}
