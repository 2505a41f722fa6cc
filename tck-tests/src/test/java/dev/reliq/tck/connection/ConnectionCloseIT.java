package dev.reliq.tck.connection;

import static dev.reliq.tck.JmsTestSupport.factory;
import static dev.reliq.tck.JmsTestSupport.queue;
import static dev.reliq.tck.Texts.drainTexts;
import static dev.reliq.tck.Texts.sendTexts;
import static dev.reliq.tck.Texts.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
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
import jakarta.jms.IllegalStateException;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;

import dev.reliq.test.RedisServerExtension;

/**
 * Closing a connection (Jakarta Messaging 3.1 chapter 6, Connection.close javadoc): close may be
 * called again; everything of a closed connection refuses use with IllegalStateException; a
 * receive in progress ends; running listeners are waited for; transactions are rolled back and
 * unacknowledged messages become deliverable again at once.
 */
class ConnectionCloseIT {

    @RegisterExtension
    static final RedisServerExtension REDIS = RedisServerExtension.standalone();

    /** Long enough that a message seen again soon was given back, not lost to the visibility timeout. */
    private static final String LONG_VISIBILITY = "visibilityTimeout=60s";

    @FunctionalInterface
    private interface JmsAction {
        void run() throws Exception;
    }

    @Test
    void closingAClosedConnectionIsIgnored() throws Exception {
        Connection connection = factory(REDIS, "").createConnection();
        Session session = connection.createSession(Session.CLIENT_ACKNOWLEDGE);
        MessageConsumer consumer = session.createConsumer(queue(session, "close-twice"));
        MessageProducer producer = session.createProducer(null);
        connection.close();
        connection.close();
        session.close();
        consumer.close();
        producer.close();
    }

