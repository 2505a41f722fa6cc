package dev.reliq.tck.topic;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;

import dev.reliq.tck.JmsTestSupport;

/** Text messages published to topics, for the conformance tests of subscriptions. */
final class TopicTexts {

    /** The property that the selectors of the topic tests look at. */
    static final String COLOUR = "colour";

    private TopicTexts() {
    }

    /** A topic no other test uses. */
    /** A connection with the given client ID, set right after it was created. */
    static Connection connect(ConnectionFactory factory, String clientId) throws JMSException {
        Connection connection = factory.createConnection();
        connection.setClientID(clientId);
        return connection;
    }

    static Topic topic(Session session, String hint) throws JMSException {
        return session.createTopic(JmsTestSupport.uniqueName(hint));
    }

    /** Publishes one TextMessage per body, in order, with a new producer of the session. */
    static void publishTexts(Session session, Topic topic, String... bodies) throws JMSException {
        MessageProducer producer = session.createProducer(topic);
        for (String body : bodies) {
            producer.send(session.createTextMessage(body));
        }
        producer.close();
    }

    /**
     * Publishes from a connection of its own, so the test's connections play no part in it (and
     * noLocal does not apply). The factory must not configure a client ID that a live connection uses.
     */
    static void publishTexts(ConnectionFactory factory, Topic topic, String... bodies) throws JMSException {
        try (Connection connection = factory.createConnection()) {
            publishTexts(connection.createSession(Session.AUTO_ACKNOWLEDGE), topic, bodies);
        }
    }

    /**
     * Publishes TextMessages from a connection of their own, each with the property {@value #COLOUR}
     * set to its body up to the first '-': {@code "red-1"} is red.
     */
    static void publishColoured(ConnectionFactory factory, Topic topic, String... bodies) throws JMSException {
        try (Connection connection = factory.createConnection()) {
            Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            MessageProducer producer = session.createProducer(topic);
            for (String body : bodies) {
                TextMessage message = session.createTextMessage(body);
                message.setStringProperty(COLOUR, body.substring(0, body.indexOf('-')));
                producer.send(message);
            }
        }
    }
}
