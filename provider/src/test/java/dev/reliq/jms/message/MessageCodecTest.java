package dev.reliq.jms.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Random;

import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.Message;

import org.junit.jupiter.api.Test;

import dev.reliq.jms.ReliqDestination;
import dev.reliq.jms.ReliqQueue;
import dev.reliq.jms.ReliqTopic;

class MessageCodecTest {

    static final String UNICODE = "naïve café ✓ 日本語 \uD83D\uDE80 \u0000 end";

    @Test
    void plainMessageWithEveryHeaderRoundTrips() throws Exception {
        ReliqMessage message = new ReliqMessage();
        setEveryHeader(message);
        ReliqMessage decoded = roundTrip(message);
        assertThat(decoded.getClass()).isEqualTo(ReliqMessage.class);
        assertSameHeaders(decoded, message);
    }

    @Test
    void defaultHeadersRoundTripToTheDefaults() throws Exception {
        ReliqMessage decoded = roundTrip(new ReliqMessage());
        assertThat(decoded.getJMSMessageID()).isNull();
        assertThat(decoded.getJMSTimestamp()).isZero();
        assertThat(decoded.getJMSCorrelationID()).isNull();
        assertThat(decoded.getJMSCorrelationIDAsBytes()).isNull();
        assertThat(decoded.getJMSReplyTo()).isNull();
        assertThat(decoded.getJMSDestination()).isNull();
        assertThat(decoded.getJMSDeliveryMode()).isEqualTo(DeliveryMode.PERSISTENT);
        assertThat(decoded.getJMSType()).isNull();
        assertThat(decoded.getJMSExpiration()).isZero();
        assertThat(decoded.getJMSDeliveryTime()).isZero();
        assertThat(decoded.getJMSPriority()).isEqualTo(4);
        assertThat(decoded.getPropertyNames().hasMoreElements()).isFalse();
    }

    @Test
    void emptyPlainMessageIsEightBytes() {
        assertThat(MessageCodec.encode(new ReliqMessage()))
            .containsExactly(0xA7, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00);
    }

    @Test
    void everyDestinationKindRoundTrips() throws Exception {
        for (String uri : new String[] {"queue://orders", "topic://prices.eu", "temp-queue://tq-1", "temp-topic://tt-1",
            "queue://with://colons {and} braces"}) {
            ReliqMessage message = new ReliqMessage();
            message.setJMSDestination(ReliqDestination.fromUri(uri));
            message.setJMSReplyTo(ReliqDestination.fromUri(uri));
            ReliqMessage decoded = roundTrip(message);
            assertThat(decoded.getJMSDestination()).isEqualTo(ReliqDestination.fromUri(uri));
            assertThat(((ReliqDestination) decoded.getJMSReplyTo()).toUri()).isEqualTo(uri);
        }
    }

    @Test
    void correlationIdAsBytesRoundTripsExactly() throws Exception {
        ReliqMessage message = new ReliqMessage();
        byte[] raw = {(byte) 0xFF, 0, (byte) 0x80, 7};
        message.setJMSCorrelationIDAsBytes(raw);
        assertThat(roundTrip(message).getJMSCorrelationIDAsBytes()).isEqualTo(raw);
    }

    @Test
    void everyPropertyTypeRoundTripsExactly() throws Exception {
        ReliqMessage message = new ReliqMessage();
        message.setBooleanProperty("t", true);
        message.setBooleanProperty("f", false);
        message.setByteProperty("b", Byte.MIN_VALUE);
        message.setShortProperty("s", Short.MAX_VALUE);
        message.setIntProperty("i", Integer.MIN_VALUE);
        message.setLongProperty("l", Long.MAX_VALUE);
        message.setFloatProperty("fnan", Float.intBitsToFloat(0x7fc00123));
        message.setFloatProperty("fneg0", -0.0f);
        message.setDoubleProperty("dnan", Double.longBitsToDouble(0x7ff8000000000abcL));
        message.setDoubleProperty("dinf", Double.NEGATIVE_INFINITY);
        message.setStringProperty("empty", "");
        message.setStringProperty("nul", null);
        message.setStringProperty("unicode", UNICODE);
        message.setStringProperty("JMSXGroupID", "g");
        message.setIntProperty("JMSXGroupSeq", 3);

        ReliqMessage decoded = roundTrip(message);
        assertThat(Collections.list(decoded.getPropertyNames()))
            .containsExactlyElementsOf(Collections.list(message.getPropertyNames()));
        for (String name : Collections.list(message.getPropertyNames())) {
            assertThat(decoded.getObjectProperty(name)).as(name).isEqualTo(message.getObjectProperty(name));
        }
        assertThat(Float.floatToRawIntBits(decoded.getFloatProperty("fnan"))).isEqualTo(0x7fc00123);
        assertThat(Float.floatToRawIntBits(decoded.getFloatProperty("fneg0"))).isEqualTo(0x80000000);
        assertThat(Double.doubleToRawLongBits(decoded.getDoubleProperty("dnan"))).isEqualTo(0x7ff8000000000abcL);
        assertThat(decoded.propertyExists("nul")).isTrue();
        assertThat(decoded.getStringProperty("empty")).isEmpty();
    }

