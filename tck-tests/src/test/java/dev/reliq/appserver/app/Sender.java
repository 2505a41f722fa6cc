package dev.reliq.appserver.app;

import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Queue;
import jakarta.jms.Session;

/** A container-managed (REQUIRED) bean that sends through the injected factory, then commits or rolls back. */
@Stateless
public class Sender {

    @Resource
    private SessionContext context;

    @Resource(lookup = Names.CONNECTION_FACTORY)
    private ConnectionFactory connectionFactory;

    @Resource(lookup = Names.OUT_QUEUE_LOOKUP)
    private Queue outQueue;

    /** The same with the simplified API: a JMSContext from the pooled factory. */
    public void sendWithContext(String queue, String text, boolean rollback) {
        try (JMSContext context = connectionFactory.createContext()) {
            context.createProducer().send(context.createQueue(queue), text);
        }
        if (rollback) {
            context.setRollbackOnly();
        }
    }

    public void send(String queue, String text, boolean rollback) throws JMSException {
        try (Connection connection = connectionFactory.createConnection()) {
            Session session = connection.createSession();
            // "admin" means the administered Queue object bound in the application's namespace
            Queue target = "admin".equals(queue) ? outQueue : session.createQueue(queue);
            session.createProducer(target).send(session.createTextMessage(text));
        }
        if (rollback) {
            context.setRollbackOnly();
        }
    }
}
