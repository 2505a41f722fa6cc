package dev.reliq.appserver;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;

import dev.reliq.jms.ReliqConnectionFactory;

/**
 * What every application-server test class has on the test JVM's side: a plain reliq
 * connection factory for the suite's Redis, and the records the beans in the server leave.
 */
abstract class AppServerTest {

    static ReliqConnectionFactory factory;
    static Seen seen;

    @BeforeAll
    static void connect() throws JMSException {
        factory = new ReliqConnectionFactory(AppServerRedis.uri());
        seen = new Seen(factory);
    }

    /** Sends {@code count} text messages "prefix-i" in one transaction; returns their texts. */
    static List<String> sendBatch(String queue, String prefix, int count) throws JMSException {
        List<String> ids = new ArrayList<>();
        try (Connection connection = factory.createConnection()) {
            Session session = connection.createSession(Session.SESSION_TRANSACTED);
            MessageProducer producer = session.createProducer(session.createQueue(queue));
            for (int i = 0; i < count; i++) {
                String id = prefix + "-" + i;
                producer.send(session.createTextMessage(id));
                ids.add(id);
            }
            session.commit();
        }
        return ids;
    }

    @AfterAll
    static void disconnect() throws JMSException {
        if (seen != null) {
            seen.close();
        }
    }
}
