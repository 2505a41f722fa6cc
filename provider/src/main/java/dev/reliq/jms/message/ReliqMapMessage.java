package dev.reliq.jms.message;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.MessageFormatException;

import dev.reliq.jms.message.Conversions.Source;

/**
 * A message whose body is a set of named values of the primitive types, String and byte[].
 * Values convert on reading as the specification's table allows (section 3.11.3). Byte arrays
 * are copied in and out, so neither side can change the other's. A map without entries is no
 * body. A received map is decoded when first read.
 */
public class ReliqMapMessage extends ReliqMessage implements MapMessage {

    private Map<String, Object> entries = new LinkedHashMap<>();
    /** The received body while it is not decoded yet. */
    private BodySlice encoded;

    public ReliqMapMessage() {
    }

    @Override
    public boolean getBoolean(String name) throws JMSException {
        return Conversions.toBoolean(entries().get(name), Source.MAP_ENTRY, name);
    }

    @Override
    public byte getByte(String name) throws JMSException {
        return Conversions.toByte(entries().get(name), Source.MAP_ENTRY, name);
    }

    @Override
    public short getShort(String name) throws JMSException {
        return Conversions.toShort(entries().get(name), Source.MAP_ENTRY, name);
    }

    @Override
    public char getChar(String name) throws JMSException {
        return Conversions.toChar(entries().get(name), Source.MAP_ENTRY, name);
    }

    @Override
    public int getInt(String name) throws JMSException {
        return Conversions.toInt(entries().get(name), Source.MAP_ENTRY, name);
    }

    @Override
    public long getLong(String name) throws JMSException {
        return Conversions.toLong(entries().get(name), Source.MAP_ENTRY, name);
    }

    @Override
    public float getFloat(String name) throws JMSException {
        return Conversions.toFloat(entries().get(name), Source.MAP_ENTRY, name);
    }

    @Override
    public double getDouble(String name) throws JMSException {
        return Conversions.toDouble(entries().get(name), Source.MAP_ENTRY, name);
    }

    @Override
    public String getString(String name) throws JMSException {
        return Conversions.toText(entries().get(name), Source.MAP_ENTRY, name);
    }

    @Override
    public byte[] getBytes(String name) throws JMSException {
        return Conversions.toBytes(entries().get(name), Source.MAP_ENTRY, name);
    }

    @Override
    public Object getObject(String name) throws JMSException {
        Object value = entries().get(name);
        return value instanceof byte[] bytes ? bytes.clone() : value;
    }

    @Override
    public Enumeration<String> getMapNames() throws JMSException {
        return Collections.enumeration(new ArrayList<>(entries().keySet()));
    }

    @Override
    public boolean itemExists(String name) throws JMSException {
        return entries().containsKey(name);
    }

    @Override
    public void setBoolean(String name, boolean value) throws JMSException {
        put(name, value);
    }

    @Override
    public void setByte(String name, byte value) throws JMSException {
        put(name, value);
    }

    @Override
    public void setShort(String name, short value) throws JMSException {
        put(name, value);
    }

    @Override
    public void setChar(String name, char value) throws JMSException {
        put(name, value);
    }

    @Override
    public void setInt(String name, int value) throws JMSException {
        put(name, value);
    }

    @Override
    public void setLong(String name, long value) throws JMSException {
        put(name, value);
    }

    @Override
    public void setFloat(String name, float value) throws JMSException {
        put(name, value);
    }

    @Override
    public void setDouble(String name, double value) throws JMSException {
        put(name, value);
    }

    @Override
    public void setString(String name, String value) throws JMSException {
        put(name, value);
    }

    @Override
    public void setBytes(String name, byte[] value) throws JMSException {
        put(name, value == null ? null : value.clone());
    }

    @Override
    public void setBytes(String name, byte[] value, int offset, int length) throws JMSException {
        put(name, Arrays.copyOfRange(value, offset, offset + length));
    }

    /**
     * Sets a Boolean, Byte, Short, Character, Integer, Long, Float, Double, String, byte[] or
     * null value.
     *
     * @throws MessageFormatException for any other type
     */
    @Override
    public void setObject(String name, Object value) throws JMSException {
        if (!TypedValues.isBodyValue(value)) {
            throw new MessageFormatException("Map entry '" + name + "' cannot hold a " + value.getClass().getName()
                + "; map values are Boolean, Byte, Short, Character, Integer, Long, Float, Double, String or byte[]");
        }
        put(name, value instanceof byte[] bytes ? bytes.clone() : value);
    }

    /** The entries as a {@code Map} (a copy) for {@code Map.class} or {@code Object.class}; null when empty. */
    @Override
    public <T> T getBody(Class<T> c) throws JMSException {
        Map<String, Object> current = entries();
        if (current.isEmpty()) {
            return null;
        }
        if (c == null || !c.isAssignableFrom(Map.class)) {
            throw new MessageFormatException("The body of a MapMessage is a Map and cannot be returned as "
                + (c == null ? "null" : c.getTypeName()) + "; ask for Map.class");
        }
        Map<String, Object> copy = new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : current.entrySet()) {
            Object value = entry.getValue();
            copy.put(entry.getKey(), value instanceof byte[] bytes ? bytes.clone() : value);
        }
        return c.cast(copy);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public boolean isBodyAssignableTo(Class c) throws JMSException {
        try {
            Class<?> type = c;
            return entries().isEmpty() || type.isAssignableFrom(Map.class);
        } catch (MessageFormatException e) {
            return false;
        }
    }

    @Override
    BodyType bodyType() {
        return BodyType.MAP;
    }

    @Override
    void writeBody(CodecWriter out) {
        if (encoded != null) {
            out.lengthPrefixed(encoded.array(), encoded.offset(), encoded.length());
            return;
        }
        int length = out.beginLength();
        for (Map.Entry<String, Object> entry : entries.entrySet()) {
            out.string(entry.getKey());
            TypedValues.write(out, entry.getValue());
        }
        out.endLength(length);
    }

    @Override
    void readBody(BodySlice body) {
        encoded = body;
        entries = new LinkedHashMap<>();
    }

    @Override
    void clearBodyContent() {
        entries = new LinkedHashMap<>();
        encoded = null;
    }

    private void put(String name, Object value) throws JMSException {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("A MapMessage entry name must not be null or empty");
        }
        checkBodyWritable();
        entries().put(name, value);
    }

    private Map<String, Object> entries() throws MessageFormatException {
        if (encoded != null) {
            entries = decode(encoded);
            encoded = null;
        }
        return entries;
    }

    private static Map<String, Object> decode(BodySlice body) throws MessageFormatException {
        CodecReader in = body.reader();
        Map<String, Object> decoded = new LinkedHashMap<>();
        try {
            while (!in.atEnd()) {
                int at = in.position();
                String name = in.string("a map entry name");
                if (decoded.containsKey(name)) {
                    throw new CorruptMessageException("map entry '" + name + "' appears twice", at);
                }
                decoded.put(name, TypedValues.read(in, "map entry '" + name + "'", true));
            }
        } catch (CorruptMessageException e) {
            throw unreadableBody(e);
        }
        return decoded;
    }
}
