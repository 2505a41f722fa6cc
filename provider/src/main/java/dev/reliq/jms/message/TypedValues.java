package dev.reliq.jms.message;

/**
 * The typed values of properties, MapMessage entries and StreamMessage fields: one tag byte,
 * then the value. Tag numbers are part of the wire format ({@code docs/message-format.md}).
 */
final class TypedValues {

    static final int NULL = 0x00;
    static final int BOOLEAN = 0x01;
    static final int BYTE = 0x02;
    static final int SHORT = 0x03;
    static final int CHAR = 0x04;
    static final int INT = 0x05;
    static final int LONG = 0x06;
    static final int FLOAT = 0x07;
    static final int DOUBLE = 0x08;
    static final int STRING = 0x09;
    static final int BYTES = 0x0A;

    private TypedValues() {
    }

    /** True for the types a MapMessage or StreamMessage can hold (null included). */
    static boolean isBodyValue(Object value) {
        return value == null || value instanceof byte[] || value instanceof Character || isPropertyValue(value);
    }

    /** True for the eight types a property can hold ({@code null} is a value that reads as absent). */
    static boolean isPropertyValue(Object value) {
        return value == null || value instanceof Boolean || value instanceof Byte || value instanceof Short
            || value instanceof Integer || value instanceof Long || value instanceof Float
            || value instanceof Double || value instanceof String;
    }

    static void write(CodecWriter out, Object value) {
        if (value == null) {
            out.u8(NULL);
        } else if (value instanceof Boolean b) {
            out.u8(BOOLEAN);
            out.u8(b ? 1 : 0);
        } else if (value instanceof Byte b) {
            out.u8(BYTE);
            out.u8(b);
        } else if (value instanceof Short s) {
            out.u8(SHORT);
            out.i16(s);
        } else if (value instanceof Character c) {
            out.u8(CHAR);
            out.i16(c);
        } else if (value instanceof Integer i) {
            out.u8(INT);
            out.i32(i);
        } else if (value instanceof Long l) {
            out.u8(LONG);
            out.i64(l);
        } else if (value instanceof Float f) {
            out.u8(FLOAT);
            out.f32(f);
        } else if (value instanceof Double d) {
            out.u8(DOUBLE);
            out.f64(d);
        } else if (value instanceof String s) {
            out.u8(STRING);
            out.string(s);
        } else if (value instanceof byte[] b) {
            out.u8(BYTES);
            out.lengthPrefixed(b, 0, b.length);
        } else {
            // the setters admit only the types above
            throw new IllegalStateException("Cannot encode a value of " + value.getClass());
        }
    }

    /**
     * Reads one tagged value.
     *
     * @param bodyTypes whether {@code char} and {@code byte[]} are allowed (in bodies, not in properties)
     */
    static Object read(CodecReader in, String what, boolean bodyTypes) throws CorruptMessageException {
        int at = in.position();
        int tag = in.u8("the type tag of " + what);
        switch (tag) {
            case NULL:
                return null;
            case BOOLEAN:
                int flag = in.u8(what);
                if (flag > 1) {
                    throw new CorruptMessageException(what + " is a boolean of value " + flag + " (must be 0 or 1)",
                        in.position() - 1);
                }
                return flag == 1;
            case BYTE:
                return (byte) in.u8(what);
            case SHORT:
                return in.i16(what);
            case INT:
                return in.i32(what);
            case LONG:
                return in.i64(what);
            case FLOAT:
                return Float.intBitsToFloat(in.i32(what));
            case DOUBLE:
                return Double.longBitsToDouble(in.i64(what));
            case STRING:
                return in.string(what);
            case CHAR:
                if (bodyTypes) {
                    return (char) in.i16(what);
                }
                break;
            case BYTES:
                if (bodyTypes) {
                    return in.bytes(what);
                }
                break;
            default:
                throw new CorruptMessageException(what + " has unknown type tag 0x" + Integer.toHexString(tag), at);
        }
        throw new CorruptMessageException(what + " has type tag 0x" + Integer.toHexString(tag)
            + ", which a property cannot have", at);
    }
}
