package dev.reliq.tck.messages;

import static dev.reliq.tck.JmsTestSupport.awaitClockPast;
import static dev.reliq.tck.JmsTestSupport.factory;
import static dev.reliq.tck.JmsTestSupport.queue;
import static dev.reliq.tck.JmsTestSupport.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.InvalidSelectorException;
import jakarta.jms.InvalidSelectorRuntimeException;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;

import dev.reliq.test.RedisServerExtension;

/**
 * Jakarta Messaging 3.1, section 3.8: message selectors evaluated by a consumer on messages
 * that went through Redis, over header fields and properties, for every family of operators.
 * A selecting consumer takes only what matches; the rest stays on the queue, in order, for a
 * consumer without selector.
 */
class MessageSelectorsIT {

    @RegisterExtension
    static final RedisServerExtension REDIS = RedisServerExtension.standalone();

    /** One message of the sample set: its label (the text body), priority and how it is dressed. */
    private record Sample(String label, int priority, int deliveryMode, Dressing dressing) {
    }

    @FunctionalInterface
    private interface Dressing {
        void apply(Message message) throws JMSException;
    }

    private static final List<Sample> SAMPLES = List.of(
        new Sample("m0", 1, DeliveryMode.PERSISTENT, m -> {
            m.setStringProperty("color", "red");
            m.setIntProperty("weight", 2500);
            m.setDoubleProperty("price", 9.99);
            m.setShortProperty("quantity", (short) 3);
            m.setBooleanProperty("flag", true);
            m.setStringProperty("code", "A_1");
            m.setJMSType("car");
            m.setJMSCorrelationID("c-0");
        }),
        new Sample("m1", 5, DeliveryMode.NON_PERSISTENT, m -> {
            m.setStringProperty("color", "blue");
            m.setLongProperty("weight", 3000L);
            m.setFloatProperty("price", 20.5f);
            m.setBooleanProperty("flag", false);
            m.setStringProperty("code", "B%2");
            m.setJMSType("truck");
        }),
        new Sample("m2", 9, DeliveryMode.PERSISTENT, m -> {
            m.setStringProperty("color", "green");
            m.setByteProperty("weight", (byte) 100);
            m.setDoubleProperty("price", 0.5);
            m.setStringProperty("code", "a_1");
            m.setJMSType("car");
            m.setJMSCorrelationID("c-2");
        }),
        new Sample("m3", 4, DeliveryMode.PERSISTENT, m -> {
            m.setIntProperty("weight", 2500);
            m.setStringProperty("size", "XL");
            m.setBooleanProperty("flag", true);
        }),
        new Sample("m4", 0, DeliveryMode.PERSISTENT, m -> {
            m.setStringProperty("color", "Red");
            m.setIntProperty("weight", -7);
            m.setDoubleProperty("price", 100.0);
            m.setStringProperty("description", "it's");
            m.setJMSType("van");
        }));

