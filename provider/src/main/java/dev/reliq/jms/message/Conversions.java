package dev.reliq.jms.message;

import jakarta.jms.MessageFormatException;

/**
 * The type conversions of the Jakarta Messaging 3.1 specification: section 3.5.4 for
 * properties and 3.11.3 for MapMessage and StreamMessage (the same table, with {@code char}
 * and {@code byte[]} added). A value written as one type reads as another only where the
 * table allows; anything else is a {@link MessageFormatException}.
 *
 * <p>A missing or null value reads like the primitive's {@code valueOf((String) null)}, as the
 * specification requires: {@code false} for boolean, a {@code NumberFormatException} for the
 * integer types, a {@code NullPointerException} for float, double and char. A String that does
 * not parse gives the {@code NumberFormatException} of {@code valueOf}.
 */
final class Conversions {

    /** Where a value came from, for error messages. */
    enum Source {
        PROPERTY("Property '%s'"), MAP_ENTRY("Map entry '%s'"), STREAM_FIELD("Stream field %s");

        private final String format;

        Source(String format) {
            this.format = format;
        }

        String describe(Object key) {
            return String.format(format, key);
        }
    }

    private Conversions() {
    }

    static boolean toBoolean(Object value, Source source, Object key) throws MessageFormatException {
        if (value instanceof Boolean b) {
            return b;
        }
        if (value == null || value instanceof String) {
            return Boolean.valueOf((String) value);
        }
        throw notAllowed(value, "boolean", source, key);
    }

    static byte toByte(Object value, Source source, Object key) throws MessageFormatException {
        if (value instanceof Byte b) {
            return b;
        }
        if (value == null || value instanceof String) {
            return Byte.valueOf((String) value);
        }
        throw notAllowed(value, "byte", source, key);
    }

    static short toShort(Object value, Source source, Object key) throws MessageFormatException {
        if (value instanceof Short || value instanceof Byte) {
            return ((Number) value).shortValue();
        }
        if (value == null || value instanceof String) {
            return Short.valueOf((String) value);
        }
        throw notAllowed(value, "short", source, key);
    }

    static char toChar(Object value, Source source, Object key) throws MessageFormatException {
        if (value instanceof Character c) {
            return c;
        }
        if (value == null) {
            throw new NullPointerException(source.describe(key) + " is null or absent and cannot be read as char");
        }
        throw notAllowed(value, "char", source, key);
    }

    static int toInt(Object value, Source source, Object key) throws MessageFormatException {
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).intValue();
        }
        if (value == null || value instanceof String) {
            return Integer.valueOf((String) value);
        }
        throw notAllowed(value, "int", source, key);
    }

    static long toLong(Object value, Source source, Object key) throws MessageFormatException {
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value == null || value instanceof String) {
            return Long.valueOf((String) value);
        }
        throw notAllowed(value, "long", source, key);
    }

    static float toFloat(Object value, Source source, Object key) throws MessageFormatException {
        if (value instanceof Float f) {
            return f;
        }
        if (value == null || value instanceof String) {
            return Float.valueOf((String) value);
        }
        throw notAllowed(value, "float", source, key);
    }

    static double toDouble(Object value, Source source, Object key) throws MessageFormatException {
        if (value instanceof Double || value instanceof Float) {
            return ((Number) value).doubleValue();
        }
        if (value == null || value instanceof String) {
            return Double.valueOf((String) value);
        }
        throw notAllowed(value, "double", source, key);
    }

    static String toText(Object value, Source source, Object key) throws MessageFormatException {
        if (value instanceof byte[]) {
            throw notAllowed(value, "String", source, key);
        }
        return value == null ? null : value.toString();
    }

    /** A copy, so the caller cannot change the message through the returned array. */
    static byte[] toBytes(Object value, Source source, Object key) throws MessageFormatException {
        if (value == null) {
            return null;
        }
        if (value instanceof byte[] bytes) {
            return bytes.clone();
        }
        throw notAllowed(value, "byte[]", source, key);
    }

    static String typeName(Object value) {
        if (value instanceof byte[]) {
            return "byte[]";
        }
        if (value instanceof Character) {
            return "char";
        }
        if (value instanceof Integer) {
            return "int";
        }
        if (value instanceof String) {
            return "String";
        }
        return value.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT);
    }

    private static MessageFormatException notAllowed(Object value, String target, Source source, Object key) {
        String type = typeName(value);
        return new MessageFormatException(source.describe(key) + " is a " + type + " and cannot be read as "
            + target + "; a " + type + " can be read as " + readableAs(type));
    }

    private static String readableAs(String type) {
        return switch (type) {
            case "boolean" -> "boolean or String";
            case "byte" -> "byte, short, int, long or String";
            case "short" -> "short, int, long or String";
            case "char" -> "char or String";
            case "int" -> "int, long or String";
            case "long" -> "long or String";
            case "float" -> "float, double or String";
            case "double" -> "double or String";
            case "String" -> "boolean, byte, short, int, long, float, double or String";
            default -> "byte[] only";
        };
    }
}
