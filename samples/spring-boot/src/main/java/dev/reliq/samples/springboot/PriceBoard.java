package dev.reliq.samples.springboot;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jms.annotation.JmsListener;
import org.springframework.stereotype.Component;

/**
 * Shows the prices published to the topic {@value #TOPIC}. Its subscription is non-durable: it
 * exists while the listener's consumer is open, and receives what is published from then on.
 */
@Component
class PriceBoard {

    static final String TOPIC = "prices";
    /** The id of its listener container, by which {@link Story} finds it. */
    static final String LISTENER_ID = "price-board";

    private static final Logger LOG = LoggerFactory.getLogger(PriceBoard.class);

    private final Journal journal;

    PriceBoard(Journal journal) {
        this.journal = journal;
    }

    @JmsListener(id = LISTENER_ID, destination = TOPIC, containerFactory = "topicListenerContainerFactory")
    void price(String price) {
        journal.say(LOG, "price board shows %s", price);
    }
}
