package dev.reliq.jms.message;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.jms.JMSException;
import jakarta.jms.MessageEOFException;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageNotReadableException;
import jakarta.jms.MessageNotWriteableException;
import jakarta.jms.StreamMessage;

import dev.reliq.jms.message.Conversions.Source;

/**
 * A message whose body is a sequence of typed fields, read back in order. Fields convert on
 * reading as the specification's table allows (section 3.11.3); a read that fails with a
 * MessageFormatException or NumberFormatException does not move past the field, so it can be
 * read again as another type. A byte[] field may be read in pieces with
 * {@link #readBytes(byte[])}. A new message is write-only until {@link #reset()}; a received
 * one is read-only until {@link #clearBody()}. A received body is decoded when first read.
 */
public class ReliqStreamMessage extends ReliqMessage implements StreamMessage {

    private List<Object> fields = new ArrayList<>();
    /** The received body while it is not decoded yet. */
    private BodySlice encoded;
    /** The index of the next field to read. */
    private int next;
    /** How much of the byte[] field at {@code next} readBytes has returned, or -1 when it is not reading one. */
    private int bytesRead = -1;

    public ReliqStreamMessage() {
    }

    @Override
    public boolean readBoolean() throws JMSException {
        boolean value = Conversions.toBoolean(peek(), Source.STREAM_FIELD, next);
        next++;
        return value;
    }

    @Override
    public byte readByte() throws JMSException {
        byte value = Conversions.toByte(peek(), Source.STREAM_FIELD, next);
        next++;
        return value;
    }

    @Override
    public short readShort() throws JMSException {
        short value = Conversions.toShort(peek(), Source.STREAM_FIELD, next);
        next++;
        return value;
    }

    @Override
    public char readChar() throws JMSException {
        char value = Conversions.toChar(peek(), Source.STREAM_FIELD, next);
        next++;
        return value;
    }

    @Override
    public int readInt() throws JMSException {
        int value = Conversions.toInt(peek(), Source.STREAM_FIELD, next);
        next++;
        return value;
    }

    @Override
    public long readLong() throws JMSException {
        long value = Conversions.toLong(peek(), Source.STREAM_FIELD, next);
        next++;
        return value;
    }

    @Override
    public float readFloat() throws JMSException {
        float value = Conversions.toFloat(peek(), Source.STREAM_FIELD, next);
        next++;
        return value;
    }

    @Override
    public double readDouble() throws JMSException {
        double value = Conversions.toDouble(peek(), Source.STREAM_FIELD, next);
        next++;
        return value;
    }

    @Override
    public String readString() throws JMSException {
        String value = Conversions.toText(peek(), Source.STREAM_FIELD, next);
        next++;
        return value;
    }

    /**
     * Reads a byte[] field, or the next piece of one. A call that fills the buffer exactly is
     * followed by one that returns the rest, or -1 when nothing is left; a null field returns -1
     * and an empty one 0. Other reads are refused until the field is read to its end.
     */
    @Override
    public int readBytes(byte[] buffer) throws JMSException {
        if (bytesRead < 0) {
            Object value = peekField();
            if (value == null) {
                next++;
                return -1;
            }
            if (!(value instanceof byte[] field)) {
                Conversions.toBytes(value, Source.STREAM_FIELD, next); // throws the MessageFormatException
                throw new IllegalStateException();
            }
            if (field.length == 0) {
                next++;
                return 0;
            }
            bytesRead = 0;
        }
        byte[] field = (byte[]) fields.get(next);
        int remaining = field.length - bytesRead;
        if (remaining == 0) {
            finishField();
            return -1;
        }
        int count = Math.min(remaining, buffer.length);
        System.arraycopy(field, bytesRead, buffer, 0, count);
        bytesRead += count;
        if (count < buffer.length) {
            finishField();
        }
        return count;
    }

    /** The next field as the object it was written as; a byte[] is a copy. */
    @Override
    public Object readObject() throws JMSException {
        Object value = peek();
        next++;
        return value instanceof byte[] bytes ? bytes.clone() : value;
    }

    @Override
    public void writeBoolean(boolean value) throws JMSException {
        add(value);
    }

    @Override
    public void writeByte(byte value) throws JMSException {
        add(value);
    }

    @Override
    public void writeShort(short value) throws JMSException {
        add(value);
    }

    @Override
    public void writeChar(char value) throws JMSException {
        add(value);
    }

    @Override
    public void writeInt(int value) throws JMSException {
        add(value);
    }

