package dev.reliq.tck.messages;

import java.io.Serializable;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.MessageFormatException;
import jakarta.jms.ObjectMessage;
import jakarta.jms.Queue;
import jakarta.jms.TextMessage;

/**
 * Messages and a queue implemented outside reliq, as another provider or an application might:
 * plain data holders over the {@code jakarta.jms} interfaces, with no provider behind them.
 * Section 3.12 of the specification says a provider must be able to send such messages.
 */
final class OtherProviderMessages {

    private OtherProviderMessages() {
    }

    /** A queue of another provider: only its name. */
    record OtherQueue(String name) implements Queue {
        @Override
        public String getQueueName() {
            return name;
        }
    }

    /** A message without body; headers in fields and properties in a map. */
    static class Plain implements Message {
        String messageId;
        long timestamp;
        String correlationId;
        byte[] correlationIdBytes;
        Destination replyTo;
        Destination destination;
        int deliveryMode = jakarta.jms.DeliveryMode.PERSISTENT;
        boolean redelivered;
        String type;
        long expiration;
        long deliveryTime;
        int priority = Message.DEFAULT_PRIORITY;
        final Map<String, Object> properties = new LinkedHashMap<>();

        @Override
        public String getJMSMessageID() {
            return messageId;
        }

        @Override
        public void setJMSMessageID(String id) {
            messageId = id;
        }

        @Override
        public long getJMSTimestamp() {
            return timestamp;
        }

        @Override
        public void setJMSTimestamp(long value) {
            timestamp = value;
        }

        @Override
        public byte[] getJMSCorrelationIDAsBytes() {
            return correlationIdBytes == null ? null : correlationIdBytes.clone();
        }

        @Override
        public void setJMSCorrelationIDAsBytes(byte[] value) {
            correlationIdBytes = value == null ? null : value.clone();
            correlationId = null;
        }

        @Override
        public void setJMSCorrelationID(String value) {
            correlationId = value;
            correlationIdBytes = null;
        }

        @Override
        public String getJMSCorrelationID() {
            return correlationId;
        }

        @Override
        public Destination getJMSReplyTo() {
            return replyTo;
        }

        @Override
        public void setJMSReplyTo(Destination value) {
            replyTo = value;
        }

        @Override
        public Destination getJMSDestination() {
            return destination;
        }

        @Override
        public void setJMSDestination(Destination value) {
            destination = value;
        }

        @Override
        public int getJMSDeliveryMode() {
            return deliveryMode;
        }

        @Override
        public void setJMSDeliveryMode(int value) {
            deliveryMode = value;
        }

        @Override
        public boolean getJMSRedelivered() {
            return redelivered;
        }

        @Override
        public void setJMSRedelivered(boolean value) {
            redelivered = value;
        }

        @Override
        public String getJMSType() {
            return type;
        }

        @Override
        public void setJMSType(String value) {
            type = value;
        }

        @Override
        public long getJMSExpiration() {
            return expiration;
        }

        @Override
        public void setJMSExpiration(long value) {
            expiration = value;
        }

        @Override
        public long getJMSDeliveryTime() {
            return deliveryTime;
        }

        @Override
        public void setJMSDeliveryTime(long value) {
            deliveryTime = value;
        }

        @Override
        public int getJMSPriority() {
            return priority;
        }

        @Override
        public void setJMSPriority(int value) {
            priority = value;
        }

        @Override
        public void clearProperties() {
            properties.clear();
        }

        @Override
        public boolean propertyExists(String name) {
            return properties.containsKey(name);
        }

        @Override
        public boolean getBooleanProperty(String name) {
            return Boolean.parseBoolean(String.valueOf(properties.get(name)));
        }

        @Override
        public byte getByteProperty(String name) {
            return Byte.parseByte(String.valueOf(properties.get(name)));
        }

        @Override
        public short getShortProperty(String name) {
            return Short.parseShort(String.valueOf(properties.get(name)));
        }

        @Override
        public int getIntProperty(String name) {
            return Integer.parseInt(String.valueOf(properties.get(name)));
        }

        @Override
        public long getLongProperty(String name) {
            return Long.parseLong(String.valueOf(properties.get(name)));
        }

        @Override
        public float getFloatProperty(String name) {
            return Float.parseFloat(String.valueOf(properties.get(name)));
        }

        @Override
        public double getDoubleProperty(String name) {
            return Double.parseDouble(String.valueOf(properties.get(name)));
        }

        @Override
        public String getStringProperty(String name) {
            Object value = properties.get(name);
            return value == null ? null : value.toString();
        }

        @Override
        public Object getObjectProperty(String name) {
            return properties.get(name);
        }

        @Override
        public Enumeration<String> getPropertyNames() {
            return Collections.enumeration(properties.keySet());
        }

        @Override
        public void setBooleanProperty(String name, boolean value) {
            properties.put(name, value);
        }

        @Override
        public void setByteProperty(String name, byte value) {
            properties.put(name, value);
        }

        @Override
        public void setShortProperty(String name, short value) {
            properties.put(name, value);
        }

        @Override
        public void setIntProperty(String name, int value) {
            properties.put(name, value);
        }

