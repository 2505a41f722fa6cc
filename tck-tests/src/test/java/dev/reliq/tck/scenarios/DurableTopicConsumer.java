package dev.reliq.tck.scenarios;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;

import dev.reliq.jms.ReliqConnectionFactory;

/**
 * A durable-subscription consumer process for {@link DurableSubscriberCrashIT}. It consumes the
 * subscription in a CLIENT_ACKNOWLEDGE session, acknowledging each message on its own, and reports
 * on stdout:
 *
 * <pre>
 *   READY                      the consumer is created and its connection started
 *   RECEIVED &lt;index&gt; &lt;redelivered&gt;  a message reached the application (printed before it is acknowledged)
 *   ACKED &lt;index&gt;               that message's acknowledgement returned
 *   CLOSED                     stdin ended, and the connection was closed
 * </pre>
 *
 * A RECEIVED line is written before the acknowledgement, so a message acknowledged just before a
 * SIGKILL is never missing from the output. The client ID comes with the URI; while a killed
 * predecessor's lease on it has not lapsed yet, connecting is refused, and this process retries.
 *
 * <p>Arguments: connection URI (with clientID), topic name, subscription name.
 */
public final class DurableTopicConsumer {

    private DurableTopicConsumer() {
    }

    public static void main(String[] args) throws Exception {
        String uri = args[0];
        String topic = args[1];
        String subscription = args[2];
        AtomicReference<Connection> connection = new AtomicReference<>();
        AtomicReference<MessageConsumer> consumer = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofMillis(250)).until(() -> {
            Connection c = null;
            try {
                c = new ReliqConnectionFactory(uri).createConnection();
                Session session = c.createSession(Session.CLIENT_ACKNOWLEDGE);
                consumer.set(session.createDurableConsumer(session.createTopic(topic), subscription));
                connection.set(c);
                return true;
            } catch (JMSException e) {
                // the predecessor's client ID (and with it the subscription) is held until its lease lapses
                System.err.println("not subscribed yet: " + e);
                if (c != null) {
                    c.close();
                }
                return false;
            }
        });
        Thread stdin = new Thread(DurableTopicConsumer::awaitEndOfInput, "stdin");
        stdin.setDaemon(true);
        stdin.start();
        connection.get().start();
        System.out.println("READY");
        while (stdin.isAlive()) {
            Message message = consumer.get().receive(200);
            if (message == null) {
                continue;
            }
            int index = message.getIntProperty("index");
            System.out.println("RECEIVED " + index + " " + message.getJMSRedelivered());
            message.acknowledge();
            System.out.println("ACKED " + index);
        }
        connection.get().close();
        System.out.println("CLOSED");
        System.exit(0);
    }

    /** The test closes this process's stdin to stop it; so does the test JVM's death. */
    private static void awaitEndOfInput() {
        try {
            while (System.in.read() >= 0) {
                // nothing is ever sent; only the end matters
            }
        } catch (IOException e) {
            // a broken stdin also means the test is gone
        }
    }
}
