package dev.reliq.tck.messages;

import static dev.reliq.tck.JmsTestSupport.factory;
import static dev.reliq.tck.JmsTestSupport.queue;
import static dev.reliq.tck.JmsTestSupport.receive;
import static dev.reliq.tck.JmsTestSupport.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TextMessage;

import dev.reliq.test.RedisServerExtension;

/**
 * Jakarta Messaging 3.1, section 3.4: the header fields, as a sender sees them on its message
 * object after send and as a receiver sees them on the copy that went through Redis.
 */
class MessageHeadersIT {

    @RegisterExtension
    static final RedisServerExtension REDIS = RedisServerExtension.standalone();

    private static String text(Message message) throws JMSException {
        return ((TextMessage) message).getText();
    }

    // ------------------------------------------------------------------ JMSMessageID, JMSTimestamp, JMSDestination

    @Test
    void sendSetsTheHeadersOnTheSendersMessageAndTheReceivedCopyCarriesThem() throws Exception {
        try (Connection connection = factory(REDIS, "").createConnection()) {
            Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            Queue queue = queue(session, "headers");
            TextMessage sent = session.createTextMessage("hello");
            long before = System.currentTimeMillis();
            session.createProducer(queue).send(sent);
            long after = System.currentTimeMillis();

            assertThat(sent.getJMSMessageID()).startsWith("ID:");
            assertThat(sent.getJMSTimestamp()).isBetween(before, after);
            assertThat(sent.getJMSDestination()).isEqualTo(queue);
            assertThat(sent.getJMSDeliveryMode()).isEqualTo(DeliveryMode.PERSISTENT);
            assertThat(sent.getJMSPriority()).isEqualTo(Message.DEFAULT_PRIORITY);
            assertThat(sent.getJMSExpiration()).isZero();
            assertThat(sent.getJMSDeliveryTime()).isEqualTo(sent.getJMSTimestamp());

            connection.start();
            Message received = session.createConsumer(queue).receive(5000);
            assertThat(text(received)).isEqualTo("hello");
            assertThat(received.getJMSMessageID()).isEqualTo(sent.getJMSMessageID());
            assertThat(received.getJMSTimestamp()).isEqualTo(sent.getJMSTimestamp());
            assertThat(received.getJMSDestination()).isEqualTo(queue);
            assertThat(((Queue) received.getJMSDestination()).getQueueName()).isEqualTo(queue.getQueueName());
            assertThat(received.getJMSDeliveryMode()).isEqualTo(DeliveryMode.PERSISTENT);
            assertThat(received.getJMSPriority()).isEqualTo(Message.DEFAULT_PRIORITY);
            assertThat(received.getJMSExpiration()).isZero();
            assertThat(received.getJMSDeliveryTime()).isEqualTo(sent.getJMSDeliveryTime());
            assertThat(received.getJMSRedelivered()).isFalse();
            assertThat(received.getJMSCorrelationID()).isNull();
            assertThat(received.getJMSReplyTo()).isNull();
            assertThat(received.getJMSType()).isNull();
        }
    }

    @Test
    void jmsProducerSetsTheHeadersOnTheMessageItSends() throws Exception {
        try (JMSContext context = factory(REDIS, "").createContext()) {
            Queue queue = context.createQueue(uniqueName("headers-simplified"));
            TextMessage sent = context.createTextMessage("hello");
            long before = System.currentTimeMillis();
            context.createProducer().send(queue, sent);
            long after = System.currentTimeMillis();
            assertThat(sent.getJMSMessageID()).startsWith("ID:");
            assertThat(sent.getJMSTimestamp()).isBetween(before, after);
            assertThat(sent.getJMSDestination()).isEqualTo(queue);

            Message received = context.createConsumer(queue).receive(5000);
            assertThat(received.getBody(String.class)).isEqualTo("hello");
            assertThat(received.getJMSMessageID()).isEqualTo(sent.getJMSMessageID());
            assertThat(received.getJMSTimestamp()).isEqualTo(sent.getJMSTimestamp());
            assertThat(received.getJMSDestination()).isEqualTo(queue);
        }
    }

