package dev.reliq.tck.messages;

import static dev.reliq.tck.JmsTestSupport.factory;
import static dev.reliq.tck.JmsTestSupport.queue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageEOFException;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageNotReadableException;
import jakarta.jms.MessageNotWriteableException;
import jakarta.jms.ObjectMessage;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.StreamMessage;
import jakarta.jms.TextMessage;

import dev.reliq.test.RedisServerExtension;

/**
 * Jakarta Messaging 3.1, section 3.11: the five body types and the plain Message, through Redis
 * and back: their contents and types, empty and large bodies, the read-only state of a received
 * body, and {@code getBody}/{@code isBodyAssignableTo} on what arrived.
 */
class MessageBodiesIT {

    @RegisterExtension
    static final RedisServerExtension REDIS = RedisServerExtension.standalone();

    /** The application's package, so ObjectMessage bodies of {@link Parcel} can be read. */
    private static final String OPTIONS = "objectMessageAllowList=dev.reliq.tck.messages.**";

    private static <M extends Message> M roundTrip(Session session, M message) throws Exception {
        Queue queue = queue(session, "bodies");
        session.createProducer(queue).send(message);
        MessageConsumer consumer = session.createConsumer(queue);
        Message received = consumer.receive(5000);
        consumer.close();
        assertThat(received).as("the message arrived").isNotNull();
        @SuppressWarnings("unchecked")
        M typed = (M) received;
        return typed;
    }

    private static Connection startedConnection() throws Exception {
        Connection connection = factory(REDIS, OPTIONS).createConnection();
        connection.start();
        return connection;
    }

    // ------------------------------------------------------------------ TextMessage

    @Test
    void textBodiesRoundTripWhetherEmptyNullUnicodeOrLarge() throws Exception {
        String unicode = "héllo wörld — 日本語 — emoji 🎉🚀 — a\u0000nul — \uD834\uDD1E — tab\tand\r\nline";
        String large = "ü€".repeat(150_000); // 750 000 bytes of UTF-8
        try (Connection connection = startedConnection()) {
            Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            assertThat(roundTrip(session, session.createTextMessage("")).getText()).isEmpty();
            assertThat(roundTrip(session, session.createTextMessage()).getText()).isNull();
            assertThat(roundTrip(session, session.createTextMessage(unicode)).getText()).isEqualTo(unicode);
            TextMessage bigReceived = roundTrip(session, session.createTextMessage(large));
            assertThat(bigReceived).isInstanceOf(TextMessage.class);
            assertThat(bigReceived.getText()).isEqualTo(large);
        }
    }

    // ------------------------------------------------------------------ BytesMessage

    @Test
    void bytesBodyKeepsEveryByteValue() throws Exception {
        byte[] all = new byte[256];
        for (int i = 0; i < all.length; i++) {
            all[i] = (byte) i;
        }
        try (Connection connection = startedConnection()) {
            Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            BytesMessage message = session.createBytesMessage();
            message.writeBytes(all);
            BytesMessage received = roundTrip(session, message);
            assertThat(received.getBodyLength()).isEqualTo(256);
            byte[] read = new byte[300];
            assertThat(received.readBytes(read)).isEqualTo(256);
            assertThat(java.util.Arrays.copyOf(read, 256)).isEqualTo(all);
            assertThat(received.readBytes(read)).as("end of the body").isEqualTo(-1);
            assertThat(received.getBody(byte[].class)).isEqualTo(all);
        }
    }

