package dev.reliq.tck.messages;

import static dev.reliq.tck.JmsTestSupport.factory;
import static dev.reliq.tck.JmsTestSupport.queue;
import static dev.reliq.tck.JmsTestSupport.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSContext;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;
import jakarta.jms.ObjectMessage;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.StreamMessage;
import jakarta.jms.TextMessage;

import dev.reliq.tck.messages.OtherProviderMessages.MapBody;
import dev.reliq.tck.messages.OtherProviderMessages.ObjectBody;
import dev.reliq.tck.messages.OtherProviderMessages.OtherQueue;
import dev.reliq.tck.messages.OtherProviderMessages.Plain;
import dev.reliq.tck.messages.OtherProviderMessages.Text;
import dev.reliq.test.RedisServerExtension;

/**
 * Jakarta Messaging 3.1, section 3.12: a provider must send a message implemented by someone
 * else. Send sets the header fields on that message object, and the message arrives as reliq's
 * message of the same type, with its headers, properties and body.
 */
class ForeignMessagesIT {

    @RegisterExtension
    static final RedisServerExtension REDIS = RedisServerExtension.standalone();

    @Test
    void aForeignTextMessageIsSentWithItsHeadersSetAndArrivesAsATextMessage() throws Exception {
        try (Connection connection = factory(REDIS, "").createConnection()) {
            Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            Queue queue = queue(session, "foreign-text");
            Queue replies = queue(session, "foreign-replies");
            Text foreign = new Text("from elsewhere ✓");
            foreign.setStringProperty("origin", "other provider");
            foreign.setIntProperty("attempt", 2);
            foreign.setJMSType("greeting");
            foreign.setJMSCorrelationID("corr-9");
            foreign.setJMSReplyTo(replies);
            long before = System.currentTimeMillis();
            session.createProducer(queue).send(foreign, DeliveryMode.NON_PERSISTENT, 7, 60_000);

            assertThat(foreign.getJMSMessageID()).startsWith("ID:");
            assertThat(foreign.getJMSTimestamp()).isGreaterThanOrEqualTo(before);
            assertThat(((Queue) foreign.getJMSDestination()).getQueueName()).isEqualTo(queue.getQueueName());
            assertThat(foreign.getJMSDeliveryMode()).isEqualTo(DeliveryMode.NON_PERSISTENT);
            assertThat(foreign.getJMSPriority()).isEqualTo(7);
            assertThat(foreign.getJMSExpiration()).isEqualTo(foreign.getJMSTimestamp() + 60_000);

            connection.start();
            Message received = session.createConsumer(queue).receive(5000);
            assertThat(received).isInstanceOf(TextMessage.class);
            assertThat(((TextMessage) received).getText()).isEqualTo("from elsewhere ✓");
            assertThat(received.getStringProperty("origin")).isEqualTo("other provider");
            assertThat(received.getIntProperty("attempt")).isEqualTo(2);
            assertThat(received.getJMSMessageID()).isEqualTo(foreign.getJMSMessageID());
            assertThat(received.getJMSTimestamp()).isEqualTo(foreign.getJMSTimestamp());
            assertThat(received.getJMSType()).isEqualTo("greeting");
            assertThat(received.getJMSCorrelationID()).isEqualTo("corr-9");
            assertThat(received.getJMSReplyTo()).isEqualTo(replies);
            assertThat(received.getJMSDeliveryMode()).isEqualTo(DeliveryMode.NON_PERSISTENT);
            assertThat(received.getJMSPriority()).isEqualTo(7);
            assertThat(received.getJMSDestination()).isEqualTo(queue);
        }
    }