    @Test
    void aProducerWithoutDestinationSetsTheDestinationOfEachSend() throws Exception {
        try (Connection connection = factory(REDIS, "").createConnection()) {
            Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            Queue first = queue(session, "anonymous-a");
            Queue second = queue(session, "anonymous-b");
            MessageProducer anonymous = session.createProducer(null);
            TextMessage message = session.createTextMessage("one");
            anonymous.send(first, message);
            assertThat(message.getJMSDestination()).isEqualTo(first);
            anonymous.send(second, message);
            assertThat(message.getJMSDestination()).isEqualTo(second);

            connection.start();
            assertThat(session.createConsumer(first).receive(5000).getJMSDestination()).isEqualTo(first);
            assertThat(session.createConsumer(second).receive(5000).getJMSDestination()).isEqualTo(second);
        }
    }

    @Test
    void messageIdsAreUniqueAcrossMessagesAndConnections() throws Exception {
        ConnectionFactory factory = factory(REDIS, "");
        try (Connection one = factory.createConnection(); Connection two = factory.createConnection()) {
            Session s1 = one.createSession(Session.AUTO_ACKNOWLEDGE);
            Session s2 = two.createSession(Session.AUTO_ACKNOWLEDGE);
            Queue queue = queue(s1, "ids");
            MessageProducer p1 = s1.createProducer(queue);
            MessageProducer p2 = s2.createProducer(queue);
            Set<String> sentIds = new HashSet<>();
            for (int i = 0; i < 25; i++) {
                Message a = s1.createMessage();
                p1.send(a);
                Message b = s2.createMessage();
                p2.send(b);
                sentIds.add(a.getJMSMessageID());
                sentIds.add(b.getJMSMessageID());
            }
            assertThat(sentIds).hasSize(50).allMatch(id -> id.startsWith("ID:"));

            one.start();
            Set<String> receivedIds = new HashSet<>();
            for (Message m : receive(s1.createConsumer(queue), 50)) {
                receivedIds.add(m.getJMSMessageID());
            }
            assertThat(receivedIds).isEqualTo(sentIds);
        }
    }

    @Test
    void disabledMessageIdsAndTimestampsArriveAsNullAndZero() throws Exception {
        try (Connection connection = factory(REDIS, "").createConnection()) {
            Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            Queue queue = queue(session, "disabled-ids");
            MessageProducer producer = session.createProducer(queue);
            producer.setDisableMessageID(true);
            producer.setDisableMessageTimestamp(true);
            TextMessage sent = session.createTextMessage("anonymous");
            producer.send(sent);
            assertThat(sent.getJMSMessageID()).isNull();
            assertThat(sent.getJMSTimestamp()).isZero();

            connection.start();
            Message received = session.createConsumer(queue).receive(5000);
            assertThat(text(received)).isEqualTo("anonymous");
            assertThat(received.getJMSMessageID()).isNull();
            assertThat(received.getJMSTimestamp()).isZero();
        }
    }

    @Test
    void disabledMessageIdsAndTimestampsArriveAsNullAndZeroWithTheSimplifiedApi() throws Exception {
        try (JMSContext context = factory(REDIS, "").createContext()) {
            Queue queue = context.createQueue(uniqueName("disabled-ids-simplified"));
            context.createProducer().setDisableMessageID(true).setDisableMessageTimestamp(true).send(queue, "anonymous");
            Message received = context.createConsumer(queue).receive(5000);
            assertThat(received.getBody(String.class)).isEqualTo("anonymous");
            assertThat(received.getJMSMessageID()).isNull();
            assertThat(received.getJMSTimestamp()).isZero();
        }
    }

    // ------------------------------------------------------------------ JMSDeliveryMode, JMSExpiration, JMSDeliveryTime

