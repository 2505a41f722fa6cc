package dev.reliq.samples.mdb;

import java.util.logging.Logger;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;

/**
 * Processes the orders on the queue {@code orders}, fed by reliq-ra.rar.
 *
 * <p>The bean's transaction is container-managed, so the adapter acknowledges an order when
 * {@code onMessage} returns and gives it back when it throws: an order whose text contains
 * "poison" is tried {@code maxDeliveries} (3) times, then reliq moves it to {@code orders.DLQ}
 * with the reason {@code maxDeliveries}. The queue attributes below are written to the queue in
 * Redis when the bean starts.
 *
 * <p>Which Redis: the {@code url} activation property, set in {@code WEB-INF/jboss-ejb3.xml}
 * from the system property {@code reliq.url} on WildFly (which binds the bean to the adapter
 * there too), or the adapter's own {@code url} where none is set (GlassFish).
 */
@MessageDriven(name = "OrderMdb", activationConfig = {
    @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
    @ActivationConfigProperty(propertyName = "destination", propertyValue = "orders"),
    @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "2"),
    @ActivationConfigProperty(propertyName = "visibilityTimeout", propertyValue = "30s"),
    @ActivationConfigProperty(propertyName = "maxDeliveries", propertyValue = "3"),
})
public class OrderMdb implements MessageListener {

    private static final Logger LOG = Logger.getLogger(OrderMdb.class.getName());

    @Inject
    private OrderLog orderLog;

    @Override
    public void onMessage(Message message) {
        try {
            String order = ((TextMessage) message).getText();
            int delivery = message.getIntProperty("JMSXDeliveryCount");
            orderLog.attempted(order);
            LOG.info(() -> "order " + order + ", delivery " + delivery);
            if (order.contains("poison")) {
                // not acknowledged: reliq delivers it again, and after the third delivery dead-letters it
                throw new IllegalArgumentException("cannot process order " + order + " (delivery " + delivery + ")");
            }
            orderLog.processed(order);
        } catch (JMSException e) {
            throw new IllegalStateException(e);
        }
    }
}