    static Stream<Arguments> selectors() {
        return Stream.of(
            // comparison
            Arguments.of("color = 'red'", List.of("m0")),
            Arguments.of("color <> 'red'", List.of("m1", "m2", "m4")),
            Arguments.of("weight > 2500", List.of("m1")),
            Arguments.of("weight >= 2500", List.of("m0", "m1", "m3")),
            Arguments.of("weight < 2500", List.of("m2", "m4")),
            Arguments.of("weight <= 100", List.of("m2", "m4")),
            Arguments.of("weight = 2500.0", List.of("m0", "m3")),
            Arguments.of("weight > 1000000", List.of()),
            // arithmetic
            Arguments.of("weight * 2 + 1 > 5000", List.of("m0", "m1", "m3")),
            Arguments.of("weight / 2 = 1250", List.of("m0", "m3")),
            Arguments.of("-weight > 0", List.of("m4")),
            Arguments.of("price * 2 > 40 - quantity", List.of()), // quantity is NULL except on m0: UNKNOWN
            Arguments.of("price * 2 > 40", List.of("m1", "m4")),
            Arguments.of("quantity + weight = 2503", List.of("m0")),
            // approximate literals
            Arguments.of("price > 1.5E1", List.of("m1", "m4")),
            Arguments.of("price < 1", List.of("m2")),
            Arguments.of("price = 20.5", List.of("m1")),
            // BETWEEN
            Arguments.of("weight BETWEEN 100 AND 2500", List.of("m0", "m2", "m3")),
            Arguments.of("weight NOT BETWEEN 100 AND 2500", List.of("m1", "m4")),
            // IN
            Arguments.of("color IN ('red', 'green')", List.of("m0", "m2")),
            Arguments.of("color NOT IN ('red', 'green')", List.of("m1", "m4")),
            // LIKE
            Arguments.of("code LIKE 'A%'", List.of("m0")),
            Arguments.of("code LIKE '_\\_1' ESCAPE '\\'", List.of("m0", "m2")),
            Arguments.of("code LIKE '%!%%' ESCAPE '!'", List.of("m1")),
            Arguments.of("code NOT LIKE 'A%'", List.of("m1", "m2")),
            Arguments.of("color LIKE 'r_d'", List.of("m0")),
            Arguments.of("color LIKE 'r.d' OR color LIKE '[Rr]ed' OR color LIKE 're*'", List.of()),
            Arguments.of("description LIKE 'it''_'", List.of("m4")),
            // IS [NOT] NULL
            Arguments.of("color IS NULL", List.of("m3")),
            Arguments.of("color IS NOT NULL", List.of("m0", "m1", "m2", "m4")),
            Arguments.of("nonexistent IS NULL", List.of("m0", "m1", "m2", "m3", "m4")),
            // logic and boolean values
            Arguments.of("color = 'red' OR weight < 0", List.of("m0", "m4")),
            Arguments.of("flag AND weight = 2500", List.of("m0", "m3")),
            Arguments.of("NOT flag", List.of("m1")),
            Arguments.of("flag = TRUE", List.of("m0", "m3")),
            Arguments.of("flag = FALSE", List.of("m1")),
            Arguments.of("(color = 'blue' OR color = 'green') AND NOT weight > 2000", List.of("m2")),
            Arguments.of("color in ('red') and weight between 2000 and 3000", List.of("m0")),
            Arguments.of("description = 'it''s'", List.of("m4")),
            // header fields
            Arguments.of("JMSType = 'car'", List.of("m0", "m2")),
            Arguments.of("JMSType IS NULL", List.of("m3")),
            Arguments.of("JMSPriority > 4", List.of("m1", "m2")),
            Arguments.of("JMSPriority BETWEEN 0 AND 1", List.of("m0", "m4")),
            Arguments.of("JMSCorrelationID = 'c-2'", List.of("m2")),
            Arguments.of("JMSCorrelationID LIKE 'c-%'", List.of("m0", "m2")),
            Arguments.of("JMSCorrelationID IS NULL", List.of("m1", "m3", "m4")),
            Arguments.of("JMSDeliveryMode = 'PERSISTENT'", List.of("m0", "m2", "m3", "m4")),
            Arguments.of("JMSDeliveryMode = 'NON_PERSISTENT'", List.of("m1")),
            Arguments.of("JMSMessageID LIKE 'ID:%' AND JMSTimestamp > 0", List.of("m0", "m1", "m2", "m3", "m4")));
    }

    /** The delivery order of the queue: higher priority first, sending order within a priority. */
    private static List<String> inDeliveryOrder(List<String> labels) {
        List<Sample> samples = new ArrayList<>();
        for (Sample s : SAMPLES) {
            if (labels.contains(s.label())) {
                samples.add(s);
            }
        }
        samples.sort(Comparator.comparingInt(Sample::priority).reversed()); // stable: sending order within a priority
        return samples.stream().map(Sample::label).toList();
    }

    private static void sendSamples(Session session, Queue queue) throws JMSException {
        MessageProducer producer = session.createProducer(queue);
        for (Sample sample : SAMPLES) {
            TextMessage message = session.createTextMessage(sample.label());
            sample.dressing().apply(message);
            producer.send(message, sample.deliveryMode(), sample.priority(), 0);
        }
    }

    private static List<String> labels(List<Message> messages) throws JMSException {
        List<String> labels = new ArrayList<>();
        for (Message m : messages) {
            labels.add(((TextMessage) m).getText());
        }
        return labels;
    }