    @Test
    void bothDeliveryModesRoundTrip() throws Exception {
        try (Connection connection = factory(REDIS, "").createConnection()) {
            Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            Queue queue = queue(session, "modes");
            MessageProducer producer = session.createProducer(queue);
            producer.setDeliveryMode(DeliveryMode.NON_PERSISTENT);
            TextMessage nonPersistent = session.createTextMessage("non-persistent");
            producer.send(nonPersistent);
            TextMessage persistent = session.createTextMessage("persistent");
            producer.send(persistent, DeliveryMode.PERSISTENT, Message.DEFAULT_PRIORITY, 0);
            assertThat(nonPersistent.getJMSDeliveryMode()).isEqualTo(DeliveryMode.NON_PERSISTENT);
            assertThat(persistent.getJMSDeliveryMode()).isEqualTo(DeliveryMode.PERSISTENT);

            connection.start();
            List<Message> received = receive(session.createConsumer(queue), 2);
            assertThat(text(received.get(0))).isEqualTo("non-persistent");
            assertThat(received.get(0).getJMSDeliveryMode()).isEqualTo(DeliveryMode.NON_PERSISTENT);
            assertThat(text(received.get(1))).isEqualTo("persistent");
            assertThat(received.get(1).getJMSDeliveryMode()).isEqualTo(DeliveryMode.PERSISTENT);
        }
        try (JMSContext context = factory(REDIS, "").createContext()) {
            Queue queue = context.createQueue(uniqueName("modes-simplified"));
            context.createProducer().setDeliveryMode(DeliveryMode.NON_PERSISTENT).send(queue, "non-persistent");
            context.createProducer().setDeliveryMode(DeliveryMode.PERSISTENT).send(queue, "persistent");
            JMSConsumer consumer = context.createConsumer(queue);
            assertThat(consumer.receive(5000).getJMSDeliveryMode()).isEqualTo(DeliveryMode.NON_PERSISTENT);
            assertThat(consumer.receive(5000).getJMSDeliveryMode()).isEqualTo(DeliveryMode.PERSISTENT);
        }
    }

    @Test
    void expirationIsZeroWithoutTimeToLiveAndTimestampPlusTimeToLiveWithIt() throws Exception {
        try (Connection connection = factory(REDIS, "").createConnection()) {
            Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            Queue queue = queue(session, "expiration");
            MessageProducer producer = session.createProducer(queue);
            TextMessage forever = session.createTextMessage("forever");
            producer.send(forever);
            producer.setTimeToLive(60_000);
            TextMessage aMinute = session.createTextMessage("a minute");
            producer.send(aMinute);
            TextMessage anHour = session.createTextMessage("an hour");
            producer.send(anHour, DeliveryMode.PERSISTENT, 4, 3_600_000);

            assertThat(forever.getJMSExpiration()).isZero();
            assertThat(aMinute.getJMSExpiration()).isEqualTo(aMinute.getJMSTimestamp() + 60_000);
            assertThat(anHour.getJMSExpiration()).isEqualTo(anHour.getJMSTimestamp() + 3_600_000);

            connection.start();
            List<Message> received = receive(session.createConsumer(queue), 3);
            assertThat(received.get(0).getJMSExpiration()).isZero();
            assertThat(received.get(1).getJMSExpiration()).isEqualTo(aMinute.getJMSExpiration());
            assertThat(received.get(2).getJMSExpiration()).isEqualTo(anHour.getJMSExpiration());
        }
        try (JMSContext context = factory(REDIS, "").createContext()) {
            Queue queue = context.createQueue(uniqueName("expiration-simplified"));
            TextMessage sent = context.createTextMessage("a minute");
            context.createProducer().setTimeToLive(60_000).send(queue, sent);
            assertThat(sent.getJMSExpiration()).isEqualTo(sent.getJMSTimestamp() + 60_000);
            assertThat(context.createConsumer(queue).receive(5000).getJMSExpiration()).isEqualTo(sent.getJMSExpiration());
        }
    }

