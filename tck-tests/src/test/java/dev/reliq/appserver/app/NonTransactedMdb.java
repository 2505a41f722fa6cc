package dev.reliq.appserver.app;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;

/**
 * A bean delivered without a transaction ({@code NOT_SUPPORTED}) on queue it.nontx: the
 * adapter acknowledges when {@code onMessage} returns and gives the message back when it throws.
 */
@MessageDriven(name = "NonTransactedMdb", activationConfig = {
    @ActivationConfigProperty(propertyName = "destination", propertyValue = Names.NON_TRANSACTED),
    @ActivationConfigProperty(propertyName = "acknowledgeMode", propertyValue = "Auto-acknowledge"),
    @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "2"),
    @ActivationConfigProperty(propertyName = "maxDeliveries", propertyValue = "2"),
    @ActivationConfigProperty(propertyName = "redeliveryDelay", propertyValue = "100ms"),
})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
@org.jboss.ejb3.annotation.ResourceAdapter("reliq-ra.rar")
public class NonTransactedMdb implements MessageListener {

    @EJB
    private Recorder recorder;

    @Override
    public void onMessage(Message message) {
        try {
            recorder.record(message, "start");
            if ("throw".equals(message.getStringProperty("action"))) {
                throw new IllegalStateException("poison message " + ((TextMessage) message).getText());
            }
        } catch (JMSException e) {
            throw new IllegalStateException(e);
        }
    }
}
