package dev.reliq.tck.consumer;

import static dev.reliq.tck.JmsTestSupport.factory;
import static dev.reliq.tck.JmsTestSupport.queue;
import static dev.reliq.tck.Texts.drainTexts;
import static dev.reliq.tck.Texts.sendTexts;
import static dev.reliq.tck.Texts.text;
import static dev.reliq.tck.Texts.textOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageListener;
import jakarta.jms.Queue;
import jakarta.jms.Session;

import dev.reliq.test.RedisServerExtension;

/**
 * Asynchronous delivery (Jakarta Messaging 3.1 chapter 8, MessageConsumer javadoc): a listener
 * gets every message in order; a replaced listener gets no more, and none at all once set to null;
 * a listener may close its own consumer, and its onMessage then completes normally.
 */
class MessageListenerIT {

    @RegisterExtension
    static final RedisServerExtension REDIS = RedisServerExtension.standalone();

    private static final Duration QUIET = Duration.ofMillis(700);

    @Test
    void aListenerGetsEveryMessageInOrder() throws Exception {
        try (Connection connection = factory(REDIS, "prefetch=3").createConnection()) {
            Session session = connection.createSession();
            Queue queue = queue(session, "listener-order");
            String[] bodies = new String[20];
            for (int i = 0; i < bodies.length; i++) {
                bodies[i] = "m" + i;
            }
            sendTexts(session, queue, bodies);
            List<String> heard = new CopyOnWriteArrayList<>();
            MessageConsumer consumer = session.createConsumer(queue);
            MessageListener listener = m -> heard.add(textOf(m));
            consumer.setMessageListener(listener);
            assertThat(consumer.getMessageListener()).isSameAs(listener);
            connection.start();
            await().atMost(Duration.ofSeconds(10)).until(() -> heard.size() == bodies.length);
            assertThat(heard).containsExactly(bodies);
        }
    }

    @Test
    void settingTheListenerToNullStopsDelivery() throws Exception {
        ConnectionFactory factory = factory(REDIS, "");
        try (Connection connection = factory.createConnection()) {
            Session session = connection.createSession();
            Queue queue = queue(session, "listener-null");
            List<String> heard = new CopyOnWriteArrayList<>();
            MessageConsumer consumer = session.createConsumer(queue);
            consumer.setMessageListener(m -> heard.add(textOf(m)));
            connection.start();
            sendTexts(factory, queue, "before");
            await().atMost(Duration.ofSeconds(10)).until(() -> heard.contains("before"));

            consumer.setMessageListener(null);
            assertThat(consumer.getMessageListener()).isNull();
            sendTexts(factory, queue, "after");
            await().during(QUIET).atMost(QUIET.multipliedBy(3)).until(() -> heard.size() == 1);
            assertThat(text(consumer.receive(5000))).as("the message waits for a receive").isEqualTo("after");
        }
    }

    @Test
    void aReplacedListenerGetsNoMoreMessages() throws Exception {
        ConnectionFactory factory = factory(REDIS, "");
        try (Connection connection = factory.createConnection()) {
            Session session = connection.createSession();
            Queue queue = queue(session, "listener-replaced");
            List<String> first = new CopyOnWriteArrayList<>();
            List<String> second = new CopyOnWriteArrayList<>();
            MessageConsumer consumer = session.createConsumer(queue);
            consumer.setMessageListener(m -> first.add(textOf(m)));
            connection.start();
            sendTexts(factory, queue, "one");
            await().atMost(Duration.ofSeconds(10)).until(() -> first.contains("one"));

            consumer.setMessageListener(m -> second.add(textOf(m)));
            sendTexts(factory, queue, "two", "three");
            await().atMost(Duration.ofSeconds(10)).until(() -> second.size() == 2);
            assertThat(first).containsExactly("one");
            assertThat(second).containsExactly("two", "three");
        }
    }

    @Test
    void closingAConsumerWaitsForItsRunningListener() throws Exception {
        ConnectionFactory factory = factory(REDIS, "");
        try (Connection connection = factory.createConnection()) {
            Session session = connection.createSession();
            Queue queue = queue(session, "consumer-close-waits");
            CountDownLatch inOnMessage = new CountDownLatch(1);
            CountDownLatch mayFinish = new CountDownLatch(1);
            List<String> events = new CopyOnWriteArrayList<>();
            MessageConsumer consumer = session.createConsumer(queue);
            consumer.setMessageListener(m -> {
                inOnMessage.countDown();
                try {
                    mayFinish.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                events.add("onMessage returned");
            });
            connection.start();
            sendTexts(factory, queue, "slow");
            assertThat(inOnMessage.await(10, TimeUnit.SECONDS)).isTrue();

            CompletableFuture<Void> closing = CompletableFuture.runAsync(() -> {
                try {
                    consumer.close();
                    events.add("close returned");
                } catch (JMSException e) {
                    throw new RuntimeException(e);
                }
            });
            await().during(QUIET).atMost(QUIET.multipliedBy(3)).until(() -> !closing.isDone());
            mayFinish.countDown();
            closing.get(10, TimeUnit.SECONDS);
            assertThat(events).containsExactly("onMessage returned", "close returned");
        }
    }

    @Test
    void aListenerMayCloseItsOwnConsumer() throws Exception {
        ConnectionFactory factory = factory(REDIS, "prefetch=10");
        Queue queue;
        List<Object> heard = new CopyOnWriteArrayList<>();
        try (Connection connection = factory.createConnection()) {
            Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            queue = queue(session, "listener-closes-consumer");
            sendTexts(session, queue, "last one", "left", "behind");
            MessageConsumer consumer = session.createConsumer(queue);
            consumer.setMessageListener(m -> {
                try {
                    consumer.close();
                    heard.add(text(m));
                } catch (JMSException e) {
                    heard.add(e);
                }
            });
            connection.start();
            await().atMost(Duration.ofSeconds(10)).until(() -> !heard.isEmpty());
            await().during(QUIET).atMost(QUIET.multipliedBy(3)).until(() -> heard.size() == 1);
            assertThat(heard).containsExactly("last one");
        }
        assertThat(drainTexts(factory, queue, 500))
            .as("the message being handled was acknowledged when onMessage returned; the prefetched ones were given back")
            .containsExactly("left", "behind");
    }
}
