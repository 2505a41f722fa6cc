package dev.reliq.appserver.app;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/** A bean on queue it.drain, deployed and undeployed while messages flow; each takes 50 ms. */
@MessageDriven(name = "DrainMdb", activationConfig = {
    @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
    @ActivationConfigProperty(propertyName = "destination", propertyValue = Names.DRAIN),
    @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "4"),
    @ActivationConfigProperty(propertyName = "prefetch", propertyValue = "4"),
})
@org.jboss.ejb3.annotation.ResourceAdapter("reliq-ra.rar")
public class DrainMdb implements MessageListener {

    @EJB
    private Recorder recorder;

    @Override
    public void onMessage(Message message) {
        try {
            recorder.record(message, "drained");
            Thread.sleep(50);
        } catch (JMSException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