    @Test
    void deliveryCountAndRedeliveredAreNotStored() throws Exception {
        ReliqMessage message = new ReliqMessage();
        message.setIntProperty("kept", 1);
        message.setDeliveryCount(5);
        ReliqMessage decoded = roundTrip(message);
        assertThat(decoded.propertyExists("JMSXDeliveryCount")).isFalse();
        assertThat(decoded.getJMSRedelivered()).isFalse();
        assertThat(decoded.getIntProperty("kept")).isEqualTo(1);
    }

    @Test
    void textBodiesRoundTrip() throws Exception {
        for (String text : new String[] {null, "", "plain", UNICODE, "x".repeat(3_000_000)}) {
            ReliqTextMessage message = new ReliqTextMessage();
            message.setText(text);
            setEveryHeader(message);
            ReliqTextMessage decoded = (ReliqTextMessage) roundTrip(message);
            assertThat(decoded.getText()).isEqualTo(text);
            assertSameHeaders(decoded, message);
        }
    }

    @Test
    void bytesBodiesRoundTripInEitherMode() throws Exception {
        byte[] large = new byte[5_000_000];
        new Random(1).nextBytes(large);
        for (byte[] body : new byte[][] {new byte[0], {0, -1, 127}, large}) {
            ReliqBytesMessage writing = new ReliqBytesMessage();
            writing.writeBytes(body);
            ReliqBytesMessage decoded = (ReliqBytesMessage) roundTrip(writing);
            assertThat(decoded.getBodyLength()).isEqualTo(body.length);
            byte[] read = new byte[body.length];
            assertThat(decoded.readBytes(read)).isEqualTo(body.length == 0 ? -1 : body.length);
            assertThat(read).isEqualTo(body);

            writing.reset();
            writing.readBytes(new byte[1]); // the read position does not matter
            assertThat(((ReliqBytesMessage) roundTrip(writing)).getBodyLength()).isEqualTo(body.length);
        }
    }

    @Test
    void mapBodiesRoundTripWithEveryType() throws Exception {
        ReliqMapMessage message = new ReliqMapMessage();
        message.setBoolean("bool", false);
        message.setByte("byte", (byte) -1);
        message.setShort("short", Short.MIN_VALUE);
        message.setChar("char", '\uFFFF');
        message.setInt("int", 42);
        message.setLong("long", Long.MIN_VALUE);
        message.setFloat("float", Float.NaN);
        message.setDouble("double", Double.MIN_VALUE);
        message.setString("string", UNICODE);
        message.setString("empty", "");
        message.setString("null", null);
        message.setBytes("bytes", new byte[] {1, 2, 3});
        message.setBytes("emptyBytes", new byte[0]);
        message.setBytes("nullBytes", null);
        message.setInt(UNICODE, 7);

        ReliqMapMessage decoded = (ReliqMapMessage) roundTrip(message);
        assertThat(Collections.list(decoded.getMapNames())).containsExactlyElementsOf(Collections.list(message.getMapNames()));
        for (String name : Collections.list(message.getMapNames())) {
            assertThat(decoded.getObject(name)).as(name).isEqualTo(message.getObject(name));
            assertThat(decoded.itemExists(name)).isTrue();
        }
        assertThat(Float.isNaN(decoded.getFloat("float"))).isTrue();
    }

    @Test
    void streamBodiesRoundTripWithEveryType() throws Exception {
        Object[] fields = {true, (byte) 1, (short) 2, 'c', 3, 4L, Float.NaN, Double.NEGATIVE_INFINITY, "", UNICODE,
            null, new byte[0], new byte[] {9, 8}, "last"};
        ReliqStreamMessage message = new ReliqStreamMessage();
        for (Object field : fields) {
            message.writeObject(field);
        }
        ReliqStreamMessage decoded = (ReliqStreamMessage) roundTrip(message);
        for (Object field : fields) {
            assertThat(decoded.readObject()).isEqualTo(field);
        }
        assertThat(roundTrip(new ReliqStreamMessage()).getClass()).isEqualTo(ReliqStreamMessage.class);
    }

    @Test
    void objectBodiesRoundTrip() throws Exception {
        ReliqObjectMessage message = new ReliqObjectMessage();
        assertThat(((ReliqObjectMessage) roundTrip(message)).getObject()).isNull();
        message.setObject("text");
        assertThat(((ReliqObjectMessage) roundTrip(message)).getObject()).isEqualTo("text");
        message.setObject(new java.util.ArrayList<>(java.util.List.of(1, "two")));
        assertThat(((ReliqObjectMessage) roundTrip(message)).getObject()).isEqualTo(java.util.List.of(1, "two"));
    }

