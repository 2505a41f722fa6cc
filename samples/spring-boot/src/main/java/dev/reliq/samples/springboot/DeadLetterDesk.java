package dev.reliq.samples.springboot;

import jakarta.jms.JMSException;
import jakarta.jms.Message;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jms.annotation.JmsListener;
import org.springframework.stereotype.Component;

/**
 * Reads the dead-letter queue of the orders. It is a queue like any other; reliq adds properties
 * to a dead letter that say why it was moved and from where.
 */
@Component
class DeadLetterDesk {

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterDesk.class);

    private final Journal journal;

    DeadLetterDesk(Journal journal) {
        this.journal = journal;
    }

    @JmsListener(destination = OrderProcessor.DEAD_LETTER_QUEUE)
    void deadLetter(String order, Message message) throws JMSException {
        journal.say(LOG, "%s holds %s: JMS_ReliqDeadLetterReason=%s, JMS_ReliqDeadLetterOrigin=%s, after %d deliveries",
            OrderProcessor.DEAD_LETTER_QUEUE, order, message.getStringProperty("JMS_ReliqDeadLetterReason"),
            message.getStringProperty("JMS_ReliqDeadLetterOrigin"),
            message.getIntProperty("JMS_ReliqDeadLetterDeliveries"));
    }
}
