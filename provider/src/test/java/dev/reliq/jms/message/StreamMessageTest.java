package dev.reliq.jms.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;

import jakarta.jms.JMSException;
import jakarta.jms.MessageEOFException;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageNotReadableException;
import jakarta.jms.MessageNotWriteableException;
import jakarta.jms.StreamMessage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.reliq.jms.message.ConversionTable.Row;
import dev.reliq.jms.message.ConversionTable.Type;

class StreamMessageTest {

    static Stream<Arguments> streamCells() {
        return ConversionTable.cells(ConversionTable.BODY_TYPES);
    }

    @ParameterizedTest(name = "{0} read as {1}")
    @MethodSource("streamCells")
    void streamReadsFollowTheConversionTable(Row row, Type read) throws JMSException {
        ReliqStreamMessage message = new ReliqStreamMessage();
        message.writeObject(row.written());
        message.reset();
        row.check(read, type -> read(message, type), "Stream field 0");
        if (!row.reads().containsKey(read) || row.reads().get(read) instanceof Class) {
            // the failed read did not move on: the field is still there to read
            assertThat(message.readObject()).isEqualTo(row.written());
        }
    }

    @Test
    void typedWritesReadBackInOrder() throws JMSException {
        ReliqStreamMessage message = new ReliqStreamMessage();
        message.writeBoolean(true);
        message.writeByte((byte) 1);
        message.writeShort((short) 2);
        message.writeChar('c');
        message.writeInt(3);
        message.writeLong(4L);
        message.writeFloat(5f);
        message.writeDouble(6d);
        message.writeString("seven");
        message.writeBytes(new byte[] {8});
        message.writeBytes(new byte[] {0, 9, 10, 0}, 1, 2);
        message.writeObject(null);
        message.reset();
        assertThat(message.readBoolean()).isTrue();
        assertThat(message.readByte()).isEqualTo((byte) 1);
        assertThat(message.readShort()).isEqualTo((short) 2);
        assertThat(message.readChar()).isEqualTo('c');
        assertThat(message.readInt()).isEqualTo(3);
        assertThat(message.readLong()).isEqualTo(4L);
        assertThat(message.readFloat()).isEqualTo(5f);
        assertThat(message.readDouble()).isEqualTo(6d);
        assertThat(message.readString()).isEqualTo("seven");
        assertThat(message.readObject()).isEqualTo(new byte[] {8});
        assertThat(message.readObject()).isEqualTo(new byte[] {9, 10});
        assertThat(message.readObject()).isNull();
        assertThatThrownBy(message::readObject).isInstanceOf(MessageEOFException.class);
    }

    @Test
    void failedNumberParseDoesNotMoveOn() throws JMSException {
        ReliqStreamMessage message = new ReliqStreamMessage();
        message.writeString("not a number");
        message.writeInt(2);
        message.reset();
        assertThatThrownBy(message::readInt).isInstanceOf(NumberFormatException.class);
        assertThat(message.readString()).isEqualTo("not a number");
        assertThat(message.readInt()).isEqualTo(2);
    }

    @Test
    void nullFieldReadsLikeValueOfNull() throws JMSException {
        ReliqStreamMessage message = new ReliqStreamMessage();
        message.writeString(null);
        message.reset();
        assertThat(message.readBoolean()).isFalse();
        message.reset();
        assertThatThrownBy(message::readInt).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(message::readByte).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(message::readShort).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(message::readLong).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(message::readFloat).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(message::readDouble).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(message::readChar).isInstanceOf(NullPointerException.class);
        assertThat(message.readString()).isNull();
    }

    @Test
    void byteArrayFieldReadsInPieces() throws JMSException {
        ReliqStreamMessage message = new ReliqStreamMessage();
        message.writeBytes(new byte[] {1, 2, 3, 4, 5});
        message.writeInt(7);
        message.reset();
        byte[] buffer = new byte[2];
        assertThat(message.readBytes(buffer)).isEqualTo(2);
        assertThat(buffer).containsExactly(1, 2);
        assertThatThrownBy(message::readInt).isInstanceOf(MessageFormatException.class)
            .hasMessageContaining("readBytes");
        assertThatThrownBy(message::readObject).isInstanceOf(MessageFormatException.class);
        assertThat(message.readBytes(buffer)).isEqualTo(2);
        assertThat(buffer).containsExactly(3, 4);
        assertThat(message.readBytes(buffer)).isEqualTo(1);
        assertThat(buffer[0]).isEqualTo((byte) 5);
        assertThat(message.readInt()).isEqualTo(7);
    }

