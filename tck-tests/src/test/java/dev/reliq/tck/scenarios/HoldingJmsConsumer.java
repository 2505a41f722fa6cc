package dev.reliq.tck.scenarios;

import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;

import dev.reliq.jms.ReliqConnectionFactory;

/**
 * A JMS consumer process for {@link ClientAcknowledgeCrashIT}: receives messages in a
 * CLIENT_ACKNOWLEDGE session, reports each JMSMessageID, and never acknowledges; the test kills it.
 *
 * <p>Arguments: connection URI, queue name, number of messages.
 */
public final class HoldingJmsConsumer {

    private HoldingJmsConsumer() {
    }

    public static void main(String[] args) throws Exception {
        Connection connection = new ReliqConnectionFactory(args[0]).createConnection();
        Session session = connection.createSession(Session.CLIENT_ACKNOWLEDGE);
        MessageConsumer consumer = session.createConsumer(session.createQueue(args[1]));
        connection.start();
        int wanted = Integer.parseInt(args[2]);
        for (int i = 0; i < wanted; i++) {
            Message message = consumer.receive(30_000);
            if (message == null) {
                System.out.println("TIMEOUT");
                System.exit(2);
            }
            System.out.println("RECEIVED " + message.getJMSMessageID());
        }
        System.out.println("HOLDING");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE); // never acknowledges: the test kills this process
    }
}