    @Test
    void decodedMessageIsWritableUntilMarkedReceived() throws Exception {
        ReliqTextMessage message = new ReliqTextMessage();
        message.setText("a");
        message.setIntProperty("p", 1);
        ReliqTextMessage decoded = (ReliqTextMessage) roundTrip(message);
        decoded.setIntProperty("q", 2);
        decoded.setText("b");
        assertThat(decoded.getText()).isEqualTo("b");
    }

    @Test
    void decodedBodyStaysEncodedAndReEncodesUnchanged() throws Exception {
        ReliqMapMessage message = new ReliqMapMessage();
        message.setString("k", "v");
        message.setIntProperty("p", 1);
        byte[] payload = MessageCodec.encode(message);
        ReliqMessage decoded = MessageCodec.decode(payload);
        assertThat(MessageCodec.encode(decoded)).isEqualTo(payload);
        ((ReliqMapMessage) decoded).getString("k");
        assertThat(MessageCodec.encode(decoded)).isEqualTo(payload);
    }

    @Test
    void encodingIsASnapshot() throws Exception {
        ReliqTextMessage message = new ReliqTextMessage();
        message.setText("first");
        byte[] payload = MessageCodec.encode(message);
        message.setText("second");
        message.setIntProperty("late", 1);
        ReliqTextMessage decoded = (ReliqTextMessage) MessageCodec.decode(payload);
        assertThat(decoded.getText()).isEqualTo("first");
        assertThat(decoded.propertyExists("late")).isFalse();
    }

    @Test
    void foreignQueueInReplyToTravelsAsReliqQueueOfTheSameName() throws Exception {
        ReliqMessage message = new ReliqMessage();
        message.setJMSReplyTo((jakarta.jms.Queue) () -> "replies");
        assertThat(roundTrip(message).getJMSReplyTo()).isEqualTo(new ReliqQueue("replies"));
        message.setJMSReplyTo((jakarta.jms.Topic) () -> "events");
        assertThat(roundTrip(message).getJMSReplyTo()).isEqualTo(new ReliqTopic("events"));
    }

    @Test
    void textBodyIsPlainUtf8AfterItsLength() throws Exception {
        ReliqTextMessage message = new ReliqTextMessage();
        message.setText("hé");
        byte[] payload = MessageCodec.encode(message);
        byte[] utf8 = "hé".getBytes(StandardCharsets.UTF_8);
        assertThat(payload).endsWith(new byte[] {0x01, 0, 0, 0, (byte) utf8.length, utf8[0], utf8[1], utf8[2]});
    }

    static void setEveryHeader(Message message) throws JMSException {
        message.setJMSMessageID("ID:5b0e2a4c-1d6f-4a51-9e58-0c2f8d0e1a77");
        message.setJMSTimestamp(1_763_810_000_123L);
        message.setJMSCorrelationID(UNICODE);
        message.setJMSReplyTo(new ReliqQueue("replies"));
        message.setJMSDestination(new ReliqTopic("prices"));
        message.setJMSDeliveryMode(DeliveryMode.NON_PERSISTENT);
        message.setJMSType("order.created");
        message.setJMSExpiration(1_763_810_060_000L);
        message.setJMSDeliveryTime(1_763_810_005_000L);
        message.setJMSPriority(9);
    }

    static void assertSameHeaders(Message actual, Message expected) throws JMSException {
        assertThat(actual.getJMSMessageID()).isEqualTo(expected.getJMSMessageID());
        assertThat(actual.getJMSTimestamp()).isEqualTo(expected.getJMSTimestamp());
        assertThat(actual.getJMSCorrelationID()).isEqualTo(expected.getJMSCorrelationID());
        assertThat(actual.getJMSReplyTo()).isEqualTo(expected.getJMSReplyTo());
        assertThat(actual.getJMSDestination()).isEqualTo(expected.getJMSDestination());
        assertThat(actual.getJMSDeliveryMode()).isEqualTo(expected.getJMSDeliveryMode());
        assertThat(actual.getJMSType()).isEqualTo(expected.getJMSType());
        assertThat(actual.getJMSExpiration()).isEqualTo(expected.getJMSExpiration());
        assertThat(actual.getJMSDeliveryTime()).isEqualTo(expected.getJMSDeliveryTime());
        assertThat(actual.getJMSPriority()).isEqualTo(expected.getJMSPriority());
    }

    static ReliqMessage roundTrip(ReliqMessage message) throws CorruptMessageException {
        return MessageCodec.decode(MessageCodec.encode(message));
    }
}
