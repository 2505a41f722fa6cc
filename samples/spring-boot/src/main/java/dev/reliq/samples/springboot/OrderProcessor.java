package dev.reliq.samples.springboot;

import jakarta.jms.JMSException;
import jakarta.jms.Message;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jms.annotation.JmsListener;
import org.springframework.stereotype.Component;

/**
 * Processes the orders of the queue {@value #QUEUE}, one at a time, each in a transaction of its
 * own (Spring Boot's default). An order it cannot process is a poison order: it throws, the
 * transaction rolls back, and reliq delivers the order again, until the queue's
 * {@code maxDeliveries} moves it to {@value #DEAD_LETTER_QUEUE}.
 */
@Component
class OrderProcessor {

    static final String QUEUE = "orders";
    static final String DEAD_LETTER_QUEUE = QUEUE + ".DLQ";

    private static final Logger LOG = LoggerFactory.getLogger(OrderProcessor.class);

    private final Journal journal;

    OrderProcessor(Journal journal) {
        this.journal = journal;
    }

    @JmsListener(destination = QUEUE)
    void process(String order, Message message) throws JMSException {
        int delivery = message.getIntProperty("JMSXDeliveryCount");
        if (order.contains("poison")) {
            journal.say(LOG, "received %s (JMSXDeliveryCount=%d) and cannot process it", order, delivery);
            throw new IllegalStateException(order + " is not a valid order");
        }
        journal.say(LOG, "processed %s (JMSXDeliveryCount=%d)", order, delivery);
    }
}