    @Test
    void deliveryTimeIsTimestampPlusDelayAndTheMessageIsNotReceivedBeforeIt() throws Exception {
        try (Connection connection = factory(REDIS, "").createConnection()) {
            Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            Queue queue = queue(session, "delivery-delay");
            MessageProducer producer = session.createProducer(queue);
            producer.setDeliveryDelay(1500);
            TextMessage later = session.createTextMessage("later");
            producer.send(later);
            assertThat(later.getJMSDeliveryTime()).isEqualTo(later.getJMSTimestamp() + 1500);

            MessageConsumer consumer = session.createConsumer(queue);
            connection.start();
            assertThat(consumer.receiveNoWait()).as("not yet due").isNull();
            Message received = consumer.receive(10_000);
            long receivedAt = System.currentTimeMillis();
            assertThat(text(received)).isEqualTo("later");
            assertThat(receivedAt).as("received at or after JMSDeliveryTime")
                .isGreaterThanOrEqualTo(later.getJMSDeliveryTime());
            assertThat(received.getJMSDeliveryTime()).isEqualTo(later.getJMSDeliveryTime());
        }
    }

    @Test
    void deliveryDelayOfTheSimplifiedApiHoldsTheMessageBackUntilItsDeliveryTime() throws Exception {
        try (JMSContext context = factory(REDIS, "").createContext()) {
            Queue queue = context.createQueue(uniqueName("delivery-delay-simplified"));
            TextMessage later = context.createTextMessage("later");
            context.createProducer().setDeliveryDelay(1500).send(queue, later);
            context.createProducer().send(queue, "now");
            assertThat(later.getJMSDeliveryTime()).isEqualTo(later.getJMSTimestamp() + 1500);

            JMSConsumer consumer = context.createConsumer(queue);
            assertThat(consumer.receiveBody(String.class, 5000)).as("the undelayed message overtakes").isEqualTo("now");
            Message received = consumer.receive(10_000);
            long receivedAt = System.currentTimeMillis();
            assertThat(received.getBody(String.class)).isEqualTo("later");
            assertThat(receivedAt).isGreaterThanOrEqualTo(later.getJMSDeliveryTime());
            assertThat(received.getJMSDeliveryTime()).isEqualTo(later.getJMSDeliveryTime());
        }
    }

    // ------------------------------------------------------------------ JMSPriority

    @Test
    void everyPriorityFromZeroToNineRoundTrips() throws Exception {
        try (Connection connection = factory(REDIS, "").createConnection()) {
            Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            Queue queue = queue(session, "priorities");
            MessageProducer producer = session.createProducer(queue);
            for (int priority = 0; priority <= 9; priority++) {
                TextMessage m = session.createTextMessage(String.valueOf(priority));
                producer.send(m, DeliveryMode.PERSISTENT, priority, 0);
                assertThat(m.getJMSPriority()).isEqualTo(priority);
            }
            connection.start();
            for (Message m : receive(session.createConsumer(queue), 10)) {
                assertThat(m.getJMSPriority()).isEqualTo(Integer.parseInt(text(m)));
            }
        }
    }

    @Test
    void higherPriorityIsDeliveredFirstAndEqualPrioritiesInSendingOrder() throws Exception {
        int[] priorities = {1, 5, 9, 1, 5, 9, 0, 4, 4, 9};
        try (Connection connection = factory(REDIS, "").createConnection()) {
            Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            Queue queue = queue(session, "priority-order");
            MessageProducer producer = session.createProducer(queue);
            for (int i = 0; i < priorities.length; i++) {
                producer.setPriority(priorities[i]);
                producer.send(session.createTextMessage(priorities[i] + "-" + i));
            }
            connection.start();
            List<String> order = new ArrayList<>();
            for (Message m : receive(session.createConsumer(queue), priorities.length)) {
                order.add(text(m));
            }
            assertThat(order).containsExactly("9-2", "9-5", "9-9", "5-1", "5-4", "4-7", "4-8", "1-0", "1-3", "0-6");
        }
    }

