package dev.reliq.jms.message;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UTFDataFormatException;
import java.nio.ByteBuffer;

import jakarta.jms.BytesMessage;
import jakarta.jms.JMSException;
import jakarta.jms.MessageEOFException;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageNotReadableException;
import jakarta.jms.MessageNotWriteableException;

/**
 * A message whose body is uninterpreted bytes, written and read like
 * {@code java.io.DataOutputStream} and {@code DataInputStream} (big-endian; {@code writeUTF}
 * uses modified UTF-8). A new message is write-only until {@link #reset()}; a received one is
 * read-only until {@link #clearBody()}. A read that fails leaves the position where it was.
 * An empty body is no body.
 */
public class ReliqBytesMessage extends ReliqMessage implements BytesMessage {

    /** The body being written, in write-only mode; null in read-only mode. */
    private ByteArrayOutputStream written = new ByteArrayOutputStream();
    /** The body being read, in read-only mode; null in write-only mode. */
    private ByteBuffer in;

    public ReliqBytesMessage() {
    }

    @Override
    public long getBodyLength() throws JMSException {
        checkReadable();
        return in.limit();
    }

    @Override
    public boolean readBoolean() throws JMSException {
        return ensure(1, "a boolean").get() != 0;
    }

    @Override
    public byte readByte() throws JMSException {
        return ensure(1, "a byte").get();
    }

    @Override
    public int readUnsignedByte() throws JMSException {
        return ensure(1, "an unsigned byte").get() & 0xFF;
    }

    @Override
    public short readShort() throws JMSException {
        return ensure(2, "a short").getShort();
    }

    @Override
    public int readUnsignedShort() throws JMSException {
        return ensure(2, "an unsigned short").getShort() & 0xFFFF;
    }

    @Override
    public char readChar() throws JMSException {
        return ensure(2, "a char").getChar();
    }

    @Override
    public int readInt() throws JMSException {
        return ensure(4, "an int").getInt();
    }

    @Override
    public long readLong() throws JMSException {
        return ensure(8, "a long").getLong();
    }

    @Override
    public float readFloat() throws JMSException {
        return ensure(4, "a float").getFloat();
    }

    @Override
    public double readDouble() throws JMSException {
        return ensure(8, "a double").getDouble();
    }

    /** @throws MessageFormatException when the bytes are not modified UTF-8; the position stays */
    @Override
    public String readUTF() throws JMSException {
        int length = ensure(2, "the length of a UTF string").getShort(in.position()) & 0xFFFF;
        ensure(2 + length, "a UTF string of " + length + " bytes");
        try {
            String value = new DataInputStream(
                new ByteArrayInputStream(in.array(), in.arrayOffset() + in.position(), 2 + length)).readUTF();
            in.position(in.position() + 2 + length);
            return value;
        } catch (IOException e) {
            throw linked(new MessageFormatException("The next " + length + " bytes are not a string written with"
                + " writeUTF (modified UTF-8): " + e.getMessage()), e);
        }
    }

    @Override
    public int readBytes(byte[] value) throws JMSException {
        return readBytes(value, value.length);
    }

    @Override
    public int readBytes(byte[] value, int length) throws JMSException {
        if (length < 0 || length > value.length) {
            throw new IndexOutOfBoundsException("length " + length + " is outside the buffer of " + value.length
                + " bytes");
        }
        checkReadable();
        if (!in.hasRemaining()) {
            return -1;
        }
        int count = Math.min(length, in.remaining());
        in.get(value, 0, count);
        return count;
    }

    @Override
    public void writeBoolean(boolean value) throws JMSException {
        output().write(value ? 1 : 0);
    }

    @Override
    public void writeByte(byte value) throws JMSException {
        output().write(value);
    }

    @Override
    public void writeShort(short value) throws JMSException {
        writeBigEndian(value, 2);
    }

    @Override
    public void writeChar(char value) throws JMSException {
        writeBigEndian(value, 2);
    }

    @Override
    public void writeInt(int value) throws JMSException {
        writeBigEndian(value, 4);
    }

    @Override
    public void writeLong(long value) throws JMSException {
        writeBigEndian(value, 8);
    }

    @Override
    public void writeFloat(float value) throws JMSException {
        writeBigEndian(Float.floatToIntBits(value), 4);
    }

    @Override
    public void writeDouble(double value) throws JMSException {
        writeBigEndian(Double.doubleToLongBits(value), 8);
    }

    /** @throws MessageFormatException for a string longer than 65535 bytes in modified UTF-8 */
    @Override
    public void writeUTF(String value) throws JMSException {
        ByteArrayOutputStream target = output();
        try {
            // DataOutputStream checks the length before writing anything, so a refused string leaves no trace
            new DataOutputStream(target).writeUTF(value);
        } catch (UTFDataFormatException e) {
            throw linked(new MessageFormatException("writeUTF takes strings of up to 65535 bytes in modified UTF-8;"
                + " write longer strings with writeBytes(s.getBytes(StandardCharsets.UTF_8))"), e);
        } catch (IOException e) {
            throw new IllegalStateException(e); // a ByteArrayOutputStream does not fail
        }
    }

