package dev.reliq.appserver.app;

import jakarta.annotation.Resource;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.MessageDrivenContext;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;

/**
 * A container-managed (REQUIRED) bean on queue it.work that does what each message's
 * {@code action} property says, and records every delivery through {@link Recorder} in a
 * transaction of its own, so that rolled-back deliveries are seen too. The Redis URL comes from
 * the deployment's ejb-jar.xml; queue attributes from the activation config below.
 */
@MessageDriven(name = "WorkMdb", activationConfig = {
    @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
    @ActivationConfigProperty(propertyName = "destination", propertyValue = Names.WORK),
    @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "4"),
    @ActivationConfigProperty(propertyName = "visibilityTimeout", propertyValue = "2s"),
    @ActivationConfigProperty(propertyName = "maxDeliveries", propertyValue = "3"),
    @ActivationConfigProperty(propertyName = "redeliveryDelay", propertyValue = "100ms"),
    @ActivationConfigProperty(propertyName = "setupInterval", propertyValue = "500ms"),
    // another adapter's property: accepted and ignored with a log line
    @ActivationConfigProperty(propertyName = "DLQMaxResent", propertyValue = "5"),
})
@org.jboss.ejb3.annotation.ResourceAdapter("reliq-ra.rar")
public class WorkMdb implements MessageListener {

    @Resource
    private MessageDrivenContext context;

    @EJB
    private Recorder recorder;

    @Resource(lookup = Names.CONNECTION_FACTORY)
    private ConnectionFactory connectionFactory;

    @Override
    public void onMessage(Message message) {
        try {
            String action = message.getStringProperty("action");
            String id = ((TextMessage) message).getText();
            recorder.record(message, "start");
            switch (action == null ? "ok" : action) {
                case "throw" -> throw new IllegalStateException("poison message " + id);
                case "rollback-only" -> context.setRollbackOnly();
                case "slow" -> {
                    Thread.sleep(message.getLongProperty("sleepMs"));
                    recorder.record(message, "end");
                }
                case "send" -> send(id);
                case "send-rollback" -> {
                    send(id);
                    context.setRollbackOnly();
                }
                default -> {
                }
            }
        } catch (JMSException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Sends to it.out through the pooled connection factory, in this delivery's transaction. */
    private void send(String id) throws JMSException {
        try (Connection connection = connectionFactory.createConnection()) {
            Session session = connection.createSession();
            session.createProducer(session.createQueue(Names.OUT)).send(session.createTextMessage("from-mdb:" + id));
        }
    }
}
