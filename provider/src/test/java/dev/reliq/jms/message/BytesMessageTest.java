package dev.reliq.jms.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;

import jakarta.jms.JMSException;
import jakarta.jms.MessageEOFException;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageNotReadableException;
import jakarta.jms.MessageNotWriteableException;

import org.junit.jupiter.api.Test;

class BytesMessageTest {

    @Test
    void everyTypeReadsBackAsWritten() throws JMSException {
        ReliqBytesMessage message = new ReliqBytesMessage();
        message.writeBoolean(true);
        message.writeByte((byte) -2);
        message.writeByte((byte) 200);
        message.writeShort((short) -3);
        message.writeShort((short) 60000);
        message.writeChar('é');
        message.writeInt(-4);
        message.writeLong(1L << 40);
        message.writeFloat(1.25f);
        message.writeDouble(-2.5);
        message.writeUTF("héllo ✓");
        message.writeBytes(new byte[] {1, 2});
        message.writeBytes(new byte[] {0, 3, 4, 0}, 1, 2);
        message.reset();

        assertThat(message.readBoolean()).isTrue();
        assertThat(message.readByte()).isEqualTo((byte) -2);
        assertThat(message.readUnsignedByte()).isEqualTo(200);
        assertThat(message.readShort()).isEqualTo((short) -3);
        assertThat(message.readUnsignedShort()).isEqualTo(60000);
        assertThat(message.readChar()).isEqualTo('é');
        assertThat(message.readInt()).isEqualTo(-4);
        assertThat(message.readLong()).isEqualTo(1L << 40);
        assertThat(message.readFloat()).isEqualTo(1.25f);
        assertThat(message.readDouble()).isEqualTo(-2.5);
        assertThat(message.readUTF()).isEqualTo("héllo ✓");
        byte[] rest = new byte[10];
        assertThat(message.readBytes(rest)).isEqualTo(4);
        assertThat(rest).startsWith(1, 2, 3, 4);
        assertThat(message.readBytes(rest)).isEqualTo(-1);
    }

    @Test
    void bodyIsTheSameAsDataOutputStreamWrites() throws JMSException, IOException {
        ReliqBytesMessage message = new ReliqBytesMessage();
        message.writeInt(258);
        message.writeUTF("ab");
        message.writeDouble(Double.NaN);
        message.reset();

        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        DataOutputStream data = new DataOutputStream(expected);
        data.writeInt(258);
        data.writeUTF("ab");
        data.writeDouble(Double.NaN);
        assertThat(message.getBody(byte[].class)).isEqualTo(expected.toByteArray());
    }

    @Test
    void writeObjectWritesTheObjectsType() throws JMSException {
        ReliqBytesMessage message = new ReliqBytesMessage();
        message.writeObject(true);
        message.writeObject((byte) 1);
        message.writeObject((short) 2);
        message.writeObject('c');
        message.writeObject(3);
        message.writeObject(4L);
        message.writeObject(5f);
        message.writeObject(6d);
        message.writeObject("s");
        message.writeObject(new byte[] {7});
        message.reset();
        assertThat(message.getBodyLength()).isEqualTo(1 + 1 + 2 + 2 + 4 + 8 + 4 + 8 + 3 + 1);
        assertThat(message.readBoolean()).isTrue();
        assertThat(message.readByte()).isEqualTo((byte) 1);
        assertThat(message.readShort()).isEqualTo((short) 2);
        assertThat(message.readChar()).isEqualTo('c');
        assertThat(message.readInt()).isEqualTo(3);
        assertThat(message.readLong()).isEqualTo(4L);
        assertThat(message.readFloat()).isEqualTo(5f);
        assertThat(message.readDouble()).isEqualTo(6d);
        assertThat(message.readUTF()).isEqualTo("s");
        assertThat(message.readByte()).isEqualTo((byte) 7);
    }

