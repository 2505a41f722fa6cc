package dev.reliq.tck.messages;

import static dev.reliq.tck.JmsTestSupport.factory;
import static dev.reliq.tck.JmsTestSupport.queue;
import static dev.reliq.tck.JmsTestSupport.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.function.ThrowingConsumer;

import jakarta.jms.Connection;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageFormatRuntimeException;
import jakarta.jms.MessageNotWriteableException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;

import dev.reliq.test.RedisServerExtension;

/**
 * Jakarta Messaging 3.1, section 3.5: message properties, through Redis and back. Values keep
 * their type, received ones convert as the table of section 3.5.4 allows, the JMSX properties
 * behave as section 3.5.9 says, and a received message's properties are read-only until
 * {@code clearProperties()}.
 */
class MessagePropertiesIT {

    @RegisterExtension
    static final RedisServerExtension REDIS = RedisServerExtension.standalone();

    /** Sends {@code message} to a new queue and returns what a consumer receives. */
    private static Message roundTrip(Session session, Message message) throws Exception {
        Queue queue = queue(session, "properties");
        session.createProducer(queue).send(message);
        MessageConsumer consumer = session.createConsumer(queue);
        Message received = consumer.receive(5000);
        assertThat(received).as("the message arrived").isNotNull();
        consumer.close();
        return received;
    }

    private static Connection startedConnection() throws Exception {
        Connection connection = factory(REDIS, "").createConnection();
        connection.start();
        return connection;
    }

    // ------------------------------------------------------------------ values and types

    @Test
    void everyPropertyTypeRoundTripsWithItsValueAndType() throws Exception {
        try (Connection connection = startedConnection()) {
            Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            Message message = session.createMessage();
            message.setBooleanProperty("aBoolean", true);
            message.setByteProperty("aByte", Byte.MIN_VALUE);
            message.setShortProperty("aShort", Short.MAX_VALUE);
            message.setIntProperty("anInt", Integer.MIN_VALUE);
            message.setLongProperty("aLong", Long.MAX_VALUE);
            message.setFloatProperty("aFloat", -1.25e-3f);
            message.setDoubleProperty("aDouble", Double.MAX_VALUE);
            message.setStringProperty("aString", "grüße, 世界 🌍");
            message.setStringProperty("empty", "");
            message.setFloatProperty("notANumber", Float.NaN);
            message.setDoubleProperty("negativeInfinity", Double.NEGATIVE_INFINITY);

            Message received = roundTrip(session, message);
            assertThat(received.getBooleanProperty("aBoolean")).isTrue();
            assertThat(received.getByteProperty("aByte")).isEqualTo(Byte.MIN_VALUE);
            assertThat(received.getShortProperty("aShort")).isEqualTo(Short.MAX_VALUE);
            assertThat(received.getIntProperty("anInt")).isEqualTo(Integer.MIN_VALUE);
            assertThat(received.getLongProperty("aLong")).isEqualTo(Long.MAX_VALUE);
            assertThat(received.getFloatProperty("aFloat")).isEqualTo(-1.25e-3f);
            assertThat(received.getDoubleProperty("aDouble")).isEqualTo(Double.MAX_VALUE);
            assertThat(received.getStringProperty("aString")).isEqualTo("grüße, 世界 🌍");
            assertThat(received.getStringProperty("empty")).isEmpty();
            assertThat(received.getFloatProperty("notANumber")).isNaN();
            assertThat(received.getDoubleProperty("negativeInfinity")).isEqualTo(Double.NEGATIVE_INFINITY);

            assertThat(received.getObjectProperty("aBoolean")).isEqualTo(Boolean.TRUE);
            assertThat(received.getObjectProperty("aByte")).isEqualTo(Byte.MIN_VALUE);
            assertThat(received.getObjectProperty("aShort")).isEqualTo(Short.MAX_VALUE);
            assertThat(received.getObjectProperty("anInt")).isEqualTo(Integer.MIN_VALUE);
            assertThat(received.getObjectProperty("aLong")).isEqualTo(Long.MAX_VALUE);
            assertThat(received.getObjectProperty("aFloat")).isEqualTo(-1.25e-3f);
            assertThat(received.getObjectProperty("aDouble")).isEqualTo(Double.MAX_VALUE);
            assertThat(received.getObjectProperty("aString")).isEqualTo("grüße, 世界 🌍");
        }
    }

