package dev.reliq.jms.message;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageNotWriteableException;

import dev.reliq.jms.message.Conversions.Source;

/**
 * A message's properties: names checked as selector identifiers, values of the eight property
 * types, typed reads through the conversion table, and the read-only state of a received
 * message. The provider writes its own JMSX properties with {@link #putByProvider}, which
 * ignores the read-only state.
 */
final class MessageProperties {

    private final Map<String, Object> values = new LinkedHashMap<>();
    private boolean readOnly;

    void set(String name, Object value) throws MessageFormatException, MessageNotWriteableException {
        PropertyNames.check(name);
        if (!TypedValues.isPropertyValue(value)) {
            throw new MessageFormatException("Property '" + name + "' cannot hold a " + value.getClass().getName()
                + "; property values are Boolean, Byte, Short, Integer, Long, Float, Double or String");
        }
        checkWritable();
        values.put(name, value);
    }

    void putByProvider(String name, Object value) {
        values.put(name, value);
    }

    /** Used by decoding, which has checked the value's type but trusts the name to the producer. */
    void putDecoded(String name, Object value) {
        values.put(name, value);
    }

    Object get(String name) {
        return values.get(name);
    }

    boolean contains(String name) {
        return values.containsKey(name);
    }

    Enumeration<String> names() {
        return Collections.enumeration(new ArrayList<>(values.keySet()));
    }

    Map<String, Object> asMap() {
        return Collections.unmodifiableMap(values);
    }

    void clear() {
        values.clear();
        readOnly = false;
    }

    void setReadOnly(boolean readOnly) {
        this.readOnly = readOnly;
    }

    boolean getBoolean(String name) throws MessageFormatException {
        return Conversions.toBoolean(values.get(name), Source.PROPERTY, name);
    }

    byte getByte(String name) throws MessageFormatException {
        return Conversions.toByte(values.get(name), Source.PROPERTY, name);
    }

    short getShort(String name) throws MessageFormatException {
        return Conversions.toShort(values.get(name), Source.PROPERTY, name);
    }

    int getInt(String name) throws MessageFormatException {
        return Conversions.toInt(values.get(name), Source.PROPERTY, name);
    }

    long getLong(String name) throws MessageFormatException {
        return Conversions.toLong(values.get(name), Source.PROPERTY, name);
    }

    float getFloat(String name) throws MessageFormatException {
        return Conversions.toFloat(values.get(name), Source.PROPERTY, name);
    }

    double getDouble(String name) throws MessageFormatException {
        return Conversions.toDouble(values.get(name), Source.PROPERTY, name);
    }

    String getString(String name) throws MessageFormatException {
        return Conversions.toText(values.get(name), Source.PROPERTY, name);
    }

    private void checkWritable() throws MessageNotWriteableException {
        if (readOnly) {
            throw new MessageNotWriteableException("The properties of a received message are read-only;"
                + " call clearProperties() before setting properties");
        }
    }
}
