package dev.reliq.tck;

import java.util.ArrayList;
import java.util.List;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;

/** Text messages in and out of queues, for the conformance tests of sessions, producers and consumers. */
public final class Texts {

    private Texts() {
    }

    /** The text of a TextMessage; null for a null message, so a missing message fails an equality assertion. */
    public static String text(Message message) throws JMSException {
        return message == null ? null : ((TextMessage) message).getText();
    }

    /** {@link #text}, for lambdas that may not throw JMSException. */
    public static String textOf(Message message) {
        try {
            return text(message);
        } catch (JMSException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The texts of messages, in order. */
    public static List<String> texts(List<? extends Message> messages) throws JMSException {
        List<String> bodies = new ArrayList<>(messages.size());
        for (Message m : messages) {
            bodies.add(text(m));
        }
        return bodies;
    }

    /** Sends one TextMessage per body, in order, with a new producer of the session. */
    public static void sendTexts(Session session, Queue queue, String... bodies) throws JMSException {
        MessageProducer producer = session.createProducer(queue);
        for (String body : bodies) {
            producer.send(session.createTextMessage(body));
        }
        producer.close();
    }

    /** Sends TextMessages from a connection of their own, so the test's sessions play no part in it. */
    public static void sendTexts(ConnectionFactory factory, Queue queue, String... bodies) throws JMSException {
        try (Connection connection = factory.createConnection()) {
            sendTexts(connection.createSession(Session.AUTO_ACKNOWLEDGE), queue, bodies);
        }
    }

    /**
     * Receives on a connection of its own, in AUTO_ACKNOWLEDGE mode, until {@code quietMillis}
     * pass without a message: what the queue still delivers to anybody, in order.
     */
    public static List<String> drainTexts(ConnectionFactory factory, Queue queue, long quietMillis) throws JMSException {
        List<String> bodies = new ArrayList<>();
        try (Connection connection = factory.createConnection()) {
            Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            MessageConsumer consumer = session.createConsumer(queue);
            connection.start();
            for (Message m = consumer.receive(quietMillis); m != null; m = consumer.receive(quietMillis)) {
                bodies.add(text(m));
            }
        }
        return bodies;
    }
}