    @Test
    void objectPropertiesOfEveryTypeArriveAsTheSameType() throws Exception {
        List<Object> values = List.of(Boolean.FALSE, (byte) 7, (short) -300, 70_000, -5_000_000_000L, 0.5f, 1e300, "text");
        try (Connection connection = startedConnection()) {
            Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            Message message = session.createTextMessage("body");
            for (int i = 0; i < values.size(); i++) {
                message.setObjectProperty("p" + i, values.get(i));
            }
            Message received = roundTrip(session, message);
            for (int i = 0; i < values.size(); i++) {
                assertThat(received.getObjectProperty("p" + i)).isEqualTo(values.get(i))
                    .isExactlyInstanceOf(values.get(i).getClass());
            }
        }
    }

    @Test
    void propertiesSetOnAJmsProducerArriveWithTheirTypes() {
        try (JMSContext context = factory(REDIS, "").createContext()) {
            Queue queue = context.createQueue(uniqueName("producer-properties"));
            JMSProducer producer = context.createProducer()
                .setProperty("aBoolean", true)
                .setProperty("aByte", (byte) -1)
                .setProperty("aShort", (short) 2)
                .setProperty("anInt", 3)
                .setProperty("aLong", 4L)
                .setProperty("aFloat", 5.5f)
                .setProperty("aDouble", 6.25)
                .setProperty("aString", "seven")
                .setProperty("anObject", (Object) 8L);
            producer.send(queue, "with properties");
            producer.clearProperties().setProperty("only", "this").send(queue, "after clearProperties");

            JMSConsumer consumer = context.createConsumer(queue);
            Message received = consumer.receive(5000);
            assertProperty(received, "aBoolean", Boolean.TRUE);
            assertProperty(received, "aByte", (byte) -1);
            assertProperty(received, "aShort", (short) 2);
            assertProperty(received, "anInt", 3);
            assertProperty(received, "aLong", 4L);
            assertProperty(received, "aFloat", 5.5f);
            assertProperty(received, "aDouble", 6.25);
            assertProperty(received, "aString", "seven");
            assertProperty(received, "anObject", 8L);

            Message second = consumer.receive(5000);
            assertProperty(second, "only", "this");
            assertProperty(second, "aString", null);
        }
    }

