package dev.reliq.tck.consumer;

import static dev.reliq.tck.JmsTestSupport.factory;
import static dev.reliq.tck.JmsTestSupport.queue;
import static dev.reliq.tck.Texts.sendTexts;
import static dev.reliq.tck.Texts.text;
import static dev.reliq.tck.Texts.textOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Queue;
import jakarta.jms.Session;

import dev.reliq.tck.JmsTestSupport;
import dev.reliq.test.RedisServerExtension;

/**
 * Several consumers on one queue (the point-to-point model of Jakarta Messaging 3.1): each message
 * goes to exactly one of them, and the work is shared; a consumer that closes gives back the
 * messages it fetched ahead at once, for the others, as never delivered.
 */
class CompetingConsumersIT {

    @RegisterExtension
    static final RedisServerExtension REDIS = RedisServerExtension.standalone();

    @Test
    void messagesAreSharedAmongCompetingConsumersWithoutLossOrDuplicates() throws Exception {
        int messages = 300;
        int consumers = 3;
        ConnectionFactory factory = factory(REDIS, "prefetch=2");
        Map<String, List<String>> byConsumer = new ConcurrentHashMap<>();
        List<String> all = new CopyOnWriteArrayList<>();
        List<Connection> connections = new ArrayList<>();
        try {
            Queue queue = null;
            for (int c = 0; c < consumers; c++) {
                Connection connection = factory.createConnection();
                connections.add(connection);
                Session session = connection.createSession();
                if (queue == null) {
                    queue = queue(session, "competing");
                }
                String name = "consumer-" + c;
                byConsumer.put(name, new CopyOnWriteArrayList<>());
                session.createConsumer(queue).setMessageListener(m -> {
                    String body = textOf(m);
                    byConsumer.get(name).add(body);
                    all.add(body);
                    try {
                        TimeUnit.MILLISECONDS.sleep(3); // some work, so that the others get their turn
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
                connection.start();
            }
            String[] bodies = new String[messages];
            for (int i = 0; i < messages; i++) {
                bodies[i] = "job-" + i;
            }
            sendTexts(factory, queue, bodies);

            await().atMost(Duration.ofSeconds(60)).until(() -> all.size() >= messages);
            assertThat(all).as("every message exactly once").hasSize(messages).containsExactlyInAnyOrder(bodies);
            assertThat(byConsumer.values()).as("each consumer took a share").allMatch(share -> !share.isEmpty());
            for (List<String> share : byConsumer.values()) {
                List<Integer> order = share.stream().map(b -> Integer.parseInt(b.substring(4))).toList();
                assertThat(order).as("each consumer sees its share in queue order").isSorted();
            }
        } finally {
            JmsTestSupport.closeAll(connections);
        }
    }

    @Test
    void aClosingConsumerGivesBackItsPrefetchedMessagesAtOnce() throws Exception {
        // a long visibility timeout: what another consumer gets soon was given back, not timed out
        ConnectionFactory factory = factory(REDIS, "prefetch=10&visibilityTimeout=60s");
        try (Connection first = factory.createConnection(); Connection second = factory.createConnection()) {
            Session firstSession = first.createSession();
            Queue queue = queue(firstSession, "give-back");
            sendTexts(firstSession, queue, "m0", "m1", "m2", "m3");
            MessageConsumer greedy = firstSession.createConsumer(queue);
            first.start();
            assertThat(text(greedy.receive(5000))).isEqualTo("m0");

            MessageConsumer waiting = second.createSession().createConsumer(queue);
            second.start();
            assertThat(waiting.receive(500)).as("the rest is held by the first consumer").isNull();

            greedy.close();
            Set<String> redelivered = new HashSet<>();
            List<String> bodies = new ArrayList<>();
            for (int i = 1; i <= 3; i++) {
                Message m = waiting.receive(5000);
                bodies.add(text(m));
                if (m.getJMSRedelivered() || m.getIntProperty("JMSXDeliveryCount") != 1) {
                    redelivered.add(text(m));
                }
            }
            assertThat(bodies).containsExactly("m1", "m2", "m3");
            assertThat(redelivered).as("never delivered before").isEmpty();
        }
    }

    @Test
    void competingReceiversInManyThreadsNeverGetTheSameMessage() throws Exception {
        int messages = 200;
        int receivers = 4;
        ConnectionFactory factory = factory(REDIS, "prefetch=4");
        Queue queue;
        try (Connection sender = factory.createConnection()) {
            queue = queue(sender.createSession(), "competing-receive");
        }
        String[] bodies = new String[messages];
        for (int i = 0; i < messages; i++) {
            bodies[i] = "item-" + i;
        }
        sendTexts(factory, queue, bodies);

        List<String> received = new CopyOnWriteArrayList<>();
        List<Thread> threads = new ArrayList<>();
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        for (int r = 0; r < receivers; r++) {
            Queue target = queue;
            Thread thread = new Thread(() -> {
                try (Connection connection = factory.createConnection()) {
                    MessageConsumer consumer = connection.createSession().createConsumer(target);
                    connection.start();
                    for (Message m = consumer.receive(1000); m != null; m = consumer.receive(1000)) {
                        received.add(text(m));
                    }
                } catch (Throwable t) {
                    failures.add(t);
                }
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join(60_000);
        }
        assertThat(failures).isEmpty();
        assertThat(received).containsExactlyInAnyOrder(bodies);
    }
}
