package dev.reliq.appserver.app;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/**
 * A bean on topic it.topic with a non-durable subscription and no subscriptionName: the adapter
 * makes one subscription for the activation, shared by its two sessions, which ends when the
 * bean is undeployed. Records each delivery as phase "non-durable".
 */
@MessageDriven(name = "NonDurableTopicMdb", activationConfig = {
    @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Topic"),
    @ActivationConfigProperty(propertyName = "destination", propertyValue = Names.TOPIC),
    @ActivationConfigProperty(propertyName = "subscriptionDurability", propertyValue = "NonDurable"),
    @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "2"),
})
@org.jboss.ejb3.annotation.ResourceAdapter("reliq-ra.rar")
public class NonDurableTopicMdb implements MessageListener {

    @EJB
    private Recorder recorder;

    @Override
    public void onMessage(Message message) {
        try {
            recorder.record(message, "non-durable");
        } catch (JMSException e) {
            throw new IllegalStateException(e);
        }
    }
}
