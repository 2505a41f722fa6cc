package dev.reliq.tck.scenarios;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;

import dev.reliq.jms.ReliqConnectionFactory;

/**
 * The child JVM of {@link CommitRecordCrashIT}: in one transacted session it consumes an order
 * and sends a result to each of two queues. Its Redis user may not write the second queue, so
 * the commit stops after the first queue's send, as if the process had died at that point; it
 * then halts without closing anything. Prints {@code half-committed <order>} before halting.
 *
 * <p>Arguments: the Redis URI, the input queue, the two output queues.
 */
public final class HalfCommitter {

    private HalfCommitter() {
    }

    public static void main(String[] args) throws Exception {
        Connection connection = new ReliqConnectionFactory(args[0]).createConnection();
        Session session = connection.createSession(Session.SESSION_TRANSACTED);
        connection.start();
        Message order = session.createConsumer(session.createQueue(args[1])).receive(10_000);
        if (order == null) {
            System.out.println("no order");
            Runtime.getRuntime().halt(2);
        }
        String text = ((TextMessage) order).getText();
        session.createProducer(session.createQueue(args[2])).send(session.createTextMessage("invoice for " + text));
        session.createProducer(session.createQueue(args[3])).send(session.createTextMessage("shipment for " + text));
        try {
            session.commit();
            System.out.println("committed " + text);
        } catch (JMSException e) {
            System.out.println("half-committed " + text);
        }
        System.out.flush();
        Runtime.getRuntime().halt(3);
    }
}