    @Test
    void everythingOfAClosedConnectionRefusesUse() throws Exception {
        Connection connection = factory(REDIS, "").createConnection();
        Session session = connection.createSession(Session.CLIENT_ACKNOWLEDGE);
        Queue queue = queue(session, "closed-objects");
        sendTexts(session, queue, "held");
        MessageConsumer consumer = session.createConsumer(queue);
        MessageProducer producer = session.createProducer(queue);
        QueueBrowser browser = session.createBrowser(queue);
        connection.start();
        Message received = consumer.receive(5000);
        assertThat(received).isNotNull();
        connection.close();

        List<JmsAction> uses = List.of(
            connection::start,
            connection::stop,
            connection::createSession,
            connection::getClientID,
            () -> connection.setClientID("late"),
            () -> connection.setExceptionListener(null),
            session::createTextMessage,
            session::getAcknowledgeMode,
            session::recover,
            () -> session.createConsumer(queue),
            () -> session.createProducer(queue),
            consumer::receiveNoWait,
            () -> consumer.receive(10),
            () -> consumer.setMessageListener(m -> { }),
            () -> producer.send(session.createTextMessage("after close")),
            producer::getPriority,
            browser::getEnumeration,
            received::acknowledge);
        for (JmsAction use : uses) {
            assertThatThrownBy(use::run).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void aReceiveInProgressReturnsNullWhenTheConnectionCloses() throws Exception {
        Connection connection = factory(REDIS, "").createConnection();
        Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
        MessageConsumer consumer = session.createConsumer(queue(session, "receive-at-close"));
        connection.start();
        CountDownLatch receiving = new CountDownLatch(1);
        CompletableFuture<Message> received = CompletableFuture.supplyAsync(() -> {
            receiving.countDown();
            try {
                return consumer.receive();
            } catch (JMSException e) {
                throw new RuntimeException(e);
            }
        });
        assertThat(receiving.await(5, TimeUnit.SECONDS)).isTrue();
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> !received.isDone());

        connection.close();
        assertThat(received.get(10, TimeUnit.SECONDS)).isNull();
    }

    @Test
    void closeWaitsForARunningListenerToReturn() throws Exception {
        Connection connection = factory(REDIS, "").createConnection();
        Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
        Queue queue = queue(session, "close-waits");
        CountDownLatch inOnMessage = new CountDownLatch(1);
        CountDownLatch mayFinish = new CountDownLatch(1);
        List<String> events = new CopyOnWriteArrayList<>();
        session.createConsumer(queue).setMessageListener(m -> {
            inOnMessage.countDown();
            try {
                mayFinish.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            events.add("onMessage returned");
        });
        connection.start();
        sendTexts(session, queue, "slow");
        assertThat(inOnMessage.await(10, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<Void> closing = CompletableFuture.runAsync(() -> {
            try {
                connection.close();
                events.add("close returned");
            } catch (JMSException e) {
                throw new RuntimeException(e);
            }
        });
        await().during(Duration.ofMillis(700)).atMost(Duration.ofSeconds(3)).until(() -> !closing.isDone());
        mayFinish.countDown();
        closing.get(10, TimeUnit.SECONDS);
        assertThat(events).containsExactly("onMessage returned", "close returned");
    }

    @Test
    void aListenerRunningWhileTheConnectionClosesKeepsTheConnectionsServices() throws Exception {
        ConnectionFactory factory = factory(REDIS, LONG_VISIBILITY);
        Connection connection = factory.createConnection();
        Session session = connection.createSession(Session.CLIENT_ACKNOWLEDGE);
        Queue in = queue(session, "close-services-in");
        Queue out = queue(session, "close-services-out");
        MessageProducer replies = session.createProducer(out);
        CountDownLatch inOnMessage = new CountDownLatch(1);
        CountDownLatch mayFinish = new CountDownLatch(1);
        List<Object> outcomes = new CopyOnWriteArrayList<>();
        session.createConsumer(in).setMessageListener(m -> {
            inOnMessage.countDown();
            try {
                mayFinish.await(30, TimeUnit.SECONDS);
                replies.send(session.createTextMessage("reply"));
                m.acknowledge();
                outcomes.add("done");
            } catch (Exception e) {
                outcomes.add(e);
            }
        });
        connection.start();
        sendTexts(factory, in, "request");
        assertThat(inOnMessage.await(10, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<Void> closing = CompletableFuture.runAsync(() -> {
            try {
                connection.close();
            } catch (JMSException e) {
                throw new RuntimeException(e);
            }
        });
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> !closing.isDone());
        mayFinish.countDown();
        closing.get(10, TimeUnit.SECONDS);
        assertThat(outcomes).containsExactly("done");
        assertThat(drainTexts(factory, out, 300)).containsExactly("reply");
        assertThat(drainTexts(factory, in, 300)).as("acknowledged while the connection was closing").isEmpty();
    }

    @Test
    void closingRollsBackTheWorkOfATransactedSession() throws Exception {
        ConnectionFactory factory = factory(REDIS, LONG_VISIBILITY);
        Connection connection = factory.createConnection();
        Session session = connection.createSession(Session.SESSION_TRANSACTED);
        Queue in = queue(session, "close-tx-in");
        Queue out = queue(session, "close-tx-out");
        sendTexts(factory, in, "work");
        connection.start();
        assertThat(text(session.createConsumer(in).receive(5000))).isEqualTo("work");
        session.createProducer(out).send(session.createTextMessage("result"));
        connection.close();

        try (Connection other = factory.createConnection()) {
            Session s = other.createSession(Session.AUTO_ACKNOWLEDGE);
            MessageConsumer consumer = s.createConsumer(in);
            other.start();
            Message again = consumer.receive(5000);
            assertThat(text(again)).as("the consumed message is back at once").isEqualTo("work");
            assertThat(again.getJMSRedelivered()).isTrue();
        }
        assertThat(drainTexts(factory, out, 300)).as("the send was rolled back").isEmpty();
    }

    @Test
    void closingMakesUnacknowledgedMessagesDeliverableAgainAtOnce() throws Exception {
        ConnectionFactory factory = factory(REDIS, LONG_VISIBILITY);
        Connection connection = factory.createConnection();
        Session session = connection.createSession(Session.CLIENT_ACKNOWLEDGE);
        Queue queue = queue(session, "close-client-ack");
        sendTexts(factory, queue, "acknowledged", "held-1", "held-2");
        MessageConsumer consumer = session.createConsumer(queue);
        connection.start();
        consumer.receive(5000).acknowledge();
        assertThat(text(consumer.receive(5000))).isEqualTo("held-1");
        assertThat(text(consumer.receive(5000))).isEqualTo("held-2");
        connection.close();

        try (Connection other = factory.createConnection()) {
            Session s = other.createSession(Session.AUTO_ACKNOWLEDGE);
            MessageConsumer again = s.createConsumer(queue);
            other.start();
            Message first = again.receive(5000);
            Message second = again.receive(5000);
            assertThat(text(first)).isEqualTo("held-1");
            assertThat(text(second)).isEqualTo("held-2");
            assertThat(first.getJMSRedelivered()).isTrue();
            assertThat(second.getJMSRedelivered()).isTrue();
            assertThat(again.receive(300)).as("the acknowledged message stays gone").isNull();
        }
    }
}