    @Override
    public void writeLong(long value) throws JMSException {
        add(value);
    }

    @Override
    public void writeFloat(float value) throws JMSException {
        add(value);
    }

    @Override
    public void writeDouble(double value) throws JMSException {
        add(value);
    }

    @Override
    public void writeString(String value) throws JMSException {
        add(value);
    }

    @Override
    public void writeBytes(byte[] value) throws JMSException {
        add(value == null ? null : value.clone());
    }

    @Override
    public void writeBytes(byte[] value, int offset, int length) throws JMSException {
        add(Arrays.copyOfRange(value, offset, offset + length));
    }

    /**
     * Writes a Boolean, Byte, Short, Character, Integer, Long, Float, Double, String, byte[] or
     * null field.
     *
     * @throws MessageFormatException for any other type
     */
    @Override
    public void writeObject(Object value) throws JMSException {
        if (!TypedValues.isBodyValue(value)) {
            throw new MessageFormatException("StreamMessage.writeObject cannot write a " + value.getClass().getName()
                + "; it writes Boolean, Byte, Short, Character, Integer, Long, Float, Double, String or byte[]");
        }
        add(value instanceof byte[] bytes ? bytes.clone() : value);
    }

    /** Makes the body read-only and positions it at the first field. */
    @Override
    public void reset() throws JMSException {
        rewind();
    }

    private void rewind() {
        bodyReadOnly = true;
        next = 0;
        bytesRead = -1;
    }

    /** A StreamMessage has no single body value: always a MessageFormatException, as specified. */
    @Override
    public <T> T getBody(Class<T> c) throws JMSException {
        throw new MessageFormatException("A StreamMessage body cannot be returned as one object; read its fields"
            + " with readObject() or the typed read methods");
    }

    /** Always false, as specified for StreamMessage. */
    @Override
    @SuppressWarnings("rawtypes")
    public boolean isBodyAssignableTo(Class c) throws JMSException {
        return false;
    }

    @Override
    BodyType bodyType() {
        return BodyType.STREAM;
    }

    @Override
    void writeBody(CodecWriter out) {
        if (encoded != null) {
            out.lengthPrefixed(encoded.array(), encoded.offset(), encoded.length());
            return;
        }
        int length = out.beginLength();
        for (Object field : fields) {
            TypedValues.write(out, field);
        }
        out.endLength(length);
    }

    @Override
    void readBody(BodySlice body) {
        encoded = body;
        fields = new ArrayList<>();
        rewind();
    }

    @Override
    void clearBodyContent() {
        fields = new ArrayList<>();
        encoded = null;
        next = 0;
        bytesRead = -1;
    }

    @Override
    void onReceived() {
        rewind();
    }

    @Override
    void checkBodyWritable() throws MessageNotWriteableException {
        if (bodyReadOnly) {
            throw new MessageNotWriteableException("This StreamMessage is read-only (it was received, or reset() was"
                + " called); call clearBody() to write a new body");
        }
    }

    private void add(Object value) throws MessageNotWriteableException {
        checkBodyWritable();
        fields.add(value);
    }

    /** The next field, for every read but readBytes, which may be in the middle of one. */
    private Object peek() throws JMSException {
        Object value = peekField();
        if (bytesRead >= 0) {
            throw new MessageFormatException("Stream field " + next + " is a byte[] partly read with readBytes();"
                + " call readBytes() until it returns less than the buffer's length before reading the next field");
        }
        return value;
    }

    private Object peekField() throws JMSException {
        if (!bodyReadOnly) {
            throw new MessageNotReadableException("This StreamMessage is write-only until reset() is called; call"
                + " reset() to read what was written");
        }
        if (encoded != null) {
            fields = decode(encoded);
            encoded = null;
        }
        if (next >= fields.size()) {
            throw new MessageEOFException("The end of the StreamMessage body is reached: all " + fields.size()
                + " fields were read");
        }
        return fields.get(next);
    }

    private void finishField() {
        bytesRead = -1;
        next++;
    }

    private static List<Object> decode(BodySlice body) throws MessageFormatException {
        CodecReader in = body.reader();
        List<Object> decoded = new ArrayList<>();
        try {
            while (!in.atEnd()) {
                decoded.add(TypedValues.read(in, "stream field " + decoded.size(), true));
            }
        } catch (CorruptMessageException e) {
            throw unreadableBody(e);
        }
        return decoded;
    }
}