    @Test
    void bytesBodyReadsBackWhatEachTypedWriteWrote() throws Exception {
        try (Connection connection = startedConnection()) {
            Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            BytesMessage m = session.createBytesMessage();
            m.writeBoolean(true);
            m.writeByte((byte) -2);
            m.writeByte((byte) 200);
            m.writeShort((short) -3);
            m.writeShort((short) 60_000);
            m.writeChar('Ж');
            m.writeInt(Integer.MIN_VALUE);
            m.writeLong(Long.MAX_VALUE);
            m.writeFloat(3.5f);
            m.writeDouble(-0.125);
            m.writeUTF("ünïcode ✓");
            m.writeObject(42);
            m.writeObject(new byte[] {9, 8});
            m.writeBytes(new byte[] {0, 1, 2, 3, 4}, 1, 3);

            BytesMessage r = roundTrip(session, m);
            assertThat(r.readBoolean()).isTrue();
            assertThat(r.readByte()).isEqualTo((byte) -2);
            assertThat(r.readUnsignedByte()).isEqualTo(200);
            assertThat(r.readShort()).isEqualTo((short) -3);
            assertThat(r.readUnsignedShort()).isEqualTo(60_000);
            assertThat(r.readChar()).isEqualTo('Ж');
            assertThat(r.readInt()).isEqualTo(Integer.MIN_VALUE);
            assertThat(r.readLong()).isEqualTo(Long.MAX_VALUE);
            assertThat(r.readFloat()).isEqualTo(3.5f);
            assertThat(r.readDouble()).isEqualTo(-0.125);
            assertThat(r.readUTF()).isEqualTo("ünïcode ✓");
            assertThat(r.readInt()).isEqualTo(42);
            byte[] rest = new byte[5];
            assertThat(r.readBytes(rest)).isEqualTo(5);
            assertThat(rest).containsExactly(9, 8, 1, 2, 3);
            assertThatThrownBy(r::readByte).isInstanceOf(MessageEOFException.class);
        }
    }

    @Test
    void emptyAndLargeBytesBodiesRoundTrip() throws Exception {
        byte[] large = new byte[900 * 1024];
        new Random(7).nextBytes(large);
        try (Connection connection = startedConnection()) {
            Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            BytesMessage empty = roundTrip(session, session.createBytesMessage());
            assertThat(empty.getBodyLength()).isZero();
            assertThat(empty.readBytes(new byte[1])).isEqualTo(-1);

            BytesMessage message = session.createBytesMessage();
            message.writeBytes(large);
            BytesMessage received = roundTrip(session, message);
            assertThat(received.getBodyLength()).isEqualTo(large.length);
            byte[] read = new byte[large.length];
            assertThat(received.readBytes(read)).isEqualTo(large.length);
            assertThat(read).isEqualTo(large);
        }
    }

    // ------------------------------------------------------------------ MapMessage

    @Test
    void mapBodyKeepsEveryValueTypeIncludingNullAndByteArrays() throws Exception {
        byte[] bytes = {0, (byte) 0xFF, 0x7F, (byte) 0x80};
        try (Connection connection = startedConnection()) {
            Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            MapMessage m = session.createMapMessage();
            m.setBoolean("boolean", true);
            m.setByte("byte", (byte) -8);
            m.setShort("short", (short) 1600);
            m.setChar("char", '€');
            m.setInt("int", -32_000_000);
            m.setLong("long", Long.MIN_VALUE);
            m.setFloat("float", 0.75f);
            m.setDouble("double", Math.PI);
            m.setString("string", "ünïcode 🎉");
            m.setString("nullString", null);
            m.setBytes("bytes", bytes);
            m.setBytes("slice", bytes, 1, 2);
            m.setBytes("emptyBytes", new byte[0]);
            m.setObject("object", 17L);
            m.setObject("nullObject", null);
            m.setString("name with spaces and . dots", "any name");

            MapMessage r = roundTrip(session, m);
            assertThat(Collections.list(r.getMapNames())).containsExactlyInAnyOrder("boolean", "byte", "short", "char",
                "int", "long", "float", "double", "string", "nullString", "bytes", "slice", "emptyBytes", "object",
                "nullObject", "name with spaces and . dots");
            assertThat(r.getBoolean("boolean")).isTrue();
            assertThat(r.getByte("byte")).isEqualTo((byte) -8);
            assertThat(r.getShort("short")).isEqualTo((short) 1600);
            assertThat(r.getChar("char")).isEqualTo('€');
            assertThat(r.getInt("int")).isEqualTo(-32_000_000);
            assertThat(r.getLong("long")).isEqualTo(Long.MIN_VALUE);
            assertThat(r.getFloat("float")).isEqualTo(0.75f);
            assertThat(r.getDouble("double")).isEqualTo(Math.PI);
            assertThat(r.getString("string")).isEqualTo("ünïcode 🎉");
            assertThat(r.itemExists("nullString")).isTrue();
            assertThat(r.getString("nullString")).isNull();
            assertThat(r.getObject("nullObject")).isNull();
            assertThat(r.getBytes("bytes")).isEqualTo(bytes);
            assertThat(r.getBytes("slice")).containsExactly((byte) 0xFF, 0x7F);
            assertThat(r.getBytes("emptyBytes")).isEmpty();
            assertThat(r.getString("name with spaces and . dots")).isEqualTo("any name");
            assertThat(r.itemExists("missing")).isFalse();

            assertThat(r.getObject("boolean")).isEqualTo(Boolean.TRUE);
            assertThat(r.getObject("byte")).isExactlyInstanceOf(Byte.class);
            assertThat(r.getObject("short")).isExactlyInstanceOf(Short.class);
            assertThat(r.getObject("char")).isEqualTo('€');
            assertThat(r.getObject("int")).isExactlyInstanceOf(Integer.class);
            assertThat(r.getObject("long")).isEqualTo(Long.MIN_VALUE);
            assertThat(r.getObject("float")).isExactlyInstanceOf(Float.class);
            assertThat(r.getObject("double")).isExactlyInstanceOf(Double.class);
            assertThat(r.getObject("object")).isEqualTo(17L);
            assertThat(r.getObject("bytes")).isEqualTo(bytes);
        }
    }

