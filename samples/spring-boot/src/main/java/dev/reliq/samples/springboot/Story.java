package dev.reliq.samples.springboot;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jms.config.JmsListenerEndpointRegistry;
import org.springframework.jms.listener.DefaultMessageListenerContainer;
import org.springframework.stereotype.Component;

/**
 * Runs once the listeners have started: sends orders, asks for a quote, sends a poison order and
 * publishes prices, and waits each time until the listeners have done their part, so the log
 * reads as one story.
 */
@Component
class Story implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(Story.class);
    /** The longest the story waits for a listener: far more than any step needs. */
    private static final Duration WAIT = Duration.ofSeconds(20);

    private final Shop shop;
    private final Journal journal;
    private final JmsListenerEndpointRegistry listeners;

    Story(Shop shop, Journal journal, JmsListenerEndpointRegistry listeners) {
        this.shop = shop;
        this.journal = journal;
        this.listeners = listeners;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        section("1. JmsTemplate sends orders to the queue 'orders'; a @JmsListener processes them");
        for (String order : new String[] {"order-1", "order-2", "order-3"}) {
            journal.say(LOG, "sending %s", order);
            shop.placeOrder(order);
        }
        journal.awaitStartingWith("processed order-3", WAIT);

        section("2. Request/reply: JmsTemplate.sendAndReceive waits on a temporary queue for the answer");
        journal.say(LOG, "asking the quote desk for a quote for order-2");
        journal.say(LOG, "the reply: %s", shop.requestQuote("order-2"));

        section("3. A poison order: the listener throws, reliq redelivers it, then moves it to orders.DLQ");
        journal.say(LOG, "sending order-4 (poison)");
        shop.placeOrder("order-4 (poison)");
        journal.awaitStartingWith(OrderProcessor.DEAD_LETTER_QUEUE + " holds order-4 (poison)", WAIT);

        section("4. A topic: prices published to 'prices' reach the price board's subscription");
        awaitSubscribed(PriceBoard.LISTENER_ID);
        for (String price : new String[] {"EUR/USD 1.0842", "GBP/USD 1.2650"}) {
            journal.say(LOG, "publishing %s", price);
            shop.publishPrice(price);
        }
        journal.awaitStartingWith("price board shows GBP/USD 1.2650", WAIT);

        section("The story is told.");
    }

    /**
     * A topic delivers a message to the subscriptions that exist when it is published, and a
     * listener container creates its consumer, and so its subscription, on a thread of its own
     * after the application has started. Publishing before then would reach nobody.
     */
    private void awaitSubscribed(String listenerId) throws InterruptedException {
        DefaultMessageListenerContainer container =
            (DefaultMessageListenerContainer) listeners.getListenerContainer(listenerId);
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!container.isRegisteredWithDestination()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the listener " + listenerId + " did not subscribe within " + WAIT);
            }
            Thread.sleep(10);
        }
    }

    private void section(String title) {
        LOG.info("");
        journal.say(LOG, "%s", title);
    }
}
