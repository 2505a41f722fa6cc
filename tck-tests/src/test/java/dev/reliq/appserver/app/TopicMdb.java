package dev.reliq.appserver.app;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/**
 * A bean on topic it.topic with a durable subscription ("it-topic-audit" of client ID
 * "it-app"): its two sessions share it, and it keeps collecting messages while the bean is
 * undeployed. Records each delivery as phase "durable".
 */
@MessageDriven(name = "TopicMdb", activationConfig = {
    @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Topic"),
    @ActivationConfigProperty(propertyName = "destination", propertyValue = Names.TOPIC),
    @ActivationConfigProperty(propertyName = "subscriptionDurability", propertyValue = "Durable"),
    @ActivationConfigProperty(propertyName = "subscriptionName", propertyValue = Names.TOPIC_SUBSCRIPTION),
    @ActivationConfigProperty(propertyName = "clientId", propertyValue = Names.TOPIC_CLIENT_ID),
    @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "2"),
    @ActivationConfigProperty(propertyName = "maxDeliveries", propertyValue = "3"),
})
@org.jboss.ejb3.annotation.ResourceAdapter("reliq-ra.rar")
public class TopicMdb implements MessageListener {

    @EJB
    private Recorder recorder;

    @Override
    public void onMessage(Message message) {
        try {
            recorder.record(message, "durable");
        } catch (JMSException e) {
            throw new IllegalStateException(e);
        }
    }
}