    @Test
    void writeObjectRefusesNullAndOtherTypes() {
        ReliqBytesMessage message = new ReliqBytesMessage();
        assertThatThrownBy(() -> message.writeObject(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> message.writeObject(new Object())).isInstanceOf(MessageFormatException.class)
            .hasMessageContaining("java.lang.Object");
    }

    @Test
    void readingPastTheEndIsEofAndKeepsThePosition() throws JMSException {
        ReliqBytesMessage message = new ReliqBytesMessage();
        message.writeShort((short) 7);
        message.reset();
        assertThatThrownBy(message::readInt).isInstanceOf(MessageEOFException.class).hasMessageContaining("2 of the 2");
        assertThatThrownBy(message::readLong).isInstanceOf(MessageEOFException.class);
        assertThat(message.readShort()).isEqualTo((short) 7);
        assertThatThrownBy(message::readByte).isInstanceOf(MessageEOFException.class);
        assertThatThrownBy(message::readBoolean).isInstanceOf(MessageEOFException.class);
        assertThatThrownBy(message::readUTF).isInstanceOf(MessageEOFException.class);
    }

    @Test
    void invalidUtfIsAFormatErrorAndKeepsThePosition() throws JMSException {
        ReliqBytesMessage message = new ReliqBytesMessage();
        message.writeShort((short) 2);
        message.writeByte((byte) 0xC0); // a two-byte sequence cut short
        message.writeByte((byte) 0x41);
        message.reset();
        assertThatThrownBy(message::readUTF).isInstanceOf(MessageFormatException.class);
        assertThat(message.readShort()).isEqualTo((short) 2);
    }

    @Test
    void truncatedUtfIsEof() throws JMSException {
        ReliqBytesMessage message = new ReliqBytesMessage();
        message.writeShort((short) 10);
        message.writeByte((byte) 'a');
        message.reset();
        assertThatThrownBy(message::readUTF).isInstanceOf(MessageEOFException.class);
        assertThat(message.readShort()).isEqualTo((short) 10);
    }

    @Test
    void writeUtfRefusesStringsOver65535Bytes() {
        ReliqBytesMessage message = new ReliqBytesMessage();
        assertThatThrownBy(() -> message.writeUTF("x".repeat(70_000))).isInstanceOf(MessageFormatException.class)
            .hasMessageContaining("writeBytes");
    }

    @Test
    void readBytesFillsTheBufferThenReturnsTheRestThenMinusOne() throws JMSException {
        ReliqBytesMessage message = new ReliqBytesMessage();
        message.writeBytes(new byte[] {1, 2, 3, 4, 5});
        message.reset();
        byte[] buffer = new byte[2];
        assertThat(message.readBytes(buffer)).isEqualTo(2);
        assertThat(message.readBytes(buffer)).isEqualTo(2);
        assertThat(message.readBytes(buffer)).isEqualTo(1);
        assertThat(buffer[0]).isEqualTo((byte) 5);
        assertThat(message.readBytes(buffer)).isEqualTo(-1);
    }

    @Test
    void readBytesWithLengthReadsAtMostLength() throws JMSException {
        ReliqBytesMessage message = new ReliqBytesMessage();
        message.writeBytes(new byte[] {1, 2, 3});
        message.reset();
        byte[] buffer = new byte[8];
        assertThat(message.readBytes(buffer, 2)).isEqualTo(2);
        assertThat(message.readBytes(buffer, 8)).isEqualTo(1);
        assertThat(buffer[0]).isEqualTo((byte) 3);
        assertThatThrownBy(() -> message.readBytes(buffer, 9)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> message.readBytes(buffer, -1)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void newMessageIsWriteOnlyUntilReset() throws JMSException {
        ReliqBytesMessage message = new ReliqBytesMessage();
        message.writeInt(1);
        assertThatThrownBy(message::readInt).isInstanceOf(MessageNotReadableException.class)
            .hasMessageContaining("reset()");
        assertThatThrownBy(message::getBodyLength).isInstanceOf(MessageNotReadableException.class);
        message.reset();
        assertThat(message.getBodyLength()).isEqualTo(4);
        assertThatThrownBy(() -> message.writeInt(2)).isInstanceOf(MessageNotWriteableException.class)
            .hasMessageContaining("clearBody()");
    }

    @Test
    void bodyLengthIsTheWholeBodyWhereverTheReadPositionIs() throws JMSException {
        ReliqBytesMessage message = new ReliqBytesMessage();
        message.writeLong(1);
        message.reset();
        message.readInt();
        assertThat(message.getBodyLength()).isEqualTo(8);
    }

    @Test
    void resetRewindsForReadingAgain() throws JMSException {
        ReliqBytesMessage message = new ReliqBytesMessage();
        message.writeInt(42);
        message.reset();
        assertThat(message.readInt()).isEqualTo(42);
        message.reset();
        assertThat(message.readInt()).isEqualTo(42);
    }

    @Test
    void receivedMessageIsReadOnlyAndClearBodyMakesItWriteOnly() throws JMSException {
        ReliqBytesMessage message = new ReliqBytesMessage();
        message.writeInt(42);
        message.markReceived();
        assertThat(message.readInt()).isEqualTo(42);
        assertThatThrownBy(() -> message.writeInt(1)).isInstanceOf(MessageNotWriteableException.class);

        message.clearBody();
        assertThatThrownBy(message::readInt).isInstanceOf(MessageNotReadableException.class);
        message.writeByte((byte) 1);
        message.reset();
        assertThat(message.getBodyLength()).isEqualTo(1);
    }
}
