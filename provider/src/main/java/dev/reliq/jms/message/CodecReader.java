package dev.reliq.jms.message;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads the primitives of the reliq message format from a range of an array, big-endian.
 * Every read checks the bytes that remain first, so a truncated payload or a bogus length
 * becomes a {@link CorruptMessageException} naming the offset, never an
 * {@code ArrayIndexOutOfBoundsException} or an allocation sized by untrusted input.
 */
final class CodecReader {

    private final byte[] bytes;
    private final int end;
    private int position;

    CodecReader(byte[] bytes, int from, int to) {
        this.bytes = bytes;
        this.position = from;
        this.end = to;
    }

    int position() {
        return position;
    }

    int remaining() {
        return end - position;
    }

    boolean atEnd() {
        return position >= end;
    }

    int u8(String what) throws CorruptMessageException {
        need(1, what);
        return bytes[position++] & 0xFF;
    }

    short i16(String what) throws CorruptMessageException {
        need(2, what);
        int value = (bytes[position] & 0xFF) << 8 | bytes[position + 1] & 0xFF;
        position += 2;
        return (short) value;
    }

    int i32(String what) throws CorruptMessageException {
        need(4, what);
        int value = (bytes[position] & 0xFF) << 24 | (bytes[position + 1] & 0xFF) << 16
            | (bytes[position + 2] & 0xFF) << 8 | bytes[position + 3] & 0xFF;
        position += 4;
        return value;
    }

    long i64(String what) throws CorruptMessageException {
        need(8, what);
        long high = i32(what) & 0xFFFFFFFFL;
        long low = i32(what) & 0xFFFFFFFFL;
        return high << 32 | low;
    }

    /**
     * A length field: at least 0 (or -1 when {@code nullable}) and no more than the bytes that
     * remain after it.
     */
    int length(String what, boolean nullable) throws CorruptMessageException {
        int at = position;
        int length = i32("the length of " + what);
        if (length == -1 && nullable) {
            return -1;
        }
        if (length < 0) {
            throw new CorruptMessageException("the length of " + what + " is negative (" + length + ")", at);
        }
        if (length > remaining()) {
            throw new CorruptMessageException("the length of " + what + " is " + length
                + " bytes but only " + remaining() + " remain", at);
        }
        return length;
    }

    String string(String what) throws CorruptMessageException {
        int length = length(what, false);
        return utf8(length, what);
    }

    /** The next {@code length} bytes, already checked by {@link #length}, decoded strictly as UTF-8. */
    String utf8(int length, String what) throws CorruptMessageException {
        int at = position;
        try {
            String value = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes, position, length))
                .toString();
            position += length;
            return value;
        } catch (CharacterCodingException e) {
            throw new CorruptMessageException(what + " is not valid UTF-8", at);
        }
    }

    byte[] bytes(String what) throws CorruptMessageException {
        int length = length(what, false);
        byte[] value = new byte[length];
        System.arraycopy(bytes, position, value, 0, length);
        position += length;
        return value;
    }

    /** The next {@code length} bytes as a slice of the payload, without copying. */
    BodySlice slice(int length) {
        BodySlice slice = new BodySlice(bytes, position, length);
        position += length;
        return slice;
    }

    private void need(int count, String what) throws CorruptMessageException {
        if (remaining() < count) {
            throw new CorruptMessageException("the payload ends inside " + what + " (needs " + count
                + " bytes, " + Math.max(remaining(), 0) + " remain)", position);
        }
    }
}