        @Override
        public void setLongProperty(String name, long value) {
            properties.put(name, value);
        }

        @Override
        public void setFloatProperty(String name, float value) {
            properties.put(name, value);
        }

        @Override
        public void setDoubleProperty(String name, double value) {
            properties.put(name, value);
        }

        @Override
        public void setStringProperty(String name, String value) {
            properties.put(name, value);
        }

        @Override
        public void setObjectProperty(String name, Object value) {
            properties.put(name, value);
        }

        @Override
        public void acknowledge() {
        }

        @Override
        public void clearBody() {
        }

        @Override
        public <T> T getBody(Class<T> c) throws JMSException {
            return null;
        }

        @Override
        @SuppressWarnings("rawtypes")
        public boolean isBodyAssignableTo(Class c) {
            return true;
        }
    }

    /** A text message of another provider. */
    static final class Text extends Plain implements TextMessage {
        private String text;

        Text(String text) {
            this.text = text;
        }

        @Override
        public void setText(String value) {
            text = value;
        }

        @Override
        public String getText() {
            return text;
        }

        @Override
        public void clearBody() {
            text = null;
        }

        @Override
        public <T> T getBody(Class<T> c) {
            return c.cast(text);
        }

        @Override
        @SuppressWarnings("rawtypes")
        public boolean isBodyAssignableTo(Class c) {
            return text == null || c.isAssignableFrom(String.class);
        }
    }

    /** A map message of another provider. */
    static final class MapBody extends Plain implements MapMessage {
        private final Map<String, Object> entries = new LinkedHashMap<>();

        @Override
        public boolean getBoolean(String name) {
            return (Boolean) entries.get(name);
        }

        @Override
        public byte getByte(String name) {
            return (Byte) entries.get(name);
        }

        @Override
        public short getShort(String name) {
            return (Short) entries.get(name);
        }

        @Override
        public char getChar(String name) {
            return (Character) entries.get(name);
        }

        @Override
        public int getInt(String name) {
            return (Integer) entries.get(name);
        }

        @Override
        public long getLong(String name) {
            return (Long) entries.get(name);
        }

        @Override
        public float getFloat(String name) {
            return (Float) entries.get(name);
        }

        @Override
        public double getDouble(String name) {
            return (Double) entries.get(name);
        }

        @Override
        public String getString(String name) {
            return (String) entries.get(name);
        }

        @Override
        public byte[] getBytes(String name) {
            return (byte[]) entries.get(name);
        }

        @Override
        public Object getObject(String name) {
            return entries.get(name);
        }

        @Override
        public Enumeration<String> getMapNames() {
            return Collections.enumeration(entries.keySet());
        }

        @Override
        public void setBoolean(String name, boolean value) {
            entries.put(name, value);
        }

        @Override
        public void setByte(String name, byte value) {
            entries.put(name, value);
        }

        @Override
        public void setShort(String name, short value) {
            entries.put(name, value);
        }

        @Override
        public void setChar(String name, char value) {
            entries.put(name, value);
        }

        @Override
        public void setInt(String name, int value) {
            entries.put(name, value);
        }

        @Override
        public void setLong(String name, long value) {
            entries.put(name, value);
        }

        @Override
        public void setFloat(String name, float value) {
            entries.put(name, value);
        }

        @Override
        public void setDouble(String name, double value) {
            entries.put(name, value);
        }

        @Override
        public void setString(String name, String value) {
            entries.put(name, value);
        }

        @Override
        public void setBytes(String name, byte[] value) {
            entries.put(name, value == null ? null : value.clone());
        }

        @Override
        public void setBytes(String name, byte[] value, int offset, int length) {
            entries.put(name, java.util.Arrays.copyOfRange(value, offset, offset + length));
        }

        @Override
        public void setObject(String name, Object value) {
            entries.put(name, value);
        }

        @Override
        public boolean itemExists(String name) {
            return entries.containsKey(name);
        }

        @Override
        public void clearBody() {
            entries.clear();
        }

        @Override
        public <T> T getBody(Class<T> c) {
            return entries.isEmpty() ? null : c.cast(new LinkedHashMap<>(entries));
        }

        @Override
        @SuppressWarnings("rawtypes")
        public boolean isBodyAssignableTo(Class c) {
            return entries.isEmpty() || c.isAssignableFrom(Map.class);
        }
    }

    /** An object message of another provider; it keeps the object itself, not a serialized copy. */
    static final class ObjectBody extends Plain implements ObjectMessage {
        private Serializable object;

        ObjectBody(Serializable object) {
            this.object = object;
        }

        @Override
        public void setObject(Serializable value) {
            object = value;
        }

        @Override
        public Serializable getObject() {
            return object;
        }

        @Override
        public void clearBody() {
            object = null;
        }

        @Override
        public <T> T getBody(Class<T> c) throws JMSException {
            if (object != null && !c.isInstance(object)) {
                throw new MessageFormatException("not a " + c);
            }
            return c.cast(object);
        }

        @Override
        @SuppressWarnings("rawtypes")
        public boolean isBodyAssignableTo(Class c) {
            return object == null || c.isInstance(object);
        }
    }
}
