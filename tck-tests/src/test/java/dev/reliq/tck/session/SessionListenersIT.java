package dev.reliq.tck.session;

import static dev.reliq.tck.JmsTestSupport.factory;
import static dev.reliq.tck.JmsTestSupport.queue;
import static dev.reliq.tck.Texts.sendTexts;
import static dev.reliq.tck.Texts.textOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import jakarta.jms.Connection;
import jakarta.jms.IllegalStateException;
import jakarta.jms.JMSException;
import jakarta.jms.MessageListener;
import jakarta.jms.Queue;
import jakarta.jms.Session;

import dev.reliq.test.RedisServerExtension;

/**
 * A session is single-threaded (Jakarta Messaging 3.1 chapters 6 and 8): its listeners are called
 * one at a time even when they belong to different consumers; closing the session waits for a
 * running listener, and a listener may not close its own session.
 */
class SessionListenersIT {

    @RegisterExtension
    static final RedisServerExtension REDIS = RedisServerExtension.standalone();

    @Test
    void listenersOfOneSessionAreCalledOneAtATime() throws Exception {
        int perQueue = 40;
        try (Connection connection = factory(REDIS, "prefetch=4").createConnection()) {
            Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            Queue left = queue(session, "serial-left");
            Queue right = queue(session, "serial-right");
            AtomicInteger running = new AtomicInteger();
            AtomicInteger mostAtOnce = new AtomicInteger();
            List<String> heard = new CopyOnWriteArrayList<>();
            MessageListener listener = m -> {
                mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
                try {
                    TimeUnit.MILLISECONDS.sleep(2); // some work, so overlapping calls would show
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                heard.add(textOf(m));
                running.decrementAndGet();
            };
            session.createConsumer(left).setMessageListener(listener);
            session.createConsumer(right).setMessageListener(listener);
            String[] lefts = new String[perQueue];
            String[] rights = new String[perQueue];
            for (int i = 0; i < perQueue; i++) {
                lefts[i] = "left-" + i;
                rights[i] = "right-" + i;
            }
            try (Connection sender = factory(REDIS, "").createConnection()) {
                Session sending = sender.createSession();
                sendTexts(sending, left, lefts);
                sendTexts(sending, right, rights);
            }
            connection.start();
            await().atMost(Duration.ofSeconds(30)).until(() -> heard.size() == 2 * perQueue);
            assertThat(mostAtOnce.get()).as("listener calls of one session at the same time").isEqualTo(1);
            assertThat(heard.stream().filter(b -> b.startsWith("left")).toList()).containsExactly(lefts);
            assertThat(heard.stream().filter(b -> b.startsWith("right")).toList()).containsExactly(rights);
        }
    }

    @Test
    void closingASessionWaitsForItsRunningListener() throws Exception {
        try (Connection connection = factory(REDIS, "").createConnection()) {
            Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            Queue queue = queue(session, "session-close-waits");
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
                    session.close();
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
    }

    @Test
    void aListenerCannotCloseItsOwnSession() throws Exception {
        try (Connection connection = factory(REDIS, "").createConnection()) {
            Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            Queue queue = queue(session, "listener-closes-session");
            List<Object> outcomes = new CopyOnWriteArrayList<>();
            session.createConsumer(queue).setMessageListener(m -> {
                try {
                    session.close();
                    outcomes.add("closed");
                } catch (JMSException e) {
                    outcomes.add(e);
                }
            });
            connection.start();
            sendTexts(session, queue, "close me");
            await().atMost(Duration.ofSeconds(10)).until(() -> !outcomes.isEmpty());
            assertThat(outcomes).singleElement().isInstanceOf(IllegalStateException.class);
            assertThat(session.getAcknowledgeMode()).as("the session stays open").isEqualTo(Session.AUTO_ACKNOWLEDGE);
        }
    }
}
