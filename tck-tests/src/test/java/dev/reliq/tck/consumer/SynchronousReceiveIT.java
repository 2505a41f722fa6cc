package dev.reliq.tck.consumer;

import static dev.reliq.tck.JmsTestSupport.factory;
import static dev.reliq.tck.JmsTestSupport.queue;
import static dev.reliq.tck.Texts.sendTexts;
import static dev.reliq.tck.Texts.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.IllegalStateException;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Queue;
import jakarta.jms.Session;

import dev.reliq.test.RedisServerExtension;

/**
 * Synchronous receipt (Jakarta Messaging 3.1 chapter 8, MessageConsumer javadoc): receive waits
 * for the next message, receive(timeout) at most that long, receiveNoWait not at all; receive is
 * not for a consumer that has a listener; closing a consumer ends a receive in progress with null,
 * and a closed consumer refuses use.
 */
class SynchronousReceiveIT {

    @RegisterExtension
    static final RedisServerExtension REDIS = RedisServerExtension.standalone();

    @Test
    void receiveWaitsForTheNextMessage() throws Exception {
        ConnectionFactory factory = factory(REDIS, "");
        try (Connection connection = factory.createConnection()) {
            Session session = connection.createSession();
            Queue queue = queue(session, "receive-waits");
            MessageConsumer consumer = session.createConsumer(queue);
            connection.start();
            CompletableFuture<Message> receiving = CompletableFuture.supplyAsync(() -> receive(consumer, 0));
            await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> !receiving.isDone());
            sendTexts(factory, queue, "worth the wait");
            assertThat(text(receiving.get(10, TimeUnit.SECONDS))).isEqualTo("worth the wait");
        }
    }

    @Test
    void receiveWithATimeoutReturnsNullWhenNothingCame() throws Exception {
        try (Connection connection = factory(REDIS, "").createConnection()) {
            Session session = connection.createSession();
            MessageConsumer consumer = session.createConsumer(queue(session, "receive-timeout"));
            connection.start();
            long start = System.nanoTime();
            assertThat(consumer.receive(400)).isNull();
            long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertThat(waited).isBetween(350L, 5000L);
        }
    }

    @Test
    void receiveNoWaitReturnsAReadyMessageOrNull() throws Exception {
        try (Connection connection = factory(REDIS, "").createConnection()) {
            Session session = connection.createSession();
            Queue queue = queue(session, "no-wait");
            MessageConsumer consumer = session.createConsumer(queue);
            connection.start();
            assertThat(consumer.receiveNoWait()).isNull();
            sendTexts(session, queue, "ready");
            assertThat(text(consumer.receiveNoWait())).isEqualTo("ready");
            assertThat(consumer.receiveNoWait()).isNull();
        }
    }

    @Test
    void receiveIsRefusedWhileAListenerIsSet() throws Exception {
        try (Connection connection = factory(REDIS, "").createConnection()) {
            Session session = connection.createSession();
            Queue queue = queue(session, "listener-and-receive");
            MessageConsumer consumer = session.createConsumer(queue);
            consumer.setMessageListener(m -> { });
            assertThatThrownBy(consumer::receive).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> consumer.receive(100)).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(consumer::receiveNoWait).isInstanceOf(IllegalStateException.class);

            consumer.setMessageListener(null);
            sendTexts(session, queue, "by receive");
            connection.start();
            assertThat(text(consumer.receive(5000))).isEqualTo("by receive");
        }
    }

    @Test
    void closingTheConsumerEndsAReceiveInProgressWithNull() throws Exception {
        try (Connection connection = factory(REDIS, "").createConnection()) {
            Session session = connection.createSession();
            MessageConsumer consumer = session.createConsumer(queue(session, "close-ends-receive"));
            connection.start();
            CompletableFuture<Message> receiving = CompletableFuture.supplyAsync(() -> receive(consumer, 0));
            await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> !receiving.isDone());
            consumer.close();
            assertThat(receiving.get(5, TimeUnit.SECONDS)).isNull();
        }
    }

    @Test
    void closingTheConsumerEndsAReceiveWaitingForAStoppedConnection() throws Exception {
        try (Connection connection = factory(REDIS, "").createConnection()) {
            Session session = connection.createSession();
            MessageConsumer consumer = session.createConsumer(queue(session, "close-ends-stopped-receive"));
            CompletableFuture<Message> receiving = CompletableFuture.supplyAsync(() -> receive(consumer, 0));
            await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> !receiving.isDone());
            consumer.close();
            assertThat(receiving.get(5, TimeUnit.SECONDS)).isNull();
        }
    }

    @Test
    void aClosedConsumerRefusesUseAndMayBeClosedAgain() throws Exception {
        try (Connection connection = factory(REDIS, "").createConnection()) {
            Session session = connection.createSession();
            Queue queue = queue(session, "closed-consumer");
            MessageConsumer consumer = session.createConsumer(queue, "color = 'red'");
            assertThat(consumer.getMessageSelector()).isEqualTo("color = 'red'");
            consumer.close();
            consumer.close();
            assertThatThrownBy(consumer::receive).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(consumer::receiveNoWait).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> consumer.setMessageListener(m -> { })).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(consumer::getMessageListener).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(consumer::getMessageSelector).isInstanceOf(IllegalStateException.class);
            // the session goes on
            assertThat(session.createConsumer(queue).getMessageSelector()).isNull();
        }
    }

    private static Message receive(MessageConsumer consumer, long timeout) {
        try {
            return timeout == 0 ? consumer.receive() : consumer.receive(timeout);
        } catch (JMSException e) {
            throw new RuntimeException(e);
        }
    }
}
