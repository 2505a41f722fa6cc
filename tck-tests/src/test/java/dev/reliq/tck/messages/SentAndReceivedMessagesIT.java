package dev.reliq.tck.messages;

import static dev.reliq.tck.JmsTestSupport.factory;
import static dev.reliq.tck.JmsTestSupport.queue;
import static dev.reliq.tck.JmsTestSupport.receive;
import static dev.reliq.tck.JmsTestSupport.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageEOFException;
import jakarta.jms.MessageProducer;
import jakarta.jms.ObjectMessage;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.StreamMessage;
import jakarta.jms.TextMessage;

import dev.reliq.test.RedisServerExtension;

/**
 * Jakarta Messaging 3.1, section 3.9 (a sent message may be changed without changing what was
 * sent) and 3.10 (a received message's header fields may be changed, its properties and body
 * after clearProperties and clearBody, and it may be sent again).
 */
class SentAndReceivedMessagesIT {

    @RegisterExtension
    static final RedisServerExtension REDIS = RedisServerExtension.standalone();

    private static String text(Message message) throws Exception {
        return ((TextMessage) message).getText();
    }

    // ------------------------------------------------------------------ 3.9

    @Test
    void changingAMessageAfterSendDoesNotChangeWhatWasSent() throws Exception {
        try (Connection connection = factory(REDIS, "").createConnection()) {
            Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            Queue queue = queue(session, "changed-after-send");
            MessageProducer producer = session.createProducer(queue);

            TextMessage text = session.createTextMessage("as sent");
            text.setStringProperty("state", "as sent");
            producer.send(text);
            text.setText("changed");
            text.setStringProperty("state", "changed");
            text.setJMSCorrelationID("changed");

            MapMessage map = session.createMapMessage();
            map.setString("entry", "as sent");
            producer.send(map);
            map.setString("entry", "changed");
            map.setInt("added", 1);

            BytesMessage bytes = session.createBytesMessage();
            bytes.writeInt(1);
            producer.send(bytes);
            bytes.writeInt(2);

            StreamMessage stream = session.createStreamMessage();
            stream.writeString("as sent");
            producer.send(stream);
            stream.writeString("added");

            connection.start();
            List<Message> received = receive(session.createConsumer(queue), 4);
            assertThat(text(received.get(0))).isEqualTo("as sent");
            assertThat(received.get(0).getStringProperty("state")).isEqualTo("as sent");
            assertThat(received.get(0).getJMSCorrelationID()).isNull();
            MapMessage receivedMap = (MapMessage) received.get(1);
            assertThat(receivedMap.getString("entry")).isEqualTo("as sent");
            assertThat(receivedMap.itemExists("added")).isFalse();
            assertThat(((BytesMessage) received.get(2)).getBodyLength()).isEqualTo(4);
            StreamMessage receivedStream = (StreamMessage) received.get(3);
            assertThat(receivedStream.readString()).isEqualTo("as sent");
            assertThatThrownBy(receivedStream::readObject).isInstanceOf(MessageEOFException.class);
        }
    }