    @Test
    void higherPriorityIsDeliveredFirstWithTheSimplifiedApi() {
        try (JMSContext context = factory(REDIS, "").createContext()) {
            Queue queue = context.createQueue(uniqueName("priority-order-simplified"));
            context.createProducer().setPriority(2).send(queue, "low-1");
            context.createProducer().setPriority(8).send(queue, "high-1");
            context.createProducer().send(queue, "default-1");
            context.createProducer().setPriority(2).send(queue, "low-2");
            context.createProducer().setPriority(8).send(queue, "high-2");
            JMSConsumer consumer = context.createConsumer(queue);
            List<String> order = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                order.add(consumer.receiveBody(String.class, 5000));
            }
            assertThat(order).containsExactly("high-1", "high-2", "default-1", "low-1", "low-2");
        }
    }

    @Test
    void sendOverridesHeaderValuesTheApplicationSetBeforehand() throws Exception {
        try (Connection connection = factory(REDIS, "").createConnection()) {
            Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            Queue queue = queue(session, "send-sets");
            Queue elsewhere = queue(session, "never-used");
            TextMessage message = session.createTextMessage("mine");
            message.setJMSMessageID("ID:chosen-by-the-application");
            message.setJMSTimestamp(1);
            message.setJMSPriority(9);
            message.setJMSDeliveryMode(DeliveryMode.NON_PERSISTENT);
            message.setJMSExpiration(2);
            message.setJMSDestination(elsewhere);
            message.setJMSRedelivered(true);
            session.createProducer(queue).send(message);

            connection.start();
            Message received = session.createConsumer(queue).receive(5000);
            assertThat(received.getJMSMessageID()).isNotEqualTo("ID:chosen-by-the-application").startsWith("ID:");
            assertThat(received.getJMSTimestamp()).isGreaterThan(1);
            assertThat(received.getJMSPriority()).isEqualTo(Message.DEFAULT_PRIORITY);
            assertThat(received.getJMSDeliveryMode()).isEqualTo(DeliveryMode.PERSISTENT);
            assertThat(received.getJMSExpiration()).isZero();
            assertThat(received.getJMSDestination()).isEqualTo(queue);
            assertThat(received.getJMSRedelivered()).as("set by the provider on delivery").isFalse();
        }
    }

    // ------------------------------------------------------------------ JMSCorrelationID, JMSReplyTo, JMSType

    @Test
    void correlationIdRoundTripsAsStringAndAsBytes() throws Exception {
        byte[] bytes = {0, 1, (byte) 0x80, (byte) 0xFF, 'x', (byte) 0xC3};
        try (Connection connection = factory(REDIS, "").createConnection()) {
            Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            Queue queue = queue(session, "correlation");
            MessageProducer producer = session.createProducer(queue);
            Message asString = session.createMessage();
            asString.setJMSCorrelationID("order-42 ünïcode");
            producer.send(asString);
            Message asBytes = session.createMessage();
            asBytes.setJMSCorrelationIDAsBytes(bytes);
            producer.send(asBytes);
            Message providerId = session.createMessage();
            providerId.setJMSCorrelationID(asString.getJMSMessageID());
            producer.send(providerId);

            connection.start();
            List<Message> received = receive(session.createConsumer(queue), 3);
            assertThat(received.get(0).getJMSCorrelationID()).isEqualTo("order-42 ünïcode");
            assertThat(received.get(1).getJMSCorrelationIDAsBytes()).isEqualTo(bytes);
            assertThat(received.get(2).getJMSCorrelationID()).isEqualTo(asString.getJMSMessageID());
        }
    }

    @Test
    void correlationIdTypeAndReplyToSetOnAJmsProducerArrive() throws Exception {
        byte[] bytes = {(byte) 0xFE, 0, 7};
        try (JMSContext context = factory(REDIS, "").createContext()) {
            Queue queue = context.createQueue(uniqueName("producer-headers"));
            Queue replies = context.createQueue(uniqueName("replies"));
            context.createProducer().setJMSCorrelationID("corr-1").setJMSType("order").setJMSReplyTo(replies)
                .send(queue, "first");
            context.createProducer().setJMSCorrelationIDAsBytes(bytes).send(queue, "second");
            JMSConsumer consumer = context.createConsumer(queue);
            Message first = consumer.receive(5000);
            assertThat(first.getJMSCorrelationID()).isEqualTo("corr-1");
            assertThat(first.getJMSType()).isEqualTo("order");
            assertThat(first.getJMSReplyTo()).isEqualTo(replies);
            assertThat(consumer.receive(5000).getJMSCorrelationIDAsBytes()).isEqualTo(bytes);
        }
    }

    @Test
    void replyToAQueueRoundTripsAndRepliesReachIt() throws Exception {
        try (Connection connection = factory(REDIS, "").createConnection()) {
            Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            Queue requests = queue(session, "requests");
            Queue replies = queue(session, "replies");
            Message request = session.createTextMessage("question");
            request.setJMSReplyTo(replies);
            session.createProducer(requests).send(request);

            connection.start();
            Message received = session.createConsumer(requests).receive(5000);
            assertThat(received.getJMSReplyTo()).isEqualTo(replies).isInstanceOf(Queue.class)
                .isNotInstanceOf(TemporaryQueue.class);
            assertThat(((Queue) received.getJMSReplyTo()).getQueueName()).isEqualTo(replies.getQueueName());
            Message reply = session.createTextMessage("answer");
            reply.setJMSCorrelationID(received.getJMSMessageID());
            session.createProducer(received.getJMSReplyTo()).send(reply);

            Message answer = session.createConsumer(replies).receive(5000);
            assertThat(text(answer)).isEqualTo("answer");
            assertThat(answer.getJMSCorrelationID()).isEqualTo(request.getJMSMessageID());
        }
    }

    @Test
    void aRequestCanBeAnsweredThroughTheTemporaryQueueInItsReplyTo() throws Exception {
        ConnectionFactory factory = factory(REDIS, "");
        try (Connection requester = factory.createConnection(); Connection responder = factory.createConnection()) {
            Session requesting = requester.createSession(Session.AUTO_ACKNOWLEDGE);
            Queue requests = queue(requesting, "temp-requests");
            TemporaryQueue replies = requesting.createTemporaryQueue();
            Message request = requesting.createTextMessage("what time is it?");
            request.setJMSReplyTo(replies);
            requesting.createProducer(requests).send(request);
            assertThat(request.getJMSReplyTo()).isEqualTo(replies);

            Session responding = responder.createSession(Session.AUTO_ACKNOWLEDGE);
            responder.start();
            Message received = responding.createConsumer(requests).receive(5000);
            assertThat(received.getJMSReplyTo()).isInstanceOf(TemporaryQueue.class).isEqualTo(replies);
            Message reply = responding.createTextMessage("noon");
            reply.setJMSCorrelationID(received.getJMSMessageID());
            responding.createProducer(null).send(received.getJMSReplyTo(), reply);

            requester.start();
            Message answer = requesting.createConsumer(replies).receive(5000);
            assertThat(text(answer)).isEqualTo("noon");
            assertThat(answer.getJMSCorrelationID()).isEqualTo(request.getJMSMessageID());
            assertThat(answer.getJMSDestination()).isEqualTo(replies);
        }
    }

    @Test
    void aRequestCanBeAnsweredThroughATemporaryQueueWithTheSimplifiedApi() throws Exception {
        ConnectionFactory factory = factory(REDIS, "");
        try (JMSContext requester = factory.createContext(); JMSContext responder = factory.createContext()) {
            Queue requests = requester.createQueue(uniqueName("temp-requests-simplified"));
            TemporaryQueue replies = requester.createTemporaryQueue();
            JMSConsumer replyConsumer = requester.createConsumer(replies);
            requester.createProducer().setJMSReplyTo(replies).send(requests, "ping");

            Message received = responder.createConsumer(requests).receive(5000);
            assertThat(received.getJMSReplyTo()).isEqualTo(replies);
            responder.createProducer().setJMSCorrelationID(received.getJMSMessageID())
                .send(received.getJMSReplyTo(), "pong");

            Message answer = replyConsumer.receive(5000);
            assertThat(answer.getBody(String.class)).isEqualTo("pong");
            assertThat(answer.getJMSCorrelationID()).isEqualTo(received.getJMSMessageID());
        }
    }

    @Test
    void typeRoundTrips() throws Exception {
        try (Connection connection = factory(REDIS, "").createConnection()) {
            Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            Queue queue = queue(session, "type");
            Message typed = session.createMessage();
            typed.setJMSType("com.example.OrderPlaced/v2 ✓");
            session.createProducer(queue).send(typed);
            connection.start();
            assertThat(session.createConsumer(queue).receive(5000).getJMSType()).isEqualTo("com.example.OrderPlaced/v2 ✓");
        }
    }

    // ------------------------------------------------------------------ JMSRedelivered

    @Test
    void redeliveredIsFalseOnTheFirstDeliveryAndTrueOnTheNext() throws Exception {
        try (Connection connection = factory(REDIS, "").createConnection()) {
            Session session = connection.createSession(Session.CLIENT_ACKNOWLEDGE);
            Queue queue = queue(session, "redelivered");
            session.createProducer(queue).send(session.createTextMessage("twice"));
            MessageConsumer consumer = session.createConsumer(queue);
            connection.start();
            Message first = consumer.receive(5000);
            assertThat(first.getJMSRedelivered()).isFalse();
            session.recover();
            Message second = consumer.receive(5000);
            assertThat(second.getJMSMessageID()).isEqualTo(first.getJMSMessageID());
            assertThat(second.getJMSRedelivered()).isTrue();
            second.acknowledge();
        }
    }

    // ------------------------------------------------------------------ sending again

    @Test
    void aSentMessageCanBeChangedAndSentAgainAsANewMessage() throws Exception {
        try (Connection connection = factory(REDIS, "").createConnection()) {
            Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            Queue queue = queue(session, "send-again");
            MessageProducer producer = session.createProducer(queue);
            TextMessage message = session.createTextMessage("first");
            message.setStringProperty("round", "one");
            producer.send(message);
            String firstId = message.getJMSMessageID();

            message.setText("second");
            message.setStringProperty("round", "two");
            message.setJMSType("changed");
            producer.send(message, DeliveryMode.NON_PERSISTENT, 3, 0);
            assertThat(message.getJMSMessageID()).isNotEqualTo(firstId);

            connection.start();
            List<Message> received = receive(session.createConsumer(queue), 2);
            assertThat(text(received.get(0))).isEqualTo("first");
            assertThat(received.get(0).getStringProperty("round")).isEqualTo("one");
            assertThat(received.get(0).getJMSType()).isNull();
            assertThat(received.get(0).getJMSMessageID()).isEqualTo(firstId);
            assertThat(text(received.get(1))).isEqualTo("second");
            assertThat(received.get(1).getStringProperty("round")).isEqualTo("two");
            assertThat(received.get(1).getJMSType()).isEqualTo("changed");
            assertThat(received.get(1).getJMSDeliveryMode()).isEqualTo(DeliveryMode.NON_PERSISTENT);
            assertThat(received.get(1).getJMSPriority()).isEqualTo(3);
            assertThat(received.get(1).getJMSMessageID()).isEqualTo(message.getJMSMessageID());
        }
    }
}