    private static void assertProperty(Message message, String name, Object expected) {
        try {
            assertThat(message.getObjectProperty(name)).as(name).isEqualTo(expected);
            if (expected != null) {
                assertThat(message.getObjectProperty(name)).isExactlyInstanceOf(expected.getClass());
            }
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void propertyValuesOfOtherTypesAreRefused() throws Exception {
        try (Connection connection = factory(REDIS, "").createConnection();
                JMSContext context = factory(REDIS, "").createContext()) {
            Message message = connection.createSession(Session.AUTO_ACKNOWLEDGE).createMessage();
            assertThatThrownBy(() -> message.setObjectProperty("list", List.of(1)))
                .isInstanceOf(MessageFormatException.class);
            assertThatThrownBy(() -> message.setObjectProperty("bytes", new byte[] {1}))
                .isInstanceOf(MessageFormatException.class);
            assertThatThrownBy(() -> message.setObjectProperty("char", 'c')).isInstanceOf(MessageFormatException.class);
            assertThatThrownBy(() -> context.createProducer().setProperty("list", (Object) List.of(1)))
                .isInstanceOf(MessageFormatRuntimeException.class);
        }
    }

    // ------------------------------------------------------------------ the conversion table (3.5.4)

    @Test
    void receivedPropertiesConvertAsTheConversionTableAllows() throws Exception {
        try (Connection connection = startedConnection()) {
            Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            Message message = session.createMessage();
            message.setBooleanProperty("aBoolean", true);
            message.setByteProperty("aByte", (byte) 12);
            message.setShortProperty("aShort", (short) 1234);
            message.setIntProperty("anInt", 123_456);
            message.setLongProperty("aLong", 12_345_678_901L);
            message.setFloatProperty("aFloat", 1.5f);
            message.setDoubleProperty("aDouble", 2.25);
            message.setStringProperty("numeric", "42");
            message.setStringProperty("decimal", "3.5");
            message.setStringProperty("truth", "TRUE");
            message.setStringProperty("word", "forty-two");
            Message m = roundTrip(session, message);

            assertThat(m.getBooleanProperty("aBoolean")).isTrue();
            assertThat(m.getStringProperty("aBoolean")).isEqualTo("true");
            refused(m, "aBoolean", Message::getByteProperty, Message::getShortProperty, Message::getIntProperty,
                Message::getLongProperty, Message::getFloatProperty, Message::getDoubleProperty);

            assertThat(m.getByteProperty("aByte")).isEqualTo((byte) 12);
            assertThat(m.getShortProperty("aByte")).isEqualTo((short) 12);
            assertThat(m.getIntProperty("aByte")).isEqualTo(12);
            assertThat(m.getLongProperty("aByte")).isEqualTo(12L);
            assertThat(m.getStringProperty("aByte")).isEqualTo("12");
            refused(m, "aByte", Message::getBooleanProperty, Message::getFloatProperty, Message::getDoubleProperty);

            assertThat(m.getShortProperty("aShort")).isEqualTo((short) 1234);
            assertThat(m.getIntProperty("aShort")).isEqualTo(1234);
            assertThat(m.getLongProperty("aShort")).isEqualTo(1234L);
            assertThat(m.getStringProperty("aShort")).isEqualTo("1234");
            refused(m, "aShort", Message::getBooleanProperty, Message::getByteProperty, Message::getFloatProperty,
                Message::getDoubleProperty);

            assertThat(m.getIntProperty("anInt")).isEqualTo(123_456);
            assertThat(m.getLongProperty("anInt")).isEqualTo(123_456L);
            assertThat(m.getStringProperty("anInt")).isEqualTo("123456");
            refused(m, "anInt", Message::getBooleanProperty, Message::getByteProperty, Message::getShortProperty,
                Message::getFloatProperty, Message::getDoubleProperty);

            assertThat(m.getLongProperty("aLong")).isEqualTo(12_345_678_901L);
            assertThat(m.getStringProperty("aLong")).isEqualTo("12345678901");
            refused(m, "aLong", Message::getBooleanProperty, Message::getByteProperty, Message::getShortProperty,
                Message::getIntProperty, Message::getFloatProperty, Message::getDoubleProperty);

            assertThat(m.getFloatProperty("aFloat")).isEqualTo(1.5f);
            assertThat(m.getDoubleProperty("aFloat")).isEqualTo(1.5);
            assertThat(m.getStringProperty("aFloat")).isEqualTo("1.5");
            refused(m, "aFloat", Message::getBooleanProperty, Message::getByteProperty, Message::getShortProperty,
                Message::getIntProperty, Message::getLongProperty);

            assertThat(m.getDoubleProperty("aDouble")).isEqualTo(2.25);
            assertThat(m.getStringProperty("aDouble")).isEqualTo("2.25");
            refused(m, "aDouble", Message::getBooleanProperty, Message::getByteProperty, Message::getShortProperty,
                Message::getIntProperty, Message::getLongProperty, Message::getFloatProperty);

            assertThat(m.getByteProperty("numeric")).isEqualTo((byte) 42);
            assertThat(m.getShortProperty("numeric")).isEqualTo((short) 42);
            assertThat(m.getIntProperty("numeric")).isEqualTo(42);
            assertThat(m.getLongProperty("numeric")).isEqualTo(42L);
            assertThat(m.getFloatProperty("numeric")).isEqualTo(42f);
            assertThat(m.getDoubleProperty("numeric")).isEqualTo(42d);
            assertThat(m.getBooleanProperty("numeric")).as("Boolean.valueOf(\"42\")").isFalse();
            assertThat(m.getDoubleProperty("decimal")).isEqualTo(3.5);
            assertThat(m.getFloatProperty("decimal")).isEqualTo(3.5f);
            assertThat(m.getBooleanProperty("truth")).isTrue();
            assertThatThrownBy(() -> m.getIntProperty("decimal")).isInstanceOf(NumberFormatException.class);
            assertThatThrownBy(() -> m.getLongProperty("word")).isInstanceOf(NumberFormatException.class);
            assertThatThrownBy(() -> m.getDoubleProperty("word")).isInstanceOf(NumberFormatException.class);
        }
    }

    @SafeVarargs
    private static void refused(Message message, String name, PropertyRead<?>... reads) {
        for (PropertyRead<?> read : reads) {
            assertThatThrownBy(() -> read.get(message, name)).as(name).isInstanceOf(MessageFormatException.class);
        }
    }

    @FunctionalInterface
    private interface PropertyRead<T> {
        T get(Message message, String name) throws Exception;
    }

    @Test
    void anAbsentPropertyReadsAsNullOrAsTheValueOfNullForPrimitives() throws Exception {
        try (Connection connection = startedConnection()) {
            Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            Message m = roundTrip(session, session.createMessage());
            assertThat(m.propertyExists("missing")).isFalse();
            assertThat(m.getObjectProperty("missing")).isNull();
            assertThat(m.getStringProperty("missing")).isNull();
            assertThat(m.getBooleanProperty("missing")).as("Boolean.valueOf(null)").isFalse();
            assertThatThrownBy(() -> m.getByteProperty("missing")).isInstanceOf(NumberFormatException.class);
            assertThatThrownBy(() -> m.getShortProperty("missing")).isInstanceOf(NumberFormatException.class);
            assertThatThrownBy(() -> m.getIntProperty("missing")).isInstanceOf(NumberFormatException.class);
            assertThatThrownBy(() -> m.getLongProperty("missing")).isInstanceOf(NumberFormatException.class);
            assertThatThrownBy(() -> m.getFloatProperty("missing")).isInstanceOf(NullPointerException.class);
            assertThatThrownBy(() -> m.getDoubleProperty("missing")).isInstanceOf(NullPointerException.class);
        }
    }

    // ------------------------------------------------------------------ names (3.5.1) and getPropertyNames

    @Test
    void propertyNamesAreCaseSensitiveSelectorIdentifiersAndRoundTrip() throws Exception {
        try (Connection connection = startedConnection()) {
            Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            Message message = session.createMessage();
            message.setStringProperty("color", "lower");
            message.setStringProperty("Color", "capital");
            message.setIntProperty("_under$core9", 9);
            message.setStringProperty("größe", "XL");
            message.setStringProperty("JMS_VendorThing", "vendor");
            Message m = roundTrip(session, message);
            assertThat(m.getStringProperty("color")).isEqualTo("lower");
            assertThat(m.getStringProperty("Color")).isEqualTo("capital");
            assertThat(m.getIntProperty("_under$core9")).isEqualTo(9);
            assertThat(m.getStringProperty("größe")).isEqualTo("XL");
            assertThat(m.getStringProperty("JMS_VendorThing")).isEqualTo("vendor");
        }
    }

    @Test
    void selectorsNameEveryKindOfPropertyName() throws Exception {
        try (Connection connection = startedConnection()) {
            Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            Queue queue = queue(session, "property-names-selector");
            Message message = session.createTextMessage("named");
            message.setStringProperty("Color", "capital");
            message.setIntProperty("_under$core9", 9);
            message.setStringProperty("größe", "XL");
            message.setStringProperty("JMS_VendorThing", "vendor");
            session.createProducer(queue).send(message);
            MessageConsumer consumer = session.createConsumer(queue,
                "Color = 'capital' AND color IS NULL AND _under$core9 = 9 AND größe = 'XL' AND JMS_VendorThing = 'vendor'");
            Message received = consumer.receive(5000);
            assertThat(received).as("selected").isNotNull();
            assertThat(((TextMessage) received).getText()).isEqualTo("named");
        }
    }

    @Test
    void nullOrEmptyPropertyNamesAreRefused() throws Exception {
        try (Connection connection = factory(REDIS, "").createConnection();
                JMSContext context = factory(REDIS, "").createContext()) {
            Message message = connection.createSession(Session.AUTO_ACKNOWLEDGE).createMessage();
            assertThatThrownBy(() -> message.setStringProperty(null, "x")).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> message.setIntProperty("", 1)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> message.setObjectProperty("", "x")).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> context.createProducer().setProperty((String) null, "x"))
                .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> context.createProducer().setProperty("", 1))
                .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void namesThatAreNotSelectorIdentifiersAreRefused() throws Exception {
        try (Connection connection = factory(REDIS, "").createConnection()) {
            Message message = connection.createSession(Session.AUTO_ACKNOWLEDGE).createMessage();
            for (String name : List.of("1st", "with space", "a-b", "dot.ted", "NULL", "and", "Between", "JMSType")) {
                assertThatThrownBy(() -> message.setStringProperty(name, "x")).as(name)
                    .isInstanceOf(IllegalArgumentException.class);
            }
            assertThat(Collections.list(message.getPropertyNames())).isEmpty();
        }
    }

    @Test
    void getPropertyNamesListsEveryPropertyOfTheReceivedMessageAndNoHeaders() throws Exception {
        try (Connection connection = startedConnection()) {
            Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            Message message = session.createMessage();
            message.setStringProperty("region", "eu");
            message.setIntProperty("quantity", 3);
            message.setBooleanProperty("urgent", false);
            message.setJMSType("order");
            message.setJMSCorrelationID("c-1");
            Message m = roundTrip(session, message);
            assertThat(Collections.list(m.getPropertyNames()))
                .containsExactlyInAnyOrder("region", "quantity", "urgent", "JMSXDeliveryCount");
        }
    }

    // ------------------------------------------------------------------ JMSX properties (3.5.9)

    @Test
    void groupPropertiesAreCarriedToTheConsumerAndSelectable() throws Exception {
        try (Connection connection = startedConnection()) {
            Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            Queue queue = queue(session, "groups");
            MessageProducer producer = session.createProducer(queue);
            for (int seq = 1; seq <= 3; seq++) {
                Message m = session.createTextMessage("part " + seq);
                m.setStringProperty("JMSXGroupID", seq == 2 ? "other" : "order-7");
                m.setIntProperty("JMSXGroupSeq", seq);
                producer.send(m);
            }
            MessageConsumer group = session.createConsumer(queue, "JMSXGroupID = 'order-7' AND JMSXGroupSeq >= 1");
            Message first = group.receive(5000);
            Message third = group.receive(5000);
            assertThat(((TextMessage) first).getText()).isEqualTo("part 1");
            assertThat(first.getStringProperty("JMSXGroupID")).isEqualTo("order-7");
            assertThat(first.getObjectProperty("JMSXGroupSeq")).isEqualTo(1);
            assertThat(((TextMessage) third).getText()).isEqualTo("part 3");
            assertThat(third.getIntProperty("JMSXGroupSeq")).isEqualTo(3);
            assertThat(group.receiveNoWait()).isNull();

            Message other = session.createConsumer(queue).receive(5000);
            assertThat(other.getStringProperty("JMSXGroupID")).isEqualTo("other");
            assertThat(other.getIntProperty("JMSXGroupSeq")).isEqualTo(2);
        }
    }

    @Test
    void deliveryCountIsSetByTheProviderAndCannotBeChangedOnAReceivedMessage() throws Exception {
        try (Connection connection = startedConnection()) {
            Session session = connection.createSession(Session.CLIENT_ACKNOWLEDGE);
            Queue queue = queue(session, "delivery-count");
            Message sent = session.createMessage();
            sent.setIntProperty("JMSXDeliveryCount", 7); // not the sender's to set: the provider's count wins
            session.createProducer(queue).send(sent);
            MessageConsumer consumer = session.createConsumer(queue);

            Message first = consumer.receive(5000);
            assertThat(first.propertyExists("JMSXDeliveryCount")).isTrue();
            assertThat(first.getObjectProperty("JMSXDeliveryCount")).isEqualTo(1);
            assertThatThrownBy(() -> first.setIntProperty("JMSXDeliveryCount", 5))
                .isInstanceOf(MessageNotWriteableException.class);
            assertThat(first.getIntProperty("JMSXDeliveryCount")).isEqualTo(1);

            session.recover();
            Message second = consumer.receive(5000);
            assertThat(second.getIntProperty("JMSXDeliveryCount")).isEqualTo(2);
            assertThat(second.getLongProperty("JMSXDeliveryCount")).isEqualTo(2L);
            assertThat(second.getStringProperty("JMSXDeliveryCount")).isEqualTo("2");
            second.acknowledge();
        }
    }

    @Test
    void connectionMetaDataListsTheSupportedJmsxProperties() throws Exception {
        try (Connection connection = factory(REDIS, "").createConnection();
                JMSContext context = factory(REDIS, "").createContext()) {
            assertThat(Collections.list(connection.getMetaData().getJMSXPropertyNames()))
                .contains("JMSXDeliveryCount", "JMSXGroupID", "JMSXGroupSeq");
            assertThat(Collections.list(context.getMetaData().getJMSXPropertyNames()))
                .contains("JMSXDeliveryCount", "JMSXGroupID", "JMSXGroupSeq");
        }
    }

    // ------------------------------------------------------------------ read-only received properties (3.5.8, 3.10)

    @Test
    void receivedPropertiesAreReadOnlyUntilClearProperties() throws Exception {
        try (Connection connection = startedConnection()) {
            Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            TextMessage message = session.createTextMessage("body stays");
            message.setStringProperty("existing", "value");
            Message m = roundTrip(session, message);

            List<ThrowingConsumer<Message>> setters = List.of(
                r -> r.setBooleanProperty("b", true), r -> r.setByteProperty("b", (byte) 1),
                r -> r.setShortProperty("s", (short) 1), r -> r.setIntProperty("i", 1), r -> r.setLongProperty("l", 1),
                r -> r.setFloatProperty("f", 1), r -> r.setDoubleProperty("d", 1), r -> r.setStringProperty("s", "x"),
                r -> r.setObjectProperty("o", 1), r -> r.setStringProperty("existing", "changed"));
            for (ThrowingConsumer<Message> setter : setters) {
                assertThatThrownBy(() -> setter.accept(m)).isInstanceOf(MessageNotWriteableException.class);
            }
            assertThat(m.getStringProperty("existing")).isEqualTo("value");

            m.clearProperties();
            assertThat(m.propertyExists("existing")).isFalse();
            assertThat(Collections.list(m.getPropertyNames())).isEmpty();
            m.setStringProperty("existing", "new");
            m.setIntProperty("added", 1);
            assertThat(m.getStringProperty("existing")).isEqualTo("new");
            assertThat(m.getIntProperty("added")).isEqualTo(1);
            assertThat(((TextMessage) m).getText()).as("clearProperties leaves the body").isEqualTo("body stays");
        }
    }

    @Test
    void propertiesOfAMessageReceivedThroughTheSimplifiedApiAreReadOnlyToo() throws Exception {
        try (JMSContext context = factory(REDIS, "").createContext()) {
            Queue queue = context.createQueue(uniqueName("read-only-simplified"));
            context.createProducer().setProperty("p", 1).send(queue, "x");
            Message m = context.createConsumer(queue).receive(5000);
            assertThatThrownBy(() -> m.setIntProperty("p", 2)).isInstanceOf(MessageNotWriteableException.class);
            m.clearProperties();
            m.setIntProperty("p", 2);
            assertThat(m.getIntProperty("p")).isEqualTo(2);
        }
    }
}
