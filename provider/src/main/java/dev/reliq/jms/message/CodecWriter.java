package dev.reliq.jms.message;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Appends the primitives of the reliq message format to a growing array, big-endian. */
final class CodecWriter {

    private byte[] bytes = new byte[256];
    private int size;

    void u8(int value) {
        ensure(1);
        bytes[size++] = (byte) value;
    }

    void i16(int value) {
        ensure(2);
        bytes[size++] = (byte) (value >>> 8);
        bytes[size++] = (byte) value;
    }

    void i32(int value) {
        ensure(4);
        putInt(size, value);
        size += 4;
    }

    void i64(long value) {
        i32((int) (value >>> 32));
        i32((int) value);
    }

    /** The exact bits, so every NaN payload survives a round trip. */
    void f32(float value) {
        i32(Float.floatToRawIntBits(value));
    }

    void f64(double value) {
        i64(Double.doubleToRawLongBits(value));
    }

    /** A length-prefixed UTF-8 string. */
    void string(String value) {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        lengthPrefixed(utf8, 0, utf8.length);
    }

    void lengthPrefixed(byte[] value, int offset, int length) {
        i32(length);
        raw(value, offset, length);
    }

    void raw(byte[] value, int offset, int length) {
        ensure(length);
        System.arraycopy(value, offset, bytes, size, length);
        size += length;
    }

    /** Reserves a length field to fill in with {@link #endLength(int)} once the content is written. */
    int beginLength() {
        int at = size;
        i32(0);
        return at;
    }

    void endLength(int at) {
        putInt(at, size - at - 4);
    }

    byte[] toByteArray() {
        return Arrays.copyOf(bytes, size);
    }

    private void putInt(int at, int value) {
        bytes[at] = (byte) (value >>> 24);
        bytes[at + 1] = (byte) (value >>> 16);
        bytes[at + 2] = (byte) (value >>> 8);
        bytes[at + 3] = (byte) value;
    }

    private void ensure(int more) {
        if (size + more > bytes.length) {
            long wanted = Math.max((long) bytes.length * 2, (long) size + more);
            if (wanted > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("A message cannot be encoded in more than 2 GB");
            }
            bytes = Arrays.copyOf(bytes, (int) wanted);
        }
    }
}
