package dev.reliq.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.Topic;

/**
 * Topic fan-out through the plain jakarta.jms API, the same code for every provider: one
 * publisher sends 1 KiB BytesMessages to a topic as fast as the in-flight limit lets it, and
 * every subscription has one consumer, on a connection and an AUTO_ACKNOWLEDGE session of its
 * own, that {@code receive(timeout)}s in a loop and reads the body. The subscriptions exist
 * before the first publish, so every message is due to every one of them.
 */
final class JmsFanOut {

    private static final long RECEIVE_TIMEOUT_MILLIS = 100;
    private static final long JOIN_MILLIS = 30_000;
    private static final AtomicInteger RUNS = new AtomicInteger();

    private JmsFanOut() {
    }

    static FanOutThroughput run(JmsTarget target, TopicShape shape, Settings settings) throws Exception {
        String topicName = "bench-fanout-" + RUNS.incrementAndGet();
        FanOutSettings fanOut = settings.fanOut();
        Duration longest = fanOut.warmUp().plus(fanOut.measure()).plusSeconds(60);
        RunState state = new RunState(settings.inFlightLimit(), longest);
        Workers workers = new Workers(state);
        List<Connection> connections = new ArrayList<>();
        try {
            for (int i = 0; i < shape.subscriptions(); i++) {
                Connection connection = target.factory().createConnection();
                connections.add(connection);
                Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
                Topic topic = session.createTopic(topicName);
                MessageConsumer consumer = shape.sharedDurable()
                    ? session.createSharedDurableConsumer(topic, subscriptionName(topicName, i))
                    : session.createConsumer(topic);
                connection.start();
                workers.start("subscriber-" + i, () -> consume(consumer, state));
            }
            Connection connection = target.factory().createConnection();
            connections.add(connection);
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer producer = session.createProducer(session.createTopic(topicName));
            producer.setDeliveryMode(target.deliveryMode());
            workers.start("publisher", () -> publish(session, producer, shape.subscriptions(), state));

            FanOutThroughput measured = FanOutThroughput.measure(state, shape.subscriptions(), fanOut, target.redis());
            state.stop();
            workers.join(JOIN_MILLIS);
            if (state.failure() != null) {
                throw new IllegalStateException(target.column() + " fan-out " + shape + " failed: "
                    + state.failure(), state.failure());
            }
            return measured;
        } finally {
            state.stop();
            workers.join(JOIN_MILLIS);
            for (Connection connection : connections) {
                JmsThroughput.closeQuietly(connection);
            }
            if (shape.sharedDurable()) {
                unsubscribe(target, topicName, shape.subscriptions());
            }
        }
    }

    private static void publish(Session session, MessageProducer producer, int subscriptions, RunState state)
            throws JMSException {
        byte[] payload = Payloads.kib();
        while (state.awaitRoom()) {
            BytesMessage message = session.createBytesMessage();
            message.writeBytes(payload);
            producer.send(message);
            state.sent(subscriptions); // one delivery due to every subscription
        }
    }

    private static void consume(MessageConsumer consumer, RunState state) throws JMSException {
        while (state.running()) {
            Message message = consumer.receive(RECEIVE_TIMEOUT_MILLIS);
            if (message == null) {
                continue;
            }
            if (message.getBody(byte[].class).length != Payloads.SIZE) {
                throw new IllegalStateException("A message arrived with a body of the wrong size");
            }
            state.consumed(1);
        }
    }

    private static String subscriptionName(String topicName, int i) {
        return topicName + "-sub-" + i;
    }

    /** Durable subscriptions outlive their consumers: remove them, and what they still hold. */
    private static void unsubscribe(JmsTarget target, String topicName, int subscriptions) {
        Connection connection = null;
        try {
            connection = target.factory().createConnection();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            for (int i = 0; i < subscriptions; i++) {
                session.unsubscribe(subscriptionName(topicName, i));
            }
        } catch (JMSException | RuntimeException e) {
            System.err.println("Durable subscriptions of " + topicName + " not all removed: " + e);
        } finally {
            if (connection != null) {
                JmsThroughput.closeQuietly(connection);
            }
        }
    }
}
