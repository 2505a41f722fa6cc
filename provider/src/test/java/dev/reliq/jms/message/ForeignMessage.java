package dev.reliq.jms.message;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import jakarta.jms.Message;

/**
 * A tiny Message of "another provider": headers and properties in plain fields, no conversions.
 * {@link #as} gives it a body type through a proxy whose body methods are the given lambdas.
 */
class ForeignMessage implements Message {

    interface BodyMethod {
        Object call(Object[] args) throws JMSException;
    }

    String messageId;
    long timestamp;
    String correlationId;
    byte[] correlationIdBytes;
    Destination replyTo;
    Destination destination;
    int deliveryMode = 2;
    boolean redelivered;
    String type;
    long expiration;
    long deliveryTime;
    int priority = 4;
    final Map<String, Object> properties = new LinkedHashMap<>();

    /** This message as an implementation of {@code type}; body methods not in {@code body} throw. */
    <T extends Message> T as(Class<T> type, Map<String, BodyMethod> body) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getDeclaringClass() == Message.class || method.getDeclaringClass() == Object.class) {
                try {
                    return method.invoke(this, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            }
            BodyMethod implementation = body.get(method.getName());
            if (implementation == null) {
                throw new UnsupportedOperationException(method.getName());
            }
            return implementation.call(args);
        };
        return type.cast(Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {type}, handler));
    }

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
    public void setJMSTimestamp(long timestamp) {
        this.timestamp = timestamp;
    }

    @Override
    public byte[] getJMSCorrelationIDAsBytes() throws JMSException {
        if (correlationIdBytes == null) {
            throw new JMSException("this provider has no byte correlation IDs");
        }
        return correlationIdBytes;
    }

    @Override
    public void setJMSCorrelationIDAsBytes(byte[] correlationId) {
        correlationIdBytes = correlationId;
    }

    @Override
    public void setJMSCorrelationID(String correlationId) {
        this.correlationId = correlationId;
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
    public void setJMSReplyTo(Destination replyTo) {
        this.replyTo = replyTo;
    }

    @Override
    public Destination getJMSDestination() {
        return destination;
    }

    @Override
    public void setJMSDestination(Destination destination) {
        this.destination = destination;
    }

    @Override
    public int getJMSDeliveryMode() {
        return deliveryMode;
    }

    @Override
    public void setJMSDeliveryMode(int deliveryMode) {
        this.deliveryMode = deliveryMode;
    }

    @Override
    public boolean getJMSRedelivered() {
        return redelivered;
    }

    @Override
    public void setJMSRedelivered(boolean redelivered) {
        this.redelivered = redelivered;
    }

    @Override
    public String getJMSType() {
        return type;
    }

    @Override
    public void setJMSType(String type) {
        this.type = type;
    }

    @Override
    public long getJMSExpiration() {
        return expiration;
    }

    @Override
    public void setJMSExpiration(long expiration) {
        this.expiration = expiration;
    }

    @Override
    public long getJMSDeliveryTime() {
        return deliveryTime;
    }

    @Override
    public void setJMSDeliveryTime(long deliveryTime) {
        this.deliveryTime = deliveryTime;
    }

    @Override
    public int getJMSPriority() {
        return priority;
    }

    @Override
    public void setJMSPriority(int priority) {
        this.priority = priority;
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
        return (Boolean) properties.get(name);
    }

    @Override
    public byte getByteProperty(String name) {
        return (Byte) properties.get(name);
    }

    @Override
    public short getShortProperty(String name) {
        return (Short) properties.get(name);
    }

    @Override
    public int getIntProperty(String name) {
        return (Integer) properties.get(name);
    }

    @Override
    public long getLongProperty(String name) {
        return (Long) properties.get(name);
    }

    @Override
    public float getFloatProperty(String name) {
        return (Float) properties.get(name);
    }

    @Override
    public double getDoubleProperty(String name) {
        return (Double) properties.get(name);
    }

    @Override
    public String getStringProperty(String name) {
        return (String) properties.get(name);
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
    public <T> T getBody(Class<T> c) {
        return null;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public boolean isBodyAssignableTo(Class c) {
        return true;
    }
}
