package dev.reliq.jms.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import jakarta.jms.JMSException;
import jakarta.jms.MessageFormatException;

import org.junit.jupiter.params.provider.Arguments;

/**
 * The conversion tables of the Jakarta Messaging 3.1 specification, written out as rows: a
 * value written as one type, and what each read type must return. A read type missing from a
 * row must throw a MessageFormatException.
 */
final class ConversionTable {

    enum Type { BOOLEAN, BYTE, SHORT, CHAR, INT, LONG, FLOAT, DOUBLE, STRING, BYTES }

    /**
     * A written value and the values its allowed reads return; an exception class where the
     * conversion is allowed but the String does not parse.
     */
    record Row(String label, Object written, Map<Type, Object> reads) {

        @Override
        public String toString() {
            return label;
        }

        /** Checks one cell: the expected value, the expected parse failure, or a MessageFormatException. */
        void check(Type read, Reader reader, String source) {
            Object expected = reads.get(read);
            if (expected instanceof Class<?> failure) {
                assertThatThrownBy(() -> reader.read(read)).isInstanceOf(failure);
            } else if (reads.containsKey(read)) {
                try {
                    assertThat(reader.read(read)).isEqualTo(expected);
                } catch (JMSException e) {
                    throw new AssertionError(e);
                }
            } else {
                assertThatThrownBy(() -> reader.read(read)).isInstanceOf(MessageFormatException.class)
                    .hasMessageContaining(source);
            }
        }
    }

    /** Reads the value under test as a type. */
    interface Reader {
        Object read(Type type) throws JMSException;
    }

    /** Properties: section 3.5.4 (no char, no byte[]). */
    static final Set<Type> PROPERTY_TYPES = EnumSet.complementOf(EnumSet.of(Type.CHAR, Type.BYTES));
    /** MapMessage and StreamMessage: section 3.11.3. */
    static final Set<Type> BODY_TYPES = EnumSet.allOf(Type.class);

    static List<Row> rows(Set<Type> types) {
        List<Row> rows = new ArrayList<>();
        rows.add(row("boolean true", true, Type.BOOLEAN, true, Type.STRING, "true"));
        rows.add(row("byte 7", (byte) 7, Type.BYTE, (byte) 7, Type.SHORT, (short) 7, Type.INT, 7, Type.LONG, 7L,
            Type.STRING, "7"));
        rows.add(row("short 300", (short) 300, Type.SHORT, (short) 300, Type.INT, 300, Type.LONG, 300L,
            Type.STRING, "300"));
        rows.add(row("char 'x'", 'x', Type.CHAR, 'x', Type.STRING, "x"));
        rows.add(row("int 70000", 70000, Type.INT, 70000, Type.LONG, 70000L, Type.STRING, "70000"));
        rows.add(row("long 5000000000", 5_000_000_000L, Type.LONG, 5_000_000_000L, Type.STRING, "5000000000"));
        rows.add(row("float 1.5", 1.5f, Type.FLOAT, 1.5f, Type.DOUBLE, 1.5d, Type.STRING, "1.5"));
        rows.add(row("double 2.25", 2.25d, Type.DOUBLE, 2.25d, Type.STRING, "2.25"));
        rows.add(row("String \"12\"", "12", Type.BOOLEAN, false, Type.BYTE, (byte) 12, Type.SHORT, (short) 12,
            Type.INT, 12, Type.LONG, 12L, Type.FLOAT, 12f, Type.DOUBLE, 12d, Type.STRING, "12"));
        rows.add(row("String \"TRUE\"", "TRUE", Type.BOOLEAN, true, Type.BYTE, NumberFormatException.class,
            Type.SHORT, NumberFormatException.class, Type.INT, NumberFormatException.class,
            Type.LONG, NumberFormatException.class, Type.FLOAT, NumberFormatException.class,
            Type.DOUBLE, NumberFormatException.class, Type.STRING, "TRUE"));
        rows.add(row("byte[] {1, 2}", new byte[] {1, 2}, Type.BYTES, new byte[] {1, 2}));
        rows.removeIf(row -> !types.contains(typeOf(row.written())));
        return rows;
    }

    /** Every (row, read type) pair of the table, for a parameterized test. */
    static Stream<Arguments> cells(Set<Type> types) {
        return rows(types).stream().flatMap(row -> types.stream().map(read -> Arguments.of(row, read)));
    }

    static Type typeOf(Object value) {
        if (value instanceof Boolean) {
            return Type.BOOLEAN;
        } else if (value instanceof Byte) {
            return Type.BYTE;
        } else if (value instanceof Short) {
            return Type.SHORT;
        } else if (value instanceof Character) {
            return Type.CHAR;
        } else if (value instanceof Integer) {
            return Type.INT;
        } else if (value instanceof Long) {
            return Type.LONG;
        } else if (value instanceof Float) {
            return Type.FLOAT;
        } else if (value instanceof Double) {
            return Type.DOUBLE;
        } else if (value instanceof String) {
            return Type.STRING;
        }
        return Type.BYTES;
    }

    private static Row row(String label, Object written, Object... reads) {
        Map<Type, Object> expected = new LinkedHashMap<>();
        for (int i = 0; i < reads.length; i += 2) {
            expected.put((Type) reads[i], reads[i + 1]);
        }
        return new Row(label, written, expected);
    }

    private ConversionTable() {
    }
}
