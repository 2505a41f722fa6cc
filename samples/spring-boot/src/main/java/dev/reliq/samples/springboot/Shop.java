package dev.reliq.samples.springboot;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;

import org.springframework.jms.core.JmsTemplate;
import org.springframework.stereotype.Component;

/** The sending side: orders and quote requests to queues, prices to a topic, all with {@code JmsTemplate}. */
@Component
class Shop {

    private final JmsTemplate queues;
    private final JmsTemplate topics;

    /** @param queues Spring Boot's template, configured by {@code spring.jms.template.*} */
    Shop(JmsTemplate queues, ConnectionFactory connectionFactory) {
        this.queues = queues;
        this.topics = new JmsTemplate(connectionFactory);
        this.topics.setPubSubDomain(true);
    }

    void placeOrder(String order) {
        queues.convertAndSend(OrderProcessor.QUEUE, order);
    }

    /**
     * Sends the request with a temporary queue as its {@code JMSReplyTo} and waits for the reply
     * there, at most {@code spring.jms.template.receive-timeout}.
     */
    String requestQuote(String order) throws JMSException {
        Message reply = queues.sendAndReceive(QuoteDesk.QUEUE, session -> session.createTextMessage(order));
        if (reply == null) {
            throw new IllegalStateException("no quote for " + order + " within " + queues.getReceiveTimeout() + " ms");
        }
        return ((TextMessage) reply).getText();
    }

    void publishPrice(String price) {
        topics.convertAndSend(PriceBoard.TOPIC, price);
    }
}
