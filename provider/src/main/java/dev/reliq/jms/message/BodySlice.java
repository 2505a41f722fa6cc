package dev.reliq.jms.message;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * A range of a byte array that holds an encoded body. Decoding keeps bodies as slices of the
 * payload, without copying, until they are first read: selectors read only headers and
 * properties, so most candidate messages never need their body decoded.
 */
record BodySlice(byte[] array, int offset, int length) {

    static BodySlice of(byte[] bytes) {
        return new BodySlice(bytes, 0, bytes.length);
    }

    byte[] toByteArray() {
        return Arrays.copyOfRange(array, offset, offset + length);
    }

    ByteBuffer buffer() {
        return ByteBuffer.wrap(array, offset, length).slice();
    }

    ByteArrayInputStream inputStream() {
        return new ByteArrayInputStream(array, offset, length);
    }

    CodecReader reader() {
        return new CodecReader(array, offset, offset + length);
    }
}