    @Test
    void oneMessageObjectCanBeSentManyTimesEachTimeAsANewMessage() throws Exception {
        try (JMSContext context = factory(REDIS, "").createContext()) {
            Queue queue = context.createQueue(uniqueName("sent-many-times"));
            TextMessage message = context.createTextMessage();
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                message.setText("copy " + i);
                context.createProducer().send(queue, message);
                ids.add(message.getJMSMessageID());
            }
            assertThat(ids).doesNotHaveDuplicates();
            JMSConsumer consumer = context.createConsumer(queue);
            for (int i = 0; i < 3; i++) {
                Message m = consumer.receive(5000);
                assertThat(m.getBody(String.class)).isEqualTo("copy " + i);
                assertThat(m.getJMSMessageID()).isEqualTo(ids.get(i));
            }
        }
    }

    // ------------------------------------------------------------------ 3.10

    @Test
    void theHeadersOfAReceivedMessageCanBeChanged() throws Exception {
        try (Connection connection = factory(REDIS, "").createConnection()) {
            Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            Queue queue = queue(session, "received-headers");
            Queue replies = queue(session, "received-headers-replies");
            session.createProducer(queue).send(session.createTextMessage("x"));
            connection.start();
            Message m = session.createConsumer(queue).receive(5000);
            m.setJMSCorrelationID("changed");
            m.setJMSType("changed");
            m.setJMSReplyTo(replies);
            m.setJMSPriority(8);
            assertThat(m.getJMSCorrelationID()).isEqualTo("changed");
            assertThat(m.getJMSType()).isEqualTo("changed");
            assertThat(m.getJMSReplyTo()).isEqualTo(replies);
            assertThat(m.getJMSPriority()).isEqualTo(8);
        }
    }

    @Test
    void aReceivedMessageForwardedUnchangedArrivesWithItsBodyAndPropertiesAsANewMessage() throws Exception {
        try (Connection connection = factory(REDIS, "").createConnection()) {
            Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            Queue in = queue(session, "forward-in");
            Queue out = queue(session, "forward-out");
            TextMessage original = session.createTextMessage("payload");
            original.setStringProperty("origin", "first hop");
            original.setJMSType("order");
            session.createProducer(in).send(original);
            connection.start();

            Message received = session.createConsumer(in).receive(5000);
            session.createProducer(out).send(received);
            assertThat(received.getJMSDestination()).isEqualTo(out);
            assertThat(received.getJMSMessageID()).isNotEqualTo(original.getJMSMessageID());

            Message forwarded = session.createConsumer(out).receive(5000);
            assertThat(text(forwarded)).isEqualTo("payload");
            assertThat(forwarded.getStringProperty("origin")).isEqualTo("first hop");
            assertThat(forwarded.getJMSType()).isEqualTo("order");
            assertThat(forwarded.getJMSDestination()).isEqualTo(out);
            assertThat(forwarded.getJMSMessageID()).isEqualTo(received.getJMSMessageID());
            assertThat(forwarded.getJMSRedelivered()).isFalse();
            assertThat(forwarded.getIntProperty("JMSXDeliveryCount")).isEqualTo(1);
        }
    }

    @Test
    void aReceivedMessageWithANewBodyAndNewPropertiesCanBeSentAgain() throws Exception {
        try (Connection connection = factory(REDIS, "").createConnection()) {
            Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            Queue in = queue(session, "resend-in");
            Queue out = queue(session, "resend-out");
            TextMessage original = session.createTextMessage("question");
            original.setStringProperty("step", "asked");
            original.setIntProperty("dropped", 1);
            session.createProducer(in).send(original);
            connection.start();

            TextMessage received = (TextMessage) session.createConsumer(in).receive(5000);
            received.clearBody();
            received.setText("answer");
            received.clearProperties();
            received.setStringProperty("step", "answered");
            session.createProducer(out).send(received, DeliveryMode.NON_PERSISTENT, 6, 0);

            Message resent = session.createConsumer(out).receive(5000);
            assertThat(text(resent)).isEqualTo("answer");
            assertThat(resent.getStringProperty("step")).isEqualTo("answered");
            assertThat(resent.propertyExists("dropped")).isFalse();
            assertThat(resent.getJMSDeliveryMode()).isEqualTo(DeliveryMode.NON_PERSISTENT);
            assertThat(resent.getJMSPriority()).isEqualTo(6);
            assertThat(Collections.list(resent.getPropertyNames())).containsExactlyInAnyOrder("step", "JMSXDeliveryCount");
        }
    }

    @Test
    void receivedMessagesOfEveryBodyTypeCanBeForwardedEvenWhenPartlyRead() throws Exception {
        try (Connection connection = factory(REDIS, "").createConnection()) {
            Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            Queue in = queue(session, "forward-bodies-in");
            Queue out = queue(session, "forward-bodies-out");
            MessageProducer toIn = session.createProducer(in);
            BytesMessage bytes = session.createBytesMessage();
            bytes.writeInt(1);
            bytes.writeInt(2);
            toIn.send(bytes);
            StreamMessage stream = session.createStreamMessage();
            stream.writeString("one");
            stream.writeString("two");
            toIn.send(stream);
            MapMessage map = session.createMapMessage();
            map.setInt("n", 3);
            toIn.send(map);
            toIn.send(session.createObjectMessage(4L));
            toIn.send(session.createMessage());
            connection.start();

            MessageConsumer fromIn = session.createConsumer(in);
            MessageProducer toOut = session.createProducer(out);
            BytesMessage receivedBytes = (BytesMessage) fromIn.receive(5000);
            assertThat(receivedBytes.readInt()).isEqualTo(1);
            toOut.send(receivedBytes);
            StreamMessage receivedStream = (StreamMessage) fromIn.receive(5000);
            assertThat(receivedStream.readString()).isEqualTo("one");
            toOut.send(receivedStream);
            for (int i = 0; i < 3; i++) {
                toOut.send(fromIn.receive(5000));
            }

            List<Message> forwarded = receive(session.createConsumer(out), 5);
            BytesMessage b = (BytesMessage) forwarded.get(0);
            assertThat(b.getBodyLength()).as("the whole body, not what was left to read").isEqualTo(8);
            assertThat(b.readInt()).isEqualTo(1);
            assertThat(b.readInt()).isEqualTo(2);
            StreamMessage s = (StreamMessage) forwarded.get(1);
            assertThat(s.readString()).isEqualTo("one");
            assertThat(s.readString()).isEqualTo("two");
            assertThat(((MapMessage) forwarded.get(2)).getInt("n")).isEqualTo(3);
            assertThat(((ObjectMessage) forwarded.get(3)).getObject()).isEqualTo(4L);
            assertThat(forwarded.get(4)).isNotInstanceOfAny(TextMessage.class, BytesMessage.class, MapMessage.class,
                StreamMessage.class, ObjectMessage.class);
        }
    }

    @Test
    void aReceivedMessageCanBeForwardedWithTheSimplifiedApi() throws Exception {
        try (JMSContext context = factory(REDIS, "").createContext()) {
            Queue in = context.createQueue(uniqueName("forward-simplified-in"));
            Queue out = context.createQueue(uniqueName("forward-simplified-out"));
            context.createProducer().setProperty("hop", 1).send(in, "hello");
            Message received = context.createConsumer(in).receive(5000);
            context.createProducer().setJMSType("forwarded").send(out, received);

            Message forwarded = context.createConsumer(out).receive(5000);
            assertThat(forwarded.getBody(String.class)).isEqualTo("hello");
            assertThat(forwarded.getIntProperty("hop")).isEqualTo(1);
            assertThat(forwarded.getJMSType()).isEqualTo("forwarded");
        }
    }
}
