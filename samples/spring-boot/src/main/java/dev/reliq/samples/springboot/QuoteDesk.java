package dev.reliq.samples.springboot;

import jakarta.jms.Destination;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jms.annotation.JmsListener;
import org.springframework.jms.support.JmsHeaders;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.stereotype.Component;

/**
 * Answers requests for a quote on the queue {@value #QUEUE}. What the listener returns is sent to
 * the request's {@code JMSReplyTo}: for {@code JmsTemplate.sendAndReceive}, a temporary queue.
 */
@Component
class QuoteDesk {

    static final String QUEUE = "quotes";

    private static final Logger LOG = LoggerFactory.getLogger(QuoteDesk.class);

    private final Journal journal;

    QuoteDesk(Journal journal) {
        this.journal = journal;
    }

    @JmsListener(destination = QUEUE)
    String quote(String order, @Header(JmsHeaders.REPLY_TO) Destination replyTo) {
        String quote = "quote for " + order + ": 42.00 EUR";
        journal.say(LOG, "quoting %s, the reply goes to JMSReplyTo %s", order, replyTo);
        return quote;
    }
}
