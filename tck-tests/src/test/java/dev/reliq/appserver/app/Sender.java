package dev.reliq.appserver.app;

import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Session;

/** A container-managed (REQUIRED) bean that sends through the injected factory, then commits or rolls back. */
@Stateless
public class Sender {

    @Resource
    private SessionContext context;

    @Resource(lookup = Names.CONNECTION_FACTORY)
    private ConnectionFactory connectionFactory;

    public void send(String queue, String text, boolean rollback) throws JMSException {
        try (Connection connection = connectionFactory.createConnection()) {
            Session session = connection.createSession();
            session.createProducer(session.createQueue(queue)).send(session.createTextMessage(text));
        }
        if (rollback) {
            context.setRollbackOnly();
        }
    }
}
