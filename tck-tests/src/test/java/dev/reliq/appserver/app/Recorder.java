package dev.reliq.appserver.app;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;

/**
 * Tells the tests what a bean saw: one message on it.seen per call, in a transaction of its own
 * (so it survives the caller's rollback), through the pooled connection factory.
 */
@Stateless
public class Recorder {

    @Resource(lookup = Names.CONNECTION_FACTORY)
    private ConnectionFactory connectionFactory;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void record(Message seen, String phase) throws JMSException {
        try (Connection connection = connectionFactory.createConnection()) {
            Session session = connection.createSession();
            TextMessage record = session.createTextMessage(((TextMessage) seen).getText());
            record.setStringProperty("phase", phase);
            record.setIntProperty("deliveryCount", seen.getIntProperty("JMSXDeliveryCount"));
            record.setBooleanProperty("redelivered", seen.getJMSRedelivered());
            record.setLongProperty("at", System.currentTimeMillis());
            record.setStringProperty("thread", Thread.currentThread().getName());
            session.createProducer(session.createQueue(Names.SEEN)).send(record);
        }
    }
}
