package dev.reliq.jms.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import jakarta.jms.BytesMessage;
import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.MessageEOFException;
import jakarta.jms.MessageFormatException;
import jakarta.jms.ObjectMessage;
import jakarta.jms.StreamMessage;
import jakarta.jms.TextMessage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CorruptMessageTest {

    /** One valid encoding of each body type, every header and property type set. */
    static Stream<byte[]> validEncodings() throws JMSException {
        List<ReliqMessage> messages = new ArrayList<>();
        messages.add(new ReliqMessage());
        ReliqTextMessage text = new ReliqTextMessage();
        text.setText("héllo");
        messages.add(text);
        ReliqBytesMessage bytes = new ReliqBytesMessage();
        bytes.writeLong(7);
        messages.add(bytes);
        ReliqMapMessage map = new ReliqMapMessage();
        map.setString("s", "v");
        map.setBytes("b", new byte[] {1});
        map.setChar("c", 'c');
        map.setString("n", null);
        messages.add(map);
        ReliqStreamMessage stream = new ReliqStreamMessage();
        stream.writeObject(1.5);
        stream.writeObject(new byte[] {2});
        stream.writeObject(null);
        stream.writeObject('x');
        messages.add(stream);
        ReliqObjectMessage object = new ReliqObjectMessage();
        object.setObject(new ArrayList<>(List.of(1, "two")));
        messages.add(object);
        for (ReliqMessage message : messages) {
            MessageCodecTest.setEveryHeader(message);
            message.setJMSCorrelationIDAsBytes(new byte[] {1, 2});
            message.setBooleanProperty("bo", true);
            message.setByteProperty("by", (byte) 1);
            message.setShortProperty("sh", (short) 2);
            message.setIntProperty("it", 3);
            message.setLongProperty("lo", 4);
            message.setFloatProperty("fl", 5);
            message.setDoubleProperty("do", 6);
            message.setStringProperty("st", "7");
            message.setStringProperty("nu", null);
        }
        return messages.stream().map(MessageCodec::encode);
    }

    @ParameterizedTest
    @MethodSource("validEncodings")
    void everyTruncationIsCorrupt(byte[] valid) {
        for (int length = 0; length < valid.length; length++) {
            byte[] truncated = Arrays.copyOf(valid, length);
            assertThatThrownBy(() -> MessageCodec.decode(truncated)).as("truncated to %d bytes", length)
                .isInstanceOf(CorruptMessageException.class);
        }
    }

    @ParameterizedTest
    @MethodSource("validEncodings")
    void trailingBytesAreCorrupt(byte[] valid) {
        byte[] longer = Arrays.copyOf(valid, valid.length + 1);
        assertThatThrownBy(() -> MessageCodec.decode(longer)).isInstanceOf(CorruptMessageException.class)
            .hasMessageContaining("after the body");
    }

    @ParameterizedTest
    @MethodSource("validEncodings")
    void mutatedBytesNeverCauseOtherExceptions(byte[] valid) {
        Random random = new Random(Arrays.hashCode(valid));
        for (int i = 0; i < 20_000; i++) {
            byte[] mutated = valid.clone();
            int changes = 1 + random.nextInt(3);
            for (int c = 0; c < changes; c++) {
                mutated[random.nextInt(mutated.length)] = (byte) random.nextInt(256);
            }
            decodeAndReadEverything(mutated);
        }
    }

    @Test
    void randomBytesNeverCauseOtherExceptions() {
        Random random = new Random(42);
        for (int i = 0; i < 100_000; i++) {
            byte[] bytes = new byte[random.nextInt(64)];
            random.nextBytes(bytes);
            if (bytes.length >= 2 && random.nextBoolean()) {
                bytes[0] = (byte) MessageCodec.FORMAT;
                bytes[1] = (byte) MessageCodec.VERSION;
            }
            decodeAndReadEverything(bytes);
        }
    }

    @Test
    void otherFormatByteIsNotAReliqMessage() {
        assertThatThrownBy(() -> MessageCodec.decode("{\"json\":1}".getBytes()))
            .isInstanceOf(CorruptMessageException.class).hasMessageContaining("not a reliq JMS message")
            .hasMessageContaining("offset 0");
        assertThatThrownBy(() -> MessageCodec.decode(new byte[0])).isInstanceOf(CorruptMessageException.class);
    }

    @Test
    void laterVersionSaysToUpgrade() {
        assertThatThrownBy(() -> MessageCodec.decode(new byte[] {(byte) 0xA7, 2, 0, 0, 0, 0, 0, 0}))
            .isInstanceOf(CorruptMessageException.class).hasMessageContaining("version 2")
            .hasMessageContaining("upgrade");
    }

    @Test
    void hugeLengthIsRefusedWithTheOffsetInsteadOfAllocated() {
        // a JMSType header claiming 2 GB of text
        byte[] payload = {(byte) 0xA7, 1, 0x08, 0x7F, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 'a'};
        assertThatThrownBy(() -> MessageCodec.decode(payload)).isInstanceOf(CorruptMessageException.class)
            .hasMessageContaining("2147483647").hasMessageContaining("only 1 remain")
            .satisfies(e -> assertThat(((CorruptMessageException) e).offset()).isEqualTo(3));
    }

    @Test
    void hugePropertyCountFailsAtTheFirstMissingProperty() {
        byte[] payload = {(byte) 0xA7, 1, 0, 0x7F, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF};
        assertThatThrownBy(() -> MessageCodec.decode(payload)).isInstanceOf(CorruptMessageException.class)
            .hasMessageContaining("property name");
    }

    @Test
    void unknownTagsAndIdsAreNamed() {
        assertThatThrownBy(() -> MessageCodec.decode(new byte[] {(byte) 0xA7, 1, 0x0C}))
            .isInstanceOf(CorruptMessageException.class).hasMessageContaining("header field id 0xc");
        assertThatThrownBy(() -> MessageCodec.decode(new byte[] {(byte) 0xA7, 1, 0, 0, 0, 0, 0, 9}))
            .isInstanceOf(CorruptMessageException.class).hasMessageContaining("body type 9");
        // property "p" with the char tag, which properties cannot have
        assertThatThrownBy(() -> MessageCodec.decode(new byte[] {(byte) 0xA7, 1, 0, 0, 0, 0, 1, 0, 0, 0, 1, 'p', 4, 0, 65, 0}))
            .isInstanceOf(CorruptMessageException.class).hasMessageContaining("property 'p'");
    }

    @Test
    void invalidUtf8InAHeaderIsCorrupt() {
        byte[] payload = {(byte) 0xA7, 1, 0x08, 0, 0, 0, 1, (byte) 0xC3, 0, 0, 0, 0, 0};
        assertThatThrownBy(() -> MessageCodec.decode(payload)).isInstanceOf(CorruptMessageException.class)
            .hasMessageContaining("JMSType is not valid UTF-8");
    }

    @Test
    void duplicateHeaderOrPropertyIsCorrupt() {
        byte[] twoTypes = {(byte) 0xA7, 1, 0x08, 0, 0, 0, 0, 0x08, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
        assertThatThrownBy(() -> MessageCodec.decode(twoTypes)).isInstanceOf(CorruptMessageException.class)
            .hasMessageContaining("twice");
        byte[] twoProperties = {(byte) 0xA7, 1, 0, 0, 0, 0, 2, 0, 0, 0, 1, 'p', 0, 0, 0, 0, 1, 'p', 0, 0};
        assertThatThrownBy(() -> MessageCodec.decode(twoProperties)).isInstanceOf(CorruptMessageException.class)
            .hasMessageContaining("'p' appears twice");
    }

    @Test
    void corruptMapBodyIsAFormatErrorWhenRead() throws Exception {
        // a map body whose single entry has an unknown tag
        byte[] payload = {(byte) 0xA7, 1, 0, 0, 0, 0, 0, 3, 0, 0, 0, 6, 0, 0, 0, 1, 'k', 0x3F};
        MapMessage map = (MapMessage) MessageCodec.decode(payload);
        assertThatThrownBy(() -> map.getString("k")).isInstanceOf(MessageFormatException.class)
            .hasMessageContaining("unknown type tag 0x3f").hasMessageContaining("offset 17");
    }

    @Test
    void absentBytesBodyIsCorrupt() {
        byte[] payload = {(byte) 0xA7, 1, 0, 0, 0, 0, 0, 2, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF};
        assertThatThrownBy(() -> MessageCodec.decode(payload)).isInstanceOf(CorruptMessageException.class)
            .hasMessageContaining("length -1");
    }

    /** Decodes, then reads every header, property and the body: only the documented exceptions may occur. */
    private static void decodeAndReadEverything(byte[] bytes) {
        ReliqMessage message;
        try {
            message = MessageCodec.decode(bytes);
        } catch (CorruptMessageException expected) {
            return;
        } catch (RuntimeException e) {
            throw new AssertionError("decode threw " + e + " for " + Arrays.toString(bytes), e);
        }
        try {
            MessageCodecTest.assertSameHeaders(message, message);
            for (String name : java.util.Collections.list(message.getPropertyNames())) {
                message.value(name);
                message.getObjectProperty(name);
            }
            readBody(message);
        } catch (JMSException expected) {
            // a body that does not decode reads as a MessageFormatException
        } catch (RuntimeException e) {
            fail("reading a decoded message threw " + e + " for " + Arrays.toString(bytes), e);
        }
    }

    private static void readBody(ReliqMessage message) throws JMSException {
        if (message instanceof TextMessage text) {
            text.getText();
        } else if (message instanceof BytesMessage bytes) {
            bytes.getBody(byte[].class);
        } else if (message instanceof MapMessage map) {
            for (java.util.Enumeration<?> names = map.getMapNames(); names.hasMoreElements(); ) {
                map.getObject((String) names.nextElement());
            }
        } else if (message instanceof StreamMessage stream) {
            try {
                while (true) {
                    stream.readObject();
                }
            } catch (MessageEOFException end) {
                // all read
            }
        } else if (message instanceof ObjectMessage object) {
            object.getObject();
        }
    }
}
