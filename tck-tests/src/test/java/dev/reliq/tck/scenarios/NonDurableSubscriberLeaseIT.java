package dev.reliq.tck.scenarios;

import static dev.reliq.tck.JmsTestSupport.factory;
import static dev.reliq.tck.JmsTestSupport.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;

import dev.reliq.tck.JmsTestSupport;
import dev.reliq.test.RedisServerExtension;

/**
 * A non-durable subscription lives as long as its subscriber: closing the subscriber removes it at
 * once, and when the subscriber's JVM dies, a live connection reaps it, payloads included, once the
 * dead connection's lease ({@code connectionLease}) has lapsed.
 */
class NonDurableSubscriberLeaseIT {

    @RegisterExtension
    static final RedisServerExtension REDIS = RedisServerExtension.standalone();

    private static final String LEASE = "connectionLease=3s";

    @Test
    void theSubscriptionOfAKilledSubscriberIsReapedOnceItsConnectionLeaseLapses() throws Exception {
        String uri = JmsTestSupport.uri(REDIS, LEASE);
        String topicName = uniqueName("lease");
        TopicKeys keys = new TopicKeys(REDIS, topicName);
        // this connection stays open throughout: it publishes, and its housekeeping does the reaping
        try (Connection connection = factory(REDIS, LEASE).createConnection()) {
            Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            MessageProducer producer = session.createProducer(session.createTopic(topicName));
            Process subscriber = start(uri, topicName);
            try {
                try (BufferedReader out = new BufferedReader(
                        new InputStreamReader(subscriber.getInputStream(), StandardCharsets.UTF_8))) {
                    String line = CompletableFuture.supplyAsync(() -> readLine(out)).get(60, TimeUnit.SECONDS);
                    assertThat(line).as("the subscriber's first line; see target/non-durable-subscriber.err")
                        .isEqualTo("READY");
                }
                publish(session, producer, 10, "while the subscriber lives");

                assertThat(keys.subscriptions()).as("the subscriber's registration").singleElement()
                    .asString().startsWith(topicName + "::");
                assertThat(keys.subscriptionKeys()).as("the keys of the subscriber's queue").isNotEmpty();
                assertThat(keys.payloads()).as("the payloads the subscriber has not acknowledged").hasSize(10);

                subscriber.destroyForcibly(); // SIGKILL: the subscriber is never closed
                assertThat(subscriber.waitFor(30, TimeUnit.SECONDS)).isTrue();
                long killed = System.nanoTime();
                publish(session, producer, 10, "after the subscriber died");

                await("the dead subscriber's subscription reaped").atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
                        assertThat(keys.subscriptionKeys()).as("keys of the dead subscription").isEmpty();
                        assertThat(keys.subscriptions()).as("registered subscriptions").isEmpty();
                        assertThat(keys.messageFields()).as("payloads only the dead subscription referenced").isEmpty();
                    });
                System.out.printf("NonDurableSubscriberLeaseIT: the killed subscriber's subscription was gone %,d ms"
                    + " after the kill, with a 3 s connection lease%n",
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killed));
            } finally {
                subscriber.destroyForcibly();
            }
        }
    }

    @Test
    void aLiveSubscriberKeepsItsSubscriptionLongerThanOneLease() throws Exception {
        ConnectionFactory factory = factory(REDIS, LEASE);
        try (Connection subscribing = factory.createConnection(); Connection publishing = factory.createConnection()) {
            Session session = subscribing.createSession(Session.AUTO_ACKNOWLEDGE);
            Topic topic = session.createTopic(uniqueName("renewed"));
            TopicKeys keys = new TopicKeys(REDIS, topic.getTopicName());
            MessageConsumer consumer = session.createConsumer(topic);
            subscribing.start();
            assertThat(keys.subscriptions()).hasSize(1);

            // two and a half leases: a subscription whose lease were not renewed would be reaped by now
            await().during(Duration.ofMillis(7500)).atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(250))
                .until(() -> keys.subscriptions().size() == 1);

            Session publisher = publishing.createSession(Session.AUTO_ACKNOWLEDGE);
            publisher.createProducer(topic).send(publisher.createTextMessage("still subscribed"));
            Message received = consumer.receive(5000);
            assertThat(received).isNotNull();
            assertThat(((TextMessage) received).getText()).isEqualTo("still subscribed");
        }
    }

    @Test
    void closingANonDurableSubscriberRemovesItsSubscriptionAtOnce() throws Exception {
        try (Connection connection = factory(REDIS, LEASE).createConnection()) {
            Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            Topic topic = session.createTopic(uniqueName("closed"));
            TopicKeys keys = new TopicKeys(REDIS, topic.getTopicName());
            MessageConsumer consumer = session.createConsumer(topic);
            connection.start();
            publish(session, session.createProducer(topic), 5, "to a subscriber about to close");
            JmsTestSupport.receive(consumer, 2); // three stay unconsumed: ready or prefetched
            assertThat(keys.subscriptions()).hasSize(1);
            assertThat(keys.subscriptionKeys()).isNotEmpty();
            assertThat(keys.payloads()).hasSize(3);

            consumer.close();

            assertThat(keys.subscriptionKeys()).as("keys of the closed subscription").isEmpty();
            assertThat(keys.subscriptions()).as("registered subscriptions").isEmpty();
            assertThat(keys.messageFields()).as("payloads only the closed subscription referenced").isEmpty();
        }
    }

    @Test
    void closingTheConnectionOfANonDurableSubscriberRemovesItsSubscriptionAtOnce() throws Exception {
        String topicName = uniqueName("connection-closed");
        TopicKeys keys = new TopicKeys(REDIS, topicName);
        Connection connection = factory(REDIS, LEASE).createConnection();
        Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
        Topic topic = session.createTopic(topicName);
        session.createConsumer(topic);
        publish(session, session.createProducer(topic), 5, "to a subscriber whose connection is about to close");
        assertThat(keys.subscriptions()).hasSize(1);
        assertThat(keys.payloads()).hasSize(5);

        connection.close();

        assertThat(keys.subscriptionKeys()).as("keys of the closed subscription").isEmpty();
        assertThat(keys.subscriptions()).as("registered subscriptions").isEmpty();
        assertThat(keys.messageFields()).as("payloads only the closed subscription referenced").isEmpty();
    }

    private static void publish(Session session, MessageProducer producer, int count, String text) throws JMSException {
        for (int i = 0; i < count; i++) {
            producer.send(session.createTextMessage(text + " " + i));
        }
    }

    private static String readLine(BufferedReader reader) {
        try {
            return reader.readLine();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Process start(String uri, String topic) throws java.io.IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return new ProcessBuilder(java, "-cp", classpath, NonDurableTopicSubscriber.class.getName(), uri, topic)
            .redirectError(new File("target/non-durable-subscriber.err"))
            .start();
    }
}