    @Test
    void receivedMapValuesConvertAsTheConversionTableAllows() throws Exception {
        try (Connection connection = startedConnection()) {
            Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            MapMessage m = session.createMapMessage();
            m.setChar("char", 'x');
            m.setShort("short", (short) 12);
            m.setString("number", "77");
            m.setBytes("bytes", new byte[] {1});
            m.setFloat("float", 2.5f);
            MapMessage r = roundTrip(session, m);
            assertThat(r.getString("char")).isEqualTo("x");
            assertThatThrownBy(() -> r.getInt("char")).isInstanceOf(MessageFormatException.class);
            assertThat(r.getLong("short")).isEqualTo(12L);
            assertThat(r.getString("short")).isEqualTo("12");
            assertThatThrownBy(() -> r.getByte("short")).isInstanceOf(MessageFormatException.class);
            assertThat(r.getInt("number")).isEqualTo(77);
            assertThat(r.getDouble("number")).isEqualTo(77.0);
            assertThatThrownBy(() -> r.getChar("number")).isInstanceOf(MessageFormatException.class);
            assertThatThrownBy(() -> r.getString("bytes")).isInstanceOf(MessageFormatException.class);
            assertThatThrownBy(() -> r.getBytes("number")).isInstanceOf(MessageFormatException.class);
            assertThat(r.getDouble("float")).isEqualTo(2.5);
            assertThatThrownBy(() -> r.getLong("float")).isInstanceOf(MessageFormatException.class);
            assertThat(r.getString("missing")).isNull();
            assertThat(r.getBytes("missing")).isNull();
            assertThatThrownBy(() -> r.getInt("missing")).isInstanceOf(NumberFormatException.class);
        }
    }

    @Test
    void anEmptyMapBodyRoundTrips() throws Exception {
        try (Connection connection = startedConnection()) {
            Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            MapMessage r = roundTrip(session, session.createMapMessage());
            assertThat(Collections.list(r.getMapNames())).isEmpty();
        }
    }

    // ------------------------------------------------------------------ StreamMessage

