package dev.reliq.jms.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collections;
import java.util.stream.Stream;

import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageNotWriteableException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.reliq.jms.message.ConversionTable.Row;
import dev.reliq.jms.message.ConversionTable.Type;

class MapMessageTest {

    static Stream<Arguments> mapCells() {
        return ConversionTable.cells(ConversionTable.BODY_TYPES);
    }

    @ParameterizedTest(name = "{0} read as {1}")
    @MethodSource("mapCells")
    void mapReadsFollowTheConversionTable(Row row, Type read) throws JMSException {
        ReliqMapMessage message = new ReliqMapMessage();
        message.setObject("e", row.written());
        row.check(read, type -> read(message, "e", type), "Map entry 'e'");
    }

    @Test
    void typedSettersStoreTheirType() throws JMSException {
        ReliqMapMessage message = new ReliqMapMessage();
        message.setBoolean("a", true);
        message.setByte("b", (byte) 1);
        message.setShort("c", (short) 2);
        message.setChar("d", 'z');
        message.setInt("e", 3);
        message.setLong("f", 4L);
        message.setFloat("g", 5f);
        message.setDouble("h", 6d);
        message.setString("i", "7");
        message.setBytes("j", new byte[] {8});
        message.setBytes("k", new byte[] {1, 2, 3, 4}, 1, 2);
        assertThat(Collections.list(message.getMapNames()))
            .containsExactlyInAnyOrder("a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k");
        assertThat(message.getObject("a")).isEqualTo(true);
        assertThat(message.getObject("b")).isEqualTo((byte) 1);
        assertThat(message.getObject("c")).isEqualTo((short) 2);
        assertThat(message.getObject("d")).isEqualTo('z');
        assertThat(message.getObject("e")).isEqualTo(3);
        assertThat(message.getObject("f")).isEqualTo(4L);
        assertThat(message.getObject("g")).isEqualTo(5f);
        assertThat(message.getObject("h")).isEqualTo(6d);
        assertThat(message.getObject("i")).isEqualTo("7");
        assertThat(message.getObject("j")).isEqualTo(new byte[] {8});
        assertThat(message.getBytes("k")).isEqualTo(new byte[] {2, 3});
    }

    @Test
    void absentOrNullEntryReadsLikeValueOfNull() throws JMSException {
        ReliqMapMessage message = new ReliqMapMessage();
        message.setString("nul", null);
        for (String name : new String[] {"absent", "nul"}) {
            assertThat(message.getString(name)).isNull();
            assertThat(message.getBytes(name)).isNull();
            assertThat(message.getObject(name)).isNull();
            assertThat(message.getBoolean(name)).isFalse();
            assertThatThrownBy(() -> message.getByte(name)).isInstanceOf(NumberFormatException.class);
            assertThatThrownBy(() -> message.getShort(name)).isInstanceOf(NumberFormatException.class);
            assertThatThrownBy(() -> message.getInt(name)).isInstanceOf(NumberFormatException.class);
            assertThatThrownBy(() -> message.getLong(name)).isInstanceOf(NumberFormatException.class);
            assertThatThrownBy(() -> message.getFloat(name)).isInstanceOf(NullPointerException.class);
            assertThatThrownBy(() -> message.getDouble(name)).isInstanceOf(NullPointerException.class);
            assertThatThrownBy(() -> message.getChar(name)).isInstanceOf(NullPointerException.class);
        }
        assertThat(message.itemExists("nul")).isTrue();
        assertThat(message.itemExists("absent")).isFalse();
    }

    @Test
    void unparseableStringGivesNumberFormatException() throws JMSException {
        ReliqMapMessage message = new ReliqMapMessage();
        message.setString("s", "x1");
        assertThatThrownBy(() -> message.getInt("s")).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> message.getDouble("s")).isInstanceOf(NumberFormatException.class);
    }

    @Test
    void byteArraysAreCopiedInAndOut() throws JMSException {
        ReliqMapMessage message = new ReliqMapMessage();
        byte[] original = {1, 2};
        message.setBytes("b", original);
        original[0] = 9;
        byte[] read = message.getBytes("b");
        read[1] = 9;
        assertThat(message.getBytes("b")).containsExactly(1, 2);
        ((byte[]) message.getObject("b"))[0] = 7;
        assertThat(message.getBytes("b")).containsExactly(1, 2);
    }

    @Test
    void setObjectRefusesOtherTypes() {
        ReliqMapMessage message = new ReliqMapMessage();
        assertThatThrownBy(() -> message.setObject("x", new java.util.Date())).isInstanceOf(MessageFormatException.class)
            .hasMessageContaining("java.util.Date");
    }

    @Test
    void nullOrEmptyNamesAreRefused() {
        ReliqMapMessage message = new ReliqMapMessage();
        assertThatThrownBy(() -> message.setInt(null, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> message.setInt("", 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anyNonEmptyStringIsAValidEntryName() throws JMSException {
        ReliqMapMessage message = new ReliqMapMessage();
        message.setInt("not an identifier-ä.1", 1);
        assertThat(message.getInt("not an identifier-ä.1")).isEqualTo(1);
    }

    @Test
    void receivedMapIsReadOnlyUntilClearBody() throws JMSException {
        ReliqMapMessage message = new ReliqMapMessage();
        message.setInt("a", 1);
        message.markReceived();
        assertThatThrownBy(() -> message.setInt("b", 2)).isInstanceOf(MessageNotWriteableException.class)
            .hasMessageContaining("clearBody()");
        assertThat(message.getInt("a")).isEqualTo(1);

        message.clearBody();
        assertThat(message.getMapNames().hasMoreElements()).isFalse();
        message.setInt("b", 2);
        assertThat(message.getInt("b")).isEqualTo(2);
    }

    @Test
    void laterSetReplacesAnEntry() throws JMSException {
        ReliqMapMessage message = new ReliqMapMessage();
        message.setInt("a", 1);
        message.setString("a", "two");
        assertThat(message.getObject("a")).isEqualTo("two");
        assertThat(Collections.list(message.getMapNames())).containsExactly("a");
    }

    static Object read(MapMessage message, String name, Type type) throws JMSException {
        return switch (type) {
            case BOOLEAN -> message.getBoolean(name);
            case BYTE -> message.getByte(name);
            case SHORT -> message.getShort(name);
            case CHAR -> message.getChar(name);
            case INT -> message.getInt(name);
            case LONG -> message.getLong(name);
            case FLOAT -> message.getFloat(name);
            case DOUBLE -> message.getDouble(name);
            case STRING -> message.getString(name);
            case BYTES -> message.getBytes(name);
        };
    }
}