    @Override
    public void writeBytes(byte[] value) throws JMSException {
        output().write(value, 0, value.length);
    }

    @Override
    public void writeBytes(byte[] value, int offset, int length) throws JMSException {
        output().write(value, offset, length);
    }

    /**
     * Writes a Boolean, Byte, Short, Character, Integer, Long, Float, Double, String (as
     * {@code writeUTF}) or byte[].
     *
     * @throws NullPointerException for null
     * @throws MessageFormatException for any other type
     */
    @Override
    public void writeObject(Object value) throws JMSException {
        if (value == null) {
            throw new NullPointerException("BytesMessage.writeObject cannot write null");
        } else if (value instanceof Boolean v) {
            writeBoolean(v);
        } else if (value instanceof Byte v) {
            writeByte(v);
        } else if (value instanceof Short v) {
            writeShort(v);
        } else if (value instanceof Character v) {
            writeChar(v);
        } else if (value instanceof Integer v) {
            writeInt(v);
        } else if (value instanceof Long v) {
            writeLong(v);
        } else if (value instanceof Float v) {
            writeFloat(v);
        } else if (value instanceof Double v) {
            writeDouble(v);
        } else if (value instanceof String v) {
            writeUTF(v);
        } else if (value instanceof byte[] v) {
            writeBytes(v);
        } else {
            throw new MessageFormatException("BytesMessage.writeObject cannot write a " + value.getClass().getName()
                + "; it writes Boolean, Byte, Short, Character, Integer, Long, Float, Double, String or byte[]");
        }
    }

    /** Makes the body read-only and positions it at the start. */
    @Override
    public void reset() throws JMSException {
        rewind();
    }

    private void rewind() {
        if (written != null) {
            in = ByteBuffer.wrap(written.toByteArray());
            written = null;
        }
        in.rewind();
        bodyReadOnly = true;
    }

    /**
     * The whole body as {@code byte[]} (for {@code byte[].class} or {@code Object.class}), or null
     * when it is empty. As the specification says, the message is {@link #reset()} before and
     * after, so it is read-only afterwards.
     */
    @Override
    public <T> T getBody(Class<T> c) throws JMSException {
        reset();
        byte[] body = new byte[in.remaining()];
        in.get(body);
        reset();
        return bodyAs(body.length == 0 ? null : body, c, "BytesMessage");
    }

    @Override
    @SuppressWarnings("rawtypes")
    public boolean isBodyAssignableTo(Class c) throws JMSException {
        int length = in != null ? in.limit() : written.size();
        Class<?> type = c;
        return length == 0 || type.isAssignableFrom(byte[].class);
    }

    @Override
    BodyType bodyType() {
        return BodyType.BYTES;
    }

    @Override
    void writeBody(CodecWriter codec) {
        if (in != null) {
            codec.lengthPrefixed(in.array(), in.arrayOffset(), in.limit());
        } else {
            byte[] body = written.toByteArray();
            codec.lengthPrefixed(body, 0, body.length);
        }
    }

    @Override
    void readBody(BodySlice body) {
        in = body.buffer();
        written = null;
        bodyReadOnly = true;
    }

    @Override
    void clearBodyContent() {
        written = new ByteArrayOutputStream();
        in = null;
    }

    @Override
    void onReceived() {
        rewind();
    }

    @Override
    void checkBodyWritable() throws MessageNotWriteableException {
        if (bodyReadOnly) {
            throw new MessageNotWriteableException("This BytesMessage is read-only (it was received, or reset() was"
                + " called); call clearBody() to write a new body");
        }
    }

    private void checkReadable() throws MessageNotReadableException {
        if (!bodyReadOnly) {
            throw new MessageNotReadableException("This BytesMessage is write-only until reset() is called; call"
                + " reset() to read what was written");
        }
    }

    private ByteBuffer ensure(int count, String what) throws JMSException {
        checkReadable();
        if (in.remaining() < count) {
            throw new MessageEOFException("Cannot read " + what + ": " + in.remaining() + " of the "
                + in.limit() + " bytes of the body remain, " + count + " are needed");
        }
        return in;
    }

    /** The body being written, after checking it is writable. */
    private ByteArrayOutputStream output() throws MessageNotWriteableException {
        checkBodyWritable();
        return written;
    }

    private void writeBigEndian(long value, int size) throws MessageNotWriteableException {
        ByteArrayOutputStream target = output();
        for (int shift = (size - 1) * 8; shift >= 0; shift -= 8) {
            target.write((int) (value >>> shift));
        }
    }
}