    @Test
    void foreignMapObjectAndPlainMessagesArriveAsTheMatchingReliqTypes() throws Exception {
        String allowList = "objectMessageAllowList=dev.reliq.tck.messages.**";
        try (Connection connection = factory(REDIS, allowList).createConnection()) {
            Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            Queue queue = queue(session, "foreign-types");
            MessageProducer producer = session.createProducer(queue);
            MapBody map = new MapBody();
            map.setString("s", "value");
            map.setInt("i", 5);
            map.setBytes("b", new byte[] {1, 2});
            map.setChar("c", 'q');
            producer.send(map);
            producer.send(new ObjectBody(Parcel.sample()));
            Plain plain = new Plain();
            plain.setBooleanProperty("bare", true);
            plain.setJMSCorrelationIDAsBytes(new byte[] {(byte) 0xCA, (byte) 0xFE});
            producer.send(plain);
            for (Message sent : new Message[] {map, plain}) {
                assertThat(sent.getJMSMessageID()).startsWith("ID:");
            }

            connection.start();
            var consumer = session.createConsumer(queue);
            Message first = consumer.receive(5000);
            assertThat(first).isInstanceOf(MapMessage.class);
            MapMessage receivedMap = (MapMessage) first;
            assertThat(receivedMap.getString("s")).isEqualTo("value");
            assertThat(receivedMap.getInt("i")).isEqualTo(5);
            assertThat(receivedMap.getBytes("b")).containsExactly(1, 2);
            assertThat(receivedMap.getChar("c")).isEqualTo('q');

            Message second = consumer.receive(5000);
            assertThat(second).isInstanceOf(ObjectMessage.class);
            assertThat(((ObjectMessage) second).getObject()).isEqualTo(Parcel.sample());

            Message third = consumer.receive(5000);
            assertThat(third).isNotInstanceOfAny(TextMessage.class, BytesMessage.class, MapMessage.class,
                StreamMessage.class, ObjectMessage.class);
            assertThat(third.getBooleanProperty("bare")).isTrue();
            assertThat(third.getJMSCorrelationIDAsBytes()).containsExactly(0xCA, 0xFE);
        }
    }

    @Test
    void aForeignQueueCanBeTheDestinationAndTheReplyTo() throws Exception {
        try (Connection connection = factory(REDIS, "").createConnection()) {
            Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            OtherQueue target = new OtherQueue(uniqueName("foreign-destination"));
            OtherQueue replies = new OtherQueue(uniqueName("foreign-reply-to"));
            TextMessage message = session.createTextMessage("to a foreign queue");
            message.setJMSReplyTo(replies);
            session.createProducer(null).send(target, message);
            session.createProducer(target).send(session.createTextMessage("through a producer for it"));

            connection.start();
            var consumer = session.createConsumer(session.createQueue(target.name()));
            Message received = consumer.receive(5000);
            assertThat(((TextMessage) received).getText()).isEqualTo("to a foreign queue");
            assertThat(((Queue) received.getJMSReplyTo()).getQueueName()).isEqualTo(replies.name());
            assertThat(((Queue) received.getJMSDestination()).getQueueName()).isEqualTo(target.name());
            assertThat(((TextMessage) consumer.receive(5000)).getText()).isEqualTo("through a producer for it");
        }
    }

    @Test
    void aJmsProducerSendsAForeignMessageAndSetsItsHeaders() throws Exception {
        try (JMSContext context = factory(REDIS, "").createContext()) {
            Queue queue = context.createQueue(uniqueName("foreign-simplified"));
            Text foreign = new Text("simplified");
            context.createProducer().setProperty("added", "by the producer").setPriority(2).send(queue, foreign);
            assertThat(foreign.getJMSMessageID()).startsWith("ID:");
            assertThat(foreign.getJMSPriority()).isEqualTo(2);

            Message received = context.createConsumer(queue).receive(5000);
            assertThat(received.getBody(String.class)).isEqualTo("simplified");
            assertThat(received.getStringProperty("added")).isEqualTo("by the producer");
            assertThat(received.getJMSMessageID()).isEqualTo(foreign.getJMSMessageID());
            assertThat(received.getJMSPriority()).isEqualTo(2);
        }
    }
}