    @SuppressWarnings("unchecked")
    private static List<Message> browse(QueueBrowser browser) throws JMSException {
        return Collections.list((java.util.Enumeration<Message>) browser.getEnumeration());
    }

    /** Receives what the consumer has now: waits for {@code expected} messages, then checks nothing more is there. */
    private static List<Message> receiveAll(MessageConsumer consumer, int expected) throws JMSException {
        List<Message> received = new ArrayList<>();
        for (int i = 0; i < expected; i++) {
            Message m = consumer.receive(5000);
            if (m == null) {
                break;
            }
            received.add(m);
        }
        Message extra = consumer.receiveNoWait();
        if (extra != null) {
            received.add(extra);
        }
        return received;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("selectors")
    void aSelectingConsumerReceivesExactlyTheMatchingMessagesAndLeavesTheRestInOrder(String selector, List<String> matching)
            throws Exception {
        try (Connection connection = factory(REDIS, "").createConnection()) {
            Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            Queue queue = queue(session, "selector");
            sendSamples(session, queue);
            connection.start();

            MessageConsumer selecting = session.createConsumer(queue, selector);
            assertThat(selecting.getMessageSelector()).isEqualTo(selector);
            assertThat(labels(receiveAll(selecting, matching.size()))).as("selected by " + selector)
                .containsExactlyElementsOf(inDeliveryOrder(matching));
            selecting.close();

            List<String> rest = new ArrayList<>();
            for (Sample s : SAMPLES) {
                if (!matching.contains(s.label())) {
                    rest.add(s.label());
                }
            }
            MessageConsumer everything = session.createConsumer(queue);
            assertThat(labels(receiveAll(everything, rest.size()))).as("left on the queue")
                .containsExactlyElementsOf(inDeliveryOrder(rest));
        }
    }

    @Test
    void aSelectorOnJmsMessageIdSelectsThatMessage() throws Exception {
        try (Connection connection = factory(REDIS, "").createConnection()) {
            Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            Queue queue = queue(session, "by-id");
            MessageProducer producer = session.createProducer(queue);
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                TextMessage m = session.createTextMessage("m" + i);
                producer.send(m);
                ids.add(m.getJMSMessageID());
            }
            connection.start();
            MessageConsumer consumer = session.createConsumer(queue, "JMSMessageID = '" + ids.get(1) + "'");
            assertThat(labels(receiveAll(consumer, 1))).containsExactly("m1");
            assertThat(labels(receiveAll(session.createConsumer(queue), 2))).containsExactly("m0", "m2");
        }
    }

    @Test
    void aSelectorOnJmsTimestampSelectsTheLaterMessage() throws Exception {
        try (Connection connection = factory(REDIS, "").createConnection()) {
            Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            Queue queue = queue(session, "by-timestamp");
            MessageProducer producer = session.createProducer(queue);
            TextMessage early = session.createTextMessage("early");
            producer.send(early);
            awaitClockPast(early.getJMSTimestamp());
            TextMessage late = session.createTextMessage("late");
            producer.send(late);
            assertThat(late.getJMSTimestamp()).isGreaterThan(early.getJMSTimestamp());

            connection.start();
            MessageConsumer consumer = session.createConsumer(queue, "JMSTimestamp > " + early.getJMSTimestamp());
            assertThat(labels(receiveAll(consumer, 1))).containsExactly("late");
            MessageConsumer upTo = session.createConsumer(queue, "JMSTimestamp <= " + early.getJMSTimestamp());
            assertThat(labels(receiveAll(upTo, 1))).containsExactly("early");
        }
    }

    @Test
    void aSelectorOnJmsMessageIdFindsMessagesSentWithoutId() throws Exception {
        try (Connection connection = factory(REDIS, "").createConnection()) {
            Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            Queue queue = queue(session, "null-id");
            MessageProducer producer = session.createProducer(queue);
            producer.send(session.createTextMessage("with id"));
            producer.setDisableMessageID(true);
            producer.send(session.createTextMessage("without id"));
            connection.start();
            assertThat(labels(receiveAll(session.createConsumer(queue, "JMSMessageID IS NULL"), 1)))
                .containsExactly("without id");
            assertThat(labels(receiveAll(session.createConsumer(queue), 1))).containsExactly("with id");
        }
    }