    @Test
    void streamBodyKeepsEveryFieldTypeInOrderIncludingNullAndByteArrays() throws Exception {
        try (Connection connection = startedConnection()) {
            Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            StreamMessage m = session.createStreamMessage();
            m.writeBoolean(false);
            m.writeByte((byte) 127);
            m.writeShort((short) -1);
            m.writeChar('\u00e9');
            m.writeInt(123);
            m.writeLong(-9L);
            m.writeFloat(1.25f);
            m.writeDouble(1e-300);
            m.writeString("ünïcode 🎉");
            m.writeString(null);
            m.writeBytes(new byte[] {1, 2, 3});
            m.writeBytes(new byte[] {9, 8, 7, 6}, 1, 2);
            m.writeBytes(new byte[0]);
            m.writeObject(null);
            m.writeObject(5.5);

            StreamMessage r = roundTrip(session, m);
            assertThat(r.readBoolean()).isFalse();
            assertThat(r.readByte()).isEqualTo((byte) 127);
            assertThat(r.readShort()).isEqualTo((short) -1);
            assertThat(r.readChar()).isEqualTo('\u00e9');
            assertThat(r.readInt()).isEqualTo(123);
            assertThat(r.readLong()).isEqualTo(-9L);
            assertThat(r.readFloat()).isEqualTo(1.25f);
            assertThat(r.readDouble()).isEqualTo(1e-300);
            assertThat(r.readString()).isEqualTo("ünïcode 🎉");
            assertThat(r.readString()).isNull();
            assertThat(r.readObject()).isEqualTo(new byte[] {1, 2, 3});
            byte[] buffer = new byte[10];
            assertThat(r.readBytes(buffer)).isEqualTo(2);
            assertThat(java.util.Arrays.copyOf(buffer, 2)).containsExactly(8, 7);
            assertThat(r.readBytes(buffer)).as("an empty byte[] field").isZero();
            assertThat(r.readObject()).isNull();
            assertThat(r.readObject()).isEqualTo(5.5);
            assertThatThrownBy(r::readObject).isInstanceOf(MessageEOFException.class);

            r.reset();
            List<Object> objects = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                objects.add(r.readObject());
            }
            assertThat(objects).containsExactly(false, (byte) 127, (short) -1, '\u00e9', 123, -9L);
        }
    }

    @Test
    void aReceivedStreamFieldThatDoesNotConvertCanBeReadAgainAsAnotherType() throws Exception {
        try (Connection connection = startedConnection()) {
            Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            StreamMessage m = session.createStreamMessage();
            m.writeString("not a number");
            m.writeInt(7);
            m.writeBoolean(true);
            StreamMessage r = roundTrip(session, m);
            assertThatThrownBy(r::readInt).isInstanceOf(NumberFormatException.class);
            assertThat(r.readString()).isEqualTo("not a number");
            assertThatThrownBy(r::readShort).isInstanceOf(MessageFormatException.class);
            assertThat(r.readLong()).isEqualTo(7L);
            assertThatThrownBy(r::readDouble).isInstanceOf(MessageFormatException.class);
            assertThat(r.readString()).isEqualTo("true");
        }
    }

    @Test
    void anEmptyStreamBodyRoundTrips() throws Exception {
        try (Connection connection = startedConnection()) {
            Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            StreamMessage r = roundTrip(session, session.createStreamMessage());
            assertThatThrownBy(r::readObject).isInstanceOf(MessageEOFException.class);
        }
    }

    // ------------------------------------------------------------------ ObjectMessage

    @Test
    void objectBodiesRoundTripNestedApplicationObjectsJdkValuesAndNull() throws Exception {
        HashMap<String, List<Object>> jdkValues = new HashMap<>();
        jdkValues.put("numbers", List.of(1, 2L, new BigDecimal("3.14")));
        jdkValues.put("when", List.of(Instant.parse("2024-01-02T03:04:05Z")));
        try (Connection connection = startedConnection()) {
            Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            ObjectMessage parcel = roundTrip(session, session.createObjectMessage(Parcel.sample()));
            assertThat(parcel.getObject()).isEqualTo(Parcel.sample());
            assertThat(((Parcel) parcel.getObject()).inner().items().get(0).price()).isEqualTo(new BigDecimal("0.05"));

            assertThat(roundTrip(session, session.createObjectMessage(jdkValues)).getObject()).isEqualTo(jdkValues);
            assertThat(roundTrip(session, session.createObjectMessage()).getObject()).isNull();
            assertThat(roundTrip(session, session.createObjectMessage("just a string")).getObject())
                .isEqualTo("just a string");
        }
    }

    @Test
    void anObjectMessageKeepsTheObjectAsItWasWhenSetObjectWasCalled() throws Exception {
        try (Connection connection = startedConnection()) {
            Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            ArrayList<String> list = new ArrayList<>(List.of("before"));
            ObjectMessage message = session.createObjectMessage(list);
            list.add("after setObject");
            assertThat(roundTrip(session, message).getObject()).isEqualTo(List.of("before"));
        }
    }

    // ------------------------------------------------------------------ plain Message

    @Test
    void aMessageWithoutBodyRoundTripsAsAPlainMessage() throws Exception {
        try (Connection connection = startedConnection()) {
            Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            Message m = session.createMessage();
            m.setStringProperty("only", "properties");
            Message r = roundTrip(session, m);
            assertThat(r).isNotInstanceOfAny(TextMessage.class, BytesMessage.class, MapMessage.class,
                StreamMessage.class, ObjectMessage.class);
            assertThat(r.getStringProperty("only")).isEqualTo("properties");
            assertThat(r.getBody(Object.class)).isNull();
            assertThat(r.getBody(String.class)).isNull();
            assertThat(r.isBodyAssignableTo(Integer.class)).isTrue();
        }
    }

    // ------------------------------------------------------------------ read-only after receipt (3.11.2)

    @Test
    void aReceivedBodyIsReadOnlyUntilClearBody() throws Exception {
        try (Connection connection = startedConnection()) {
            Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);

            TextMessage text = roundTrip(session, session.createTextMessage("received"));
            assertThatThrownBy(() -> text.setText("changed")).isInstanceOf(MessageNotWriteableException.class);
            assertThat(text.getText()).isEqualTo("received");
            text.clearBody();
            assertThat(text.getText()).isNull();
            text.setText("rewritten");
            assertThat(text.getText()).isEqualTo("rewritten");

            MapMessage map = session.createMapMessage();
            map.setInt("n", 1);
            MapMessage receivedMap = roundTrip(session, map);
            assertThatThrownBy(() -> receivedMap.setInt("n", 2)).isInstanceOf(MessageNotWriteableException.class);
            assertThatThrownBy(() -> receivedMap.setObject("o", "x")).isInstanceOf(MessageNotWriteableException.class);
            assertThatThrownBy(() -> receivedMap.setBytes("b", new byte[1]))
                .isInstanceOf(MessageNotWriteableException.class);
            assertThat(receivedMap.getInt("n")).isEqualTo(1);
            receivedMap.clearBody();
            assertThat(receivedMap.itemExists("n")).isFalse();
            receivedMap.setInt("n", 2);
            assertThat(receivedMap.getInt("n")).isEqualTo(2);

            ObjectMessage object = roundTrip(session, session.createObjectMessage("received"));
            assertThatThrownBy(() -> object.setObject("changed")).isInstanceOf(MessageNotWriteableException.class);
            object.clearBody();
            assertThat(object.getObject()).isNull();
            object.setObject("rewritten");
            assertThat(object.getObject()).isEqualTo("rewritten");
        }
    }

    @Test
    void aReceivedBytesMessageIsReadableAtOnceCanBeResetAndIsWriteOnlyAfterClearBody() throws Exception {
        try (Connection connection = startedConnection()) {
            Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            BytesMessage m = session.createBytesMessage();
            m.writeInt(1);
            m.writeInt(2);
            BytesMessage r = roundTrip(session, m);
            assertThatThrownBy(() -> r.writeInt(3)).isInstanceOf(MessageNotWriteableException.class);
            assertThatThrownBy(() -> r.writeBytes(new byte[1])).isInstanceOf(MessageNotWriteableException.class);
            assertThatThrownBy(() -> r.writeObject("x")).isInstanceOf(MessageNotWriteableException.class);
            assertThat(r.readInt()).isEqualTo(1);
            r.reset();
            assertThat(r.readInt()).as("reset goes back to the start").isEqualTo(1);
            assertThat(r.readInt()).isEqualTo(2);

            r.clearBody();
            assertThatThrownBy(r::readInt).isInstanceOf(MessageNotReadableException.class);
            r.writeInt(9);
            r.reset();
            assertThat(r.readInt()).isEqualTo(9);
        }
    }

    @Test
    void aReceivedStreamMessageIsReadableAtOnceCanBeResetAndIsWriteOnlyAfterClearBody() throws Exception {
        try (Connection connection = startedConnection()) {
            Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            StreamMessage m = session.createStreamMessage();
            m.writeString("a");
            m.writeString("b");
            StreamMessage r = roundTrip(session, m);
            assertThatThrownBy(() -> r.writeString("c")).isInstanceOf(MessageNotWriteableException.class);
            assertThatThrownBy(() -> r.writeObject(1)).isInstanceOf(MessageNotWriteableException.class);
            assertThat(r.readString()).isEqualTo("a");
            r.reset();
            assertThat(r.readString()).isEqualTo("a");
            assertThat(r.readString()).isEqualTo("b");

            r.clearBody();
            assertThatThrownBy(r::readString).isInstanceOf(MessageNotReadableException.class);
            r.writeString("new");
            r.reset();
            assertThat(r.readString()).isEqualTo("new");
        }
    }

    // ------------------------------------------------------------------ getBody and isBodyAssignableTo (Message javadoc)

    @Test
    void getBodyReturnsTheReceivedBodyAsItsOwnTypeAndRefusesOthers() throws Exception {
        try (Connection connection = startedConnection()) {
            Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);

            TextMessage text = roundTrip(session, session.createTextMessage("text"));
            assertThat(text.getBody(String.class)).isEqualTo("text");
            assertThat(text.getBody(CharSequence.class)).isEqualTo("text");
            assertThat(text.getBody(Object.class)).isEqualTo("text");
            assertThat(text.isBodyAssignableTo(String.class)).isTrue();
            assertThat(text.isBodyAssignableTo(Integer.class)).isFalse();
            assertThatThrownBy(() -> text.getBody(Integer.class)).isInstanceOf(MessageFormatException.class);

            BytesMessage bytes = session.createBytesMessage();
            bytes.writeBytes(new byte[] {4, 5});
            BytesMessage receivedBytes = roundTrip(session, bytes);
            assertThat(receivedBytes.getBody(byte[].class)).containsExactly(4, 5);
            assertThat(receivedBytes.isBodyAssignableTo(byte[].class)).isTrue();
            assertThat(receivedBytes.isBodyAssignableTo(String.class)).isFalse();
            assertThatThrownBy(() -> receivedBytes.getBody(String.class)).isInstanceOf(MessageFormatException.class);
            assertThat(receivedBytes.readByte()).as("getBody leaves the body readable from the start").isEqualTo((byte) 4);

            MapMessage map = session.createMapMessage();
            map.setString("k", "v");
            map.setBytes("b", new byte[] {1});
            MapMessage receivedMap = roundTrip(session, map);
            @SuppressWarnings("unchecked")
            Map<String, Object> body = receivedMap.getBody(Map.class);
            assertThat(body).containsOnlyKeys("k", "b").containsEntry("k", "v");
            assertThat((byte[]) body.get("b")).containsExactly(1);
            assertThat(receivedMap.isBodyAssignableTo(Map.class)).isTrue();
            assertThat(receivedMap.isBodyAssignableTo(String.class)).isFalse();
            assertThatThrownBy(() -> receivedMap.getBody(String.class)).isInstanceOf(MessageFormatException.class);

            ObjectMessage object = roundTrip(session, session.createObjectMessage(Parcel.sample()));
            assertThat(object.getBody(Parcel.class)).isEqualTo(Parcel.sample());
            assertThat(object.getBody(Serializable.class)).isEqualTo(Parcel.sample());
            assertThat(object.isBodyAssignableTo(Parcel.class)).isTrue();
            assertThat(object.isBodyAssignableTo(String.class)).isFalse();
            assertThatThrownBy(() -> object.getBody(String.class)).isInstanceOf(MessageFormatException.class);

            StreamMessage stream = session.createStreamMessage();
            stream.writeInt(1);
            StreamMessage receivedStream = roundTrip(session, stream);
            assertThatThrownBy(() -> receivedStream.getBody(Object.class)).isInstanceOf(MessageFormatException.class);
            assertThat(receivedStream.isBodyAssignableTo(Object.class)).isFalse();
        }
    }

    @Test
    void aMessageWithoutBodyReturnsNullForAnyType() throws Exception {
        try (Connection connection = startedConnection()) {
            Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            TextMessage text = roundTrip(session, session.createTextMessage());
            assertThat(text.getBody(Integer.class)).isNull();
            assertThat(text.isBodyAssignableTo(Integer.class)).isTrue();
            ObjectMessage object = roundTrip(session, session.createObjectMessage());
            assertThat(object.getBody(String.class)).isNull();
            assertThat(object.isBodyAssignableTo(String.class)).isTrue();
        }
    }
}
