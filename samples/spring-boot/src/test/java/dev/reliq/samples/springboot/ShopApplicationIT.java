package dev.reliq.samples.springboot;

import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jms.config.JmsListenerEndpointRegistry;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.reliq.test.RedisServerExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Boots the application against the Redis of the test fixture: its story runs at start-up, and
 * the tests check what its log shows, then use the shop once more themselves.
 */
@SpringBootTest
@DirtiesContext
class ShopApplicationIT {

    @RegisterExtension
    static final RedisServerExtension REDIS = RedisServerExtension.standalone();

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Autowired
    private Journal journal;

    @Autowired
    private Shop shop;

    @DynamicPropertySource
    static void redis(DynamicPropertyRegistry properties) {
        properties.add("reliq.url", () -> REDIS.uri() + (REDIS.uri().contains("?") ? "&" : "?")
            + "keyPrefix=" + REDIS.keyPrefix());
    }

    /**
     * Stops the listener containers, and closes their connections, while Redis still runs: the
     * fixture stops Redis before Spring closes the application, and the listeners would then log
     * that Redis is unreachable until they are stopped.
     */
    @AfterAll
    static void stopListeners(@Autowired JmsListenerEndpointRegistry listeners) {
        listeners.destroy();
    }

    @Test
    void ordersSentWithJmsTemplateAreProcessedByTheListener() {
        assertThat(journal.lines()).contains(
            "processed order-1 (JMSXDeliveryCount=1)",
            "processed order-2 (JMSXDeliveryCount=1)",
            "processed order-3 (JMSXDeliveryCount=1)");

        shop.placeOrder("order-5");
        await().atMost(WAIT).until(journal::lines, lines -> lines.contains("processed order-5 (JMSXDeliveryCount=1)"));
    }

    @Test
    void sendAndReceiveGetsTheQuoteDesksReply() throws Exception {
        assertThat(journal.lines()).contains("the reply: quote for order-2: 42.00 EUR");

        assertThat(shop.requestQuote("order-6")).isEqualTo("quote for order-6: 42.00 EUR");
    }

    @Test
    void poisonOrderIsDeliveredMaxDeliveriesTimesThenDeadLetteredWithTheReason() {
        await().atMost(WAIT).until(journal::lines, lines -> lines.stream().anyMatch(l -> l.startsWith("orders.DLQ holds")));
        assertThat(journal.lines().stream().filter(line -> line.contains("order-4 (poison)")))
            .containsExactly(
                "sending order-4 (poison)",
                "received order-4 (poison) (JMSXDeliveryCount=1) and cannot process it",
                "received order-4 (poison) (JMSXDeliveryCount=2) and cannot process it",
                "received order-4 (poison) (JMSXDeliveryCount=3) and cannot process it",
                "orders.DLQ holds order-4 (poison): JMS_ReliqDeadLetterReason=maxDeliveries, "
                    + "JMS_ReliqDeadLetterOrigin=orders, after 3 deliveries");
    }

    @Test
    void topicListenerGetsThePublishedPrices() {
        assertThat(journal.lines()).containsSubsequence(
            "publishing EUR/USD 1.0842",
            "publishing GBP/USD 1.2650");
        assertThat(journal.lines()).contains(
            "price board shows EUR/USD 1.0842",
            "price board shows GBP/USD 1.2650");

        shop.publishPrice("USD/JPY 151.20");
        await().atMost(WAIT).until(journal::lines, lines -> lines.contains("price board shows USD/JPY 151.20"));
    }
}
