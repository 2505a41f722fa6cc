package dev.reliq.tck.connection;

import static dev.reliq.tck.JmsTestSupport.factory;
import static dev.reliq.tck.JmsTestSupport.queue;
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
import jakarta.jms.IllegalStateException;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Queue;
import jakarta.jms.Session;

import dev.reliq.test.RedisServerExtension;

/**
 * Starting and stopping a connection's delivery (Jakarta Messaging 3.1 chapter 6, Connection
 * javadoc): nothing is delivered while it is stopped, receives wait and listeners are not called;
 * stop returns only once running listeners finished; a listener may not stop or close its own
 * connection.
 */
class ConnectionStartStopIT {

    @RegisterExtension
    static final RedisServerExtension REDIS = RedisServerExtension.standalone();

    private static final Duration QUIET = Duration.ofMillis(700);

    @Test
    void aReceiveWaitsWhileTheConnectionIsStoppedAndReturnsTheMessageAfterStart() throws Exception {
        try (Connection connection = factory(REDIS, "").createConnection()) {
            Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            Queue queue = queue(session, "stopped-receive");
            sendTexts(session, queue, "waiting");
            MessageConsumer consumer = session.createConsumer(queue);

            assertThat(consumer.receiveNoWait()).as("a stopped connection delivers nothing").isNull();
            assertThat(consumer.receive(300)).as("not even after a wait").isNull();

            CompletableFuture<Message> receiving = CompletableFuture.supplyAsync(() -> receive(consumer, 20_000));
            await().during(QUIET).atMost(QUIET.multipliedBy(3)).until(() -> !receiving.isDone());
            connection.start();
            assertThat(text(receiving.get(10, TimeUnit.SECONDS))).isEqualTo("waiting");
        }
    }

    @Test
    void aStoppedConnectionStillSends() throws Exception {
        try (Connection connection = factory(REDIS, "").createConnection()) {
            Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            Queue queue = queue(session, "stopped-send");
            connection.start();
            connection.stop();
            sendTexts(session, queue, "sent while stopped");
            connection.start();
            assertThat(text(session.createConsumer(queue).receive(5000))).isEqualTo("sent while stopped");
        }
    }

    @Test
    void aListenerIsNotCalledWhileTheConnectionIsStopped() throws Exception {
        try (Connection connection = factory(REDIS, "").createConnection()) {
            Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            Queue queue = queue(session, "stopped-listener");
            List<String> delivered = new CopyOnWriteArrayList<>();
            session.createConsumer(queue).setMessageListener(m -> delivered.add(textOf(m)));
            sendTexts(session, queue, "first");
            await().during(QUIET).atMost(QUIET.multipliedBy(3)).until(delivered::isEmpty);

            connection.start();
            await().atMost(Duration.ofSeconds(10)).until(() -> delivered.contains("first"));

            connection.stop();
            sendTexts(session, queue, "second");
            await().during(QUIET).atMost(QUIET.multipliedBy(3)).until(() -> delivered.size() == 1);
            connection.start();
            await().atMost(Duration.ofSeconds(10)).until(() -> delivered.equals(List.of("first", "second")));
        }
    }

    @Test
    void stopReturnsOnlyAfterARunningListenerFinished() throws Exception {
        try (Connection connection = factory(REDIS, "").createConnection()) {
            Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            Queue queue = queue(session, "stop-waits");
            CountDownLatch inOnMessage = new CountDownLatch(1);
            CountDownLatch mayFinish = new CountDownLatch(1);
            List<String> events = new CopyOnWriteArrayList<>();
            session.createConsumer(queue).setMessageListener(m -> {
                inOnMessage.countDown();
                awaitQuietly(mayFinish);
                events.add("onMessage returned");
            });
            connection.start();
            sendTexts(session, queue, "slow");
            assertThat(inOnMessage.await(10, TimeUnit.SECONDS)).isTrue();

            CompletableFuture<Void> stopping = CompletableFuture.runAsync(() -> {
                try {
                    connection.stop();
                    events.add("stop returned");
                } catch (JMSException e) {
                    throw new RuntimeException(e);
                }
            });
            await().during(QUIET).atMost(QUIET.multipliedBy(3)).until(() -> !stopping.isDone());
            mayFinish.countDown();
            stopping.get(10, TimeUnit.SECONDS);
            assertThat(events).containsExactly("onMessage returned", "stop returned");
        }
    }

    @Test
    void aListenerCannotStopOrCloseItsOwnConnection() throws Exception {
        try (Connection connection = factory(REDIS, "").createConnection()) {
            Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            Queue queue = queue(session, "listener-stops");
            List<Object> outcomes = new CopyOnWriteArrayList<>();
            List<String> delivered = new CopyOnWriteArrayList<>();
            session.createConsumer(queue).setMessageListener(m -> {
                if (delivered.isEmpty()) {
                    outcomes.add(attempt(connection::stop));
                    outcomes.add(attempt(connection::close));
                }
                delivered.add(textOf(m));
            });
            connection.start();
            sendTexts(session, queue, "try to stop");
            await().atMost(Duration.ofSeconds(10)).until(() -> delivered.size() == 1);
            assertThat(outcomes).hasSize(2).allMatch(IllegalStateException.class::isInstance);

            sendTexts(session, queue, "still running");
            await().atMost(Duration.ofSeconds(10)).until(() -> delivered.equals(List.of("try to stop", "still running")));
        }
    }

    @Test
    void startingAStartedAndStoppingAStoppedConnectionAreIgnored() throws Exception {
        try (Connection connection = factory(REDIS, "").createConnection()) {
            Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            Queue queue = queue(session, "idempotent");
            connection.stop();
            connection.start();
            connection.start();
            sendTexts(session, queue, "one");
            MessageConsumer consumer = session.createConsumer(queue);
            assertThat(text(consumer.receive(5000))).isEqualTo("one");
            connection.stop();
            connection.stop();
            sendTexts(session, queue, "two");
            assertThat(consumer.receive(300)).isNull();
        }
    }

    private static Message receive(MessageConsumer consumer, long timeout) {
        try {
            return consumer.receive(timeout);
        } catch (JMSException e) {
            throw new RuntimeException(e);
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @FunctionalInterface
    private interface JmsAction {
        void run() throws JMSException;
    }

    /** What an action threw, or "returned". */
    private static Object attempt(JmsAction action) {
        try {
            action.run();
            return "returned";
        } catch (JMSException | RuntimeException e) {
            return e;
        }
    }
}