    @Test
    void byteArrayFillingTheBufferExactlyEndsWithMinusOne() throws JMSException {
        ReliqStreamMessage message = new ReliqStreamMessage();
        message.writeBytes(new byte[] {1, 2});
        message.writeBytes(new byte[] {3});
        message.reset();
        byte[] buffer = new byte[2];
        assertThat(message.readBytes(buffer)).isEqualTo(2);
        assertThat(message.readBytes(buffer)).isEqualTo(-1);
        assertThat(message.readBytes(buffer)).isEqualTo(1);
        assertThat(buffer[0]).isEqualTo((byte) 3);
        assertThatThrownBy(() -> message.readBytes(buffer)).isInstanceOf(MessageEOFException.class);
    }

    @Test
    void nullAndEmptyByteArrayFields() throws JMSException {
        ReliqStreamMessage message = new ReliqStreamMessage();
        message.writeBytes(null);
        message.writeBytes(new byte[0]);
        message.writeBoolean(true);
        message.reset();
        byte[] buffer = new byte[4];
        assertThat(message.readBytes(buffer)).isEqualTo(-1);
        assertThat(message.readBytes(buffer)).isEqualTo(0);
        assertThat(message.readBoolean()).isTrue();
    }

    @Test
    void readBytesOfAnotherTypeIsAFormatError() throws JMSException {
        ReliqStreamMessage message = new ReliqStreamMessage();
        message.writeString("text");
        message.reset();
        assertThatThrownBy(() -> message.readBytes(new byte[4])).isInstanceOf(MessageFormatException.class);
        assertThat(message.readString()).isEqualTo("text");
    }

    @Test
    void writtenAndReadByteArraysAreCopies() throws JMSException {
        ReliqStreamMessage message = new ReliqStreamMessage();
        byte[] original = {1, 2};
        message.writeBytes(original);
        original[0] = 9;
        message.reset();
        byte[] read = (byte[]) message.readObject();
        assertThat(read).containsExactly(1, 2);
        read[1] = 9;
        message.reset();
        assertThat((byte[]) message.readObject()).containsExactly(1, 2);
    }

    @Test
    void newMessageIsWriteOnlyUntilReset() throws JMSException {
        ReliqStreamMessage message = new ReliqStreamMessage();
        message.writeInt(1);
        assertThatThrownBy(message::readInt).isInstanceOf(MessageNotReadableException.class)
            .hasMessageContaining("reset()");
        message.reset();
        assertThatThrownBy(() -> message.writeInt(2)).isInstanceOf(MessageNotWriteableException.class)
            .hasMessageContaining("clearBody()");
        assertThat(message.readInt()).isEqualTo(1);
        message.reset();
        assertThat(message.readInt()).isEqualTo(1);
    }

    @Test
    void receivedMessageIsReadOnlyAndPositionedAtTheStart() throws JMSException {
        ReliqStreamMessage message = new ReliqStreamMessage();
        message.writeInt(1);
        message.markReceived();
        assertThat(message.readInt()).isEqualTo(1);
        assertThatThrownBy(() -> message.writeInt(2)).isInstanceOf(MessageNotWriteableException.class);
    }

    @Test
    void clearBodyEmptiesAndMakesWriteOnly() throws JMSException {
        ReliqStreamMessage message = new ReliqStreamMessage();
        message.writeInt(1);
        message.markReceived();
        message.clearBody();
        assertThatThrownBy(message::readInt).isInstanceOf(MessageNotReadableException.class);
        message.writeInt(2);
        message.reset();
        assertThat(message.readInt()).isEqualTo(2);
        assertThatThrownBy(message::readInt).isInstanceOf(MessageEOFException.class);
    }

    @Test
    void writeObjectRefusesOtherTypes() {
        ReliqStreamMessage message = new ReliqStreamMessage();
        assertThatThrownBy(() -> message.writeObject(new Object())).isInstanceOf(MessageFormatException.class)
            .hasMessageContaining("java.lang.Object");
    }

    @Test
    void emptyStreamIsAtEndAtOnce() throws JMSException {
        ReliqStreamMessage message = new ReliqStreamMessage();
        message.reset();
        assertThatThrownBy(message::readBoolean).isInstanceOf(MessageEOFException.class);
    }

    static Object read(StreamMessage message, Type type) throws JMSException {
        return switch (type) {
            case BOOLEAN -> message.readBoolean();
            case BYTE -> message.readByte();
            case SHORT -> message.readShort();
            case CHAR -> message.readChar();
            case INT -> message.readInt();
            case LONG -> message.readLong();
            case FLOAT -> message.readFloat();
            case DOUBLE -> message.readDouble();
            case STRING -> message.readString();
            case BYTES -> {
                byte[] buffer = new byte[16];
                int count = message.readBytes(buffer);
                yield java.util.Arrays.copyOf(buffer, count);
            }
        };
    }
}
