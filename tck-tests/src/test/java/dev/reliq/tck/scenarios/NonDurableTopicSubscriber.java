package dev.reliq.tck.scenarios;

import jakarta.jms.Connection;
import jakarta.jms.Session;

import dev.reliq.jms.ReliqConnectionFactory;

/**
 * A process for {@link NonDurableSubscriberLeaseIT} that holds a plain non-durable topic
 * subscriber: it subscribes, starts its connection, prints READY, and then waits, never closing
 * anything; the test kills it. It exits by itself only when its stdin ends (the test JVM died).
 *
 * <p>Arguments: connection URI, topic name.
 */
public final class NonDurableTopicSubscriber {

    private NonDurableTopicSubscriber() {
    }

    public static void main(String[] args) throws Exception {
        Connection connection = new ReliqConnectionFactory(args[0]).createConnection();
        Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
        session.createConsumer(session.createTopic(args[1]));
        connection.start();
        System.out.println("READY");
        System.out.flush();
        while (System.in.read() >= 0) {
            // nothing is ever sent; the test kills this process while it waits here
        }
        System.exit(0);
    }
}
