package dev.reliq.tck.session;

import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.Session;
import jakarta.jms.TemporaryQueue;

import dev.reliq.jms.ReliqConnectionFactory;

/**
 * A process for {@link TemporaryQueueIT}: creates a temporary queue, sends a request that names it
 * in JMSReplyTo, says READY, and waits to be killed without closing anything.
 *
 * <p>Arguments: connection URI, name of the queue to send the request to.
 */
public final class TemporaryQueueOwner {

    private TemporaryQueueOwner() {
    }

    public static void main(String[] args) throws Exception {
        Connection connection = new ReliqConnectionFactory(args[0]).createConnection();
        Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
        TemporaryQueue replies = session.createTemporaryQueue();
        Message request = session.createTextMessage("reply to me");
        request.setJMSReplyTo(replies);
        session.createProducer(session.createQueue(args[1])).send(request);
        System.out.println("READY");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE); // the test kills this process: the connection is never closed
    }
}