    @Test
    void aMatchingMessageBehindMoreThanAThousandNonMatchingOnesIsReceived() throws Exception {
        int nonMatching = 1500;
        try (Connection connection = factory(REDIS, "").createConnection()) {
            Session session = connection.createSession(Session.SESSION_TRANSACTED);
            Queue queue = queue(session, "deep-selector");
            MessageProducer producer = session.createProducer(queue);
            for (int i = 0; i < nonMatching; i++) {
                TextMessage other = session.createTextMessage("other-" + i);
                other.setBooleanProperty("wanted", false);
                producer.send(other);
            }
            TextMessage wanted = session.createTextMessage("wanted");
            wanted.setBooleanProperty("wanted", true);
            producer.send(wanted);
            session.commit();

            connection.start();
            MessageConsumer selecting = session.createConsumer(queue, "wanted = TRUE");
            Message received = selecting.receive(10_000);
            assertThat(received).as("the one matching message, behind " + nonMatching + " others").isNotNull();
            assertThat(labels(List.of(received))).containsExactly("wanted");
            session.commit();
        }
    }

    /** Sends "poison" to a queue with maxDeliveries=1 and has it dead-lettered; returns the queue's name. */
    private static String deadLetterOneMessage(Connection connection) throws Exception {
        Session session = connection.createSession(Session.CLIENT_ACKNOWLEDGE);
        Queue queue = queue(session, "dead-letter-selector");
        session.createProducer(queue).send(session.createTextMessage("poison"));
        connection.start();
        MessageConsumer consumer = session.createConsumer(queue);
        assertThat(consumer.receive(5000)).isNotNull();
        session.recover(); // coming back would be a second delivery, beyond maxDeliveries: dead-lettered
        assertThat(consumer.receive(300)).isNull();
        session.close();
        return queue.getQueueName();
    }

    @Test
    void aSelectingConsumerOfADeadLetterQueueSeesTheDeadLetterProperties() throws Exception {
        try (Connection connection = factory(REDIS, "maxDeliveries=1").createConnection()) {
            String origin = deadLetterOneMessage(connection);
            Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            MessageConsumer dlq = session.createConsumer(session.createQueue(origin + ".DLQ"),
                "JMS_ReliqDeadLetterReason = 'maxDeliveries' AND JMS_ReliqDeadLetterOrigin = '" + origin + "'");
            Message dead = dlq.receive(5000);
            assertThat(dead).as("selected by its dead-letter properties").isNotNull();
            assertThat(labels(List.of(dead))).containsExactly("poison");
        }
    }

    @Test
    void aBrowserOfADeadLetterQueueShowsAndSelectsOnTheDeadLetterProperties() throws Exception {
        try (Connection connection = factory(REDIS, "maxDeliveries=1").createConnection()) {
            String origin = deadLetterOneMessage(connection);
            Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            Queue dlq = session.createQueue(origin + ".DLQ");
            List<Message> browsed = browse(session.createBrowser(dlq));
            assertThat(labels(browsed)).containsExactly("poison");
            assertThat(browsed.get(0).getStringProperty("JMS_ReliqDeadLetterReason")).isEqualTo("maxDeliveries");
            assertThat(labels(browse(session.createBrowser(dlq, "JMS_ReliqDeadLetterReason = 'maxDeliveries'"))))
                .containsExactly("poison");
        }
    }

