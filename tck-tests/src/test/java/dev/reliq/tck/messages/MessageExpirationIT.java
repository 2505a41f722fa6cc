package dev.reliq.tck.messages;

import static dev.reliq.tck.JmsTestSupport.awaitClockPast;
import static dev.reliq.tck.JmsTestSupport.factory;
import static dev.reliq.tck.JmsTestSupport.queue;
import static dev.reliq.tck.JmsTestSupport.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;

import dev.reliq.test.RedisServerExtension;

/**
 * Jakarta Messaging 3.1, section 3.4.9 and DESIGN.md section 4: a message whose time-to-live
 * passes before it is received is never delivered, to a receive, a selecting consumer, a
 * listener or a consumer that had already prefetched it, and browsers do not show it.
 */
class MessageExpirationIT {

    @RegisterExtension
    static final RedisServerExtension REDIS = RedisServerExtension.standalone();

    private static final long TTL = 300;
    /** Slack between the sender's clock, which sets JMSExpiration, and Redis's, which expires. */
    private static final long CLOCK_SLACK = 100;

    private static String text(Message message) throws JMSException {
        return ((TextMessage) message).getText();
    }

    /** Sends "expiring" with the short time-to-live between "before" and "after"; returns its JMSExpiration. */
    private static long sendAroundAnExpiringMessage(Session session, Queue queue) throws JMSException {
        MessageProducer producer = session.createProducer(queue);
        producer.send(session.createTextMessage("before"));
        TextMessage expiring = session.createTextMessage("expiring");
        expiring.setStringProperty("kind", "wanted");
        producer.send(expiring, DeliveryMode.PERSISTENT, 9, TTL);
        TextMessage after = session.createTextMessage("after");
        after.setStringProperty("kind", "wanted");
        producer.send(after);
        assertThat(expiring.getJMSExpiration()).isEqualTo(expiring.getJMSTimestamp() + TTL);
        return expiring.getJMSExpiration();
    }

    @Test
    void anExpiredMessageIsNeverReceived() throws Exception {
        try (Connection connection = factory(REDIS, "").createConnection()) {
            Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            Queue queue = queue(session, "expired-receive");
            awaitClockPast(sendAroundAnExpiringMessage(session, queue) + CLOCK_SLACK);

            connection.start();
            MessageConsumer consumer = session.createConsumer(queue);
            assertThat(text(consumer.receive(5000))).isEqualTo("before");
            assertThat(text(consumer.receive(5000))).isEqualTo("after");
            assertThat(consumer.receive(300)).isNull();
        }
    }

    @Test
    void anExpiredMessageIsNeverReceivedByASelectingConsumer() throws Exception {
        try (Connection connection = factory(REDIS, "").createConnection()) {
            Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            Queue queue = queue(session, "expired-selector");
            awaitClockPast(sendAroundAnExpiringMessage(session, queue) + CLOCK_SLACK);

            connection.start();
            MessageConsumer consumer = session.createConsumer(queue, "kind = 'wanted'");
            assertThat(text(consumer.receive(5000))).isEqualTo("after");
            assertThat(consumer.receive(300)).isNull();
        }
    }

    @Test
    void anExpiredMessageIsNeverReceivedWithTheSimplifiedApi() throws Exception {
        try (JMSContext context = factory(REDIS, "").createContext()) {
            Queue queue = context.createQueue(uniqueName("expired-simplified"));
            TextMessage expiring = context.createTextMessage("expiring");
            context.createProducer().setTimeToLive(TTL).send(queue, expiring);
            context.createProducer().send(queue, "lasting");
            assertThat(expiring.getJMSExpiration()).isEqualTo(expiring.getJMSTimestamp() + TTL);
            awaitClockPast(expiring.getJMSExpiration() + CLOCK_SLACK);

            JMSConsumer consumer = context.createConsumer(queue);
            assertThat(consumer.receiveBody(String.class, 5000)).isEqualTo("lasting");
            assertThat(consumer.receive(300)).isNull();
        }
    }

    @Test
    void anExpiredMessageIsNeverDeliveredToAListener() throws Exception {
        try (Connection connection = factory(REDIS, "").createConnection()) {
            Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            Queue queue = queue(session, "expired-listener");
            awaitClockPast(sendAroundAnExpiringMessage(session, queue) + CLOCK_SLACK);

            List<String> delivered = new CopyOnWriteArrayList<>();
            CountDownLatch two = new CountDownLatch(2);
            session.createConsumer(queue).setMessageListener(m -> {
                try {
                    delivered.add(text(m));
                } catch (JMSException e) {
                    throw new IllegalStateException(e);
                }
                two.countDown();
            });
            connection.start();
            assertThat(two.await(5, TimeUnit.SECONDS)).isTrue();
            connection.stop();
            assertThat(delivered).containsExactly("before", "after");
        }
    }

    @Test
    void aMessageThatExpiresWhilePrefetchedIsNotDelivered() throws Exception {
        try (Connection connection = factory(REDIS, "prefetch=10").createConnection()) {
            Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            Queue queue = queue(session, "expired-prefetched");
            MessageProducer producer = session.createProducer(queue);
            producer.send(session.createTextMessage("first"));
            TextMessage expiring = session.createTextMessage("expiring");
            producer.send(expiring, DeliveryMode.PERSISTENT, Message.DEFAULT_PRIORITY, 1000);
            producer.send(session.createTextMessage("last"));

            connection.start();
            MessageConsumer consumer = session.createConsumer(queue);
            assertThat(text(consumer.receive(5000))).isEqualTo("first"); // the other two are prefetched with it
            awaitClockPast(expiring.getJMSExpiration() + CLOCK_SLACK);
            assertThat(text(consumer.receive(5000))).as("the expired message is skipped").isEqualTo("last");
            assertThat(consumer.receive(300)).isNull();
        }
    }

    @Test
    void browsersDoNotShowExpiredMessages() throws Exception {
        try (Connection connection = factory(REDIS, "").createConnection();
                JMSContext context = factory(REDIS, "").createContext()) {
            Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            Queue queue = queue(session, "expired-browse");
            awaitClockPast(sendAroundAnExpiringMessage(session, queue) + CLOCK_SLACK);

            assertThat(browse(session.createBrowser(queue))).containsExactly("before", "after");
            assertThat(browse(session.createBrowser(queue, "kind = 'wanted'"))).containsExactly("after");
            assertThat(browse(context.createBrowser(queue))).containsExactly("before", "after");
        }
    }

    private static List<String> browse(QueueBrowser browser) throws JMSException {
        List<String> texts = new ArrayList<>();
        for (Object m : Collections.list(browser.getEnumeration())) {
            texts.add(text((Message) m));
        }
        browser.close();
        return texts;
    }
}