    @Test
    void aSelectingJmsConsumerReceivesOnlyMatchingMessages() {
        try (JMSContext context = factory(REDIS, "").createContext()) {
            Queue queue = context.createQueue(uniqueName("selector-simplified"));
            for (int i = 0; i < 6; i++) {
                context.createProducer().setProperty("kind", i % 2 == 0 ? "even" : "odd").send(queue, "m" + i);
            }
            JMSConsumer odd = context.createConsumer(queue, "kind = 'odd'");
            assertThat(odd.getMessageSelector()).isEqualTo("kind = 'odd'");
            List<String> received = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                received.add(odd.receiveBody(String.class, 5000));
            }
            assertThat(received).containsExactly("m1", "m3", "m5");
            assertThat(odd.receiveNoWait()).isNull();
            odd.close();

            JMSConsumer all = context.createConsumer(queue);
            List<String> rest = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                rest.add(all.receiveBody(String.class, 5000));
            }
            assertThat(rest).containsExactly("m0", "m2", "m4");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void anEmptySelectorSelectsEveryMessage(String selector) throws Exception {
        try (Connection connection = factory(REDIS, "").createConnection()) {
            Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            Queue queue = queue(session, "empty-selector");
            sendSamples(session, queue);
            connection.start();
            assertThat(labels(receiveAll(session.createConsumer(queue, selector), 5)))
                .containsExactlyElementsOf(inDeliveryOrder(List.of("m0", "m1", "m2", "m3", "m4")));
        }
    }

    // ------------------------------------------------------------------ invalid selectors

    static Stream<String> invalidSelectors() {
        return Stream.of("color = ", "color == 'red'", "(weight > 1", "weight > 1)", "color IN ()", "AND",
            "color LIKE 5", "weight BETWEEN 1", "'unterminated = 1", "color = 'red' extra");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidSelectors")
    void anInvalidSelectorIsRefusedWhenTheConsumerOrBrowserIsCreated(String selector) throws Exception {
        try (Connection connection = factory(REDIS, "").createConnection()) {
            Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            Queue queue = queue(session, "invalid-selector");
            assertThatThrownBy(() -> session.createConsumer(queue, selector))
                .isInstanceOf(InvalidSelectorException.class).hasMessageContaining(selector);
            assertThatThrownBy(() -> session.createBrowser(queue, selector))
                .isInstanceOf(InvalidSelectorException.class).hasMessageContaining(selector);
            assertThat(session.createConsumer(queue).receiveNoWait()).as("the session is still usable").isNull();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidSelectors")
    void anInvalidSelectorIsRefusedByTheSimplifiedApiWithARuntimeException(String selector) {
        try (JMSContext context = factory(REDIS, "").createContext()) {
            Queue queue = context.createQueue(uniqueName("invalid-selector-simplified"));
            assertThatThrownBy(() -> context.createConsumer(queue, selector))
                .isInstanceOf(InvalidSelectorRuntimeException.class).hasMessageContaining(selector);
            assertThatThrownBy(() -> context.createBrowser(queue, selector))
                .isInstanceOf(InvalidSelectorRuntimeException.class).hasMessageContaining(selector);
        }
    }

    // ------------------------------------------------------------------ browsers

    @Test
    void aBrowserWithASelectorShowsOnlyMatchingMessagesAndTakesNothing() throws Exception {
        try (Connection connection = factory(REDIS, "").createConnection()) {
            Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            Queue queue = queue(session, "browse-selector");
            sendSamples(session, queue);

            QueueBrowser browser = session.createBrowser(queue, "weight >= 2500 AND JMSPriority < 5");
            assertThat(browser.getMessageSelector()).isEqualTo("weight >= 2500 AND JMSPriority < 5");
            assertThat(labels(browse(browser))).containsExactly("m3", "m0");
            browser.close();

            connection.start();
            assertThat(labels(receiveAll(session.createConsumer(queue), 5)))
                .as("browsing took nothing")
                .containsExactlyElementsOf(inDeliveryOrder(List.of("m0", "m1", "m2", "m3", "m4")));
        }
    }

    @Test
    void aBrowserOfTheSimplifiedApiWithASelectorShowsOnlyMatchingMessages() throws Exception {
        try (JMSContext context = factory(REDIS, "").createContext()) {
            Queue queue = context.createQueue(uniqueName("browse-selector-simplified"));
            for (int i = 0; i < 4; i++) {
                context.createProducer().setProperty("n", i).send(queue, "m" + i);
            }
            QueueBrowser browser = context.createBrowser(queue, "n BETWEEN 1 AND 2 OR n > 2");
            List<String> seen = new ArrayList<>();
            for (Message m : browse(browser)) {
                seen.add(m.getBody(String.class));
            }
            assertThat(seen).containsExactly("m1", "m2", "m3");
        }
    }
}
