package dev.reliq.tck.scenarios;

import static dev.reliq.tck.JmsTestSupport.factory;
import static dev.reliq.tck.JmsTestSupport.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.Topic;

import dev.reliq.test.RedisServerExtension;

/**
 * A message published to a topic is stored once, however many subscriptions it reaches, and its
 * payload is freed when the last of them acknowledges it.
 */
class TopicMemoryIT {

    @RegisterExtension
    static final RedisServerExtension REDIS = RedisServerExtension.standalone();

    private static final int BODY_BYTES = 1024;
    private static final int BATCH = 100;

    /** Random, so that no layer can shrink it by compressing. */
    private static final byte[] BODY = new byte[BODY_BYTES];

    static {
        new Random(1024).nextBytes(BODY);
    }

    @Test
    void tenSubscriptionsCostLessThanTwiceTheMemoryOfOne() throws Exception {
        int messages = 3_000;
        String one = uniqueName("memory-one");
        String ten = uniqueName("memory-ten");
        try (Connection connection = factory(REDIS, "clientID=" + uniqueName("memory")).createConnection()) {
            Session session = connection.createSession(Session.SESSION_TRANSACTED);
            // one client ID: the names differ, or the second topic's "s0" would replace the first topic's
            subscribe(session, session.createTopic(one), "one-s", 1);
            subscribe(session, session.createTopic(ten), "ten-s", 10);

            Growth oneSubscription = publish(session, one, messages);
            Growth tenSubscriptions = publish(session, ten, messages);

            System.out.printf("TopicMemoryIT: %,d messages of %,d bytes; growth of the topic's keys (MEMORY USAGE):"
                + " %,d bytes with 1 subscription (%,d per message), %,d bytes with 10 (%,d per message), ratio %.2f;"
                + " growth of used_memory: %,d bytes with 1 (%,d per message), %,d bytes with 10 (%,d per message),"
                + " ratio %.2f%n", messages, BODY_BYTES,
                oneSubscription.keyBytes(), oneSubscription.keyBytes() / messages,
                tenSubscriptions.keyBytes(), tenSubscriptions.keyBytes() / messages,
                tenSubscriptions.keyBytes() / (double) oneSubscription.keyBytes(),
                oneSubscription.usedMemory(), oneSubscription.usedMemory() / messages,
                tenSubscriptions.usedMemory(), tenSubscriptions.usedMemory() / messages,
                tenSubscriptions.usedMemory() / (double) oneSubscription.usedMemory());

            long bodies = (long) messages * BODY_BYTES;
            assertThat(oneSubscription.keyBytes()).as("the topic's keys hold every body").isGreaterThan(bodies);
            assertThat(oneSubscription.usedMemory()).as("used_memory grew by every body").isGreaterThan(bodies);
            assertThat(tenSubscriptions.keyBytes()).as("MEMORY USAGE growth with 10 subscriptions, against 2 x %,d"
                + " with 1", oneSubscription.keyBytes()).isLessThan(2 * oneSubscription.keyBytes());
            assertThat(tenSubscriptions.usedMemory()).as("used_memory growth with 10 subscriptions, against 2 x %,d"
                + " with 1", oneSubscription.usedMemory()).isLessThan(2 * oneSubscription.usedMemory());
        }
    }

    @Test
    void aPayloadIsStoredOnceAndFreedWhenTheLastOfTenSubscriptionsAcknowledgesIt() throws Exception {
        int messages = 300;
        String topicName = uniqueName("memory-freed");
        TopicKeys keys = new TopicKeys(REDIS, topicName);
        try (Connection connection = factory(REDIS, "clientID=" + uniqueName("freeing")).createConnection()) {
            Session session = connection.createSession(Session.SESSION_TRANSACTED);
            Topic topic = session.createTopic(topicName);
            subscribe(session, topic, "s", 10);
            MessageProducer producer = session.createProducer(topic);
            for (int i = 1; i <= messages; i++) {
                send(session, producer);
                if (i % BATCH == 0) {
                    session.commit();
                }
            }
            session.commit();

            assertThat(keys.payloads()).as("payloads stored for 10 subscriptions").hasSize(messages);
            assertThat(keys.referenceCounts()).as("each payload's reference count").hasSize(messages)
                .allSatisfy((id, count) -> assertThat(count).isEqualTo("10"));

            connection.start();
            Session consuming = connection.createSession(Session.CLIENT_ACKNOWLEDGE);
            for (int s = 0; s < 10; s++) {
                assertThat(keys.payloads()).as("payloads while %d of 10 subscriptions have not acknowledged them",
                    10 - s).hasSize(messages);
                consumeAll(consuming, topic, "s" + s, messages);
            }
            assertThat(keys.messageFields()).as("payloads, metadata and reference counts once all 10 subscriptions"
                + " acknowledged every message").isEmpty();
        }
    }

    /**
     * Creates the durable subscriptions {@code <name>0}, {@code <name>1}, ... of the connection's client
     * ID, and leaves them without consumer.
     */
    private static void subscribe(Session session, Topic topic, String name, int subscriptions) throws JMSException {
        for (int s = 0; s < subscriptions; s++) {
            session.createDurableConsumer(topic, name + s).close();
        }
    }

    /**
     * Publishes {@code messages} to the topic and measures how Redis grew: first one message, so the
     * subscriptions' fixed keys exist before the first reading and are not charged to the messages.
     */
    private static Growth publish(Session session, String topicName, int messages) throws JMSException {
        TopicKeys keys = new TopicKeys(REDIS, topicName);
        MessageProducer producer = session.createProducer(session.createTopic(topicName));
        send(session, producer);
        session.commit();
        long keysBefore = keys.memoryUsage();
        long usedBefore = TopicKeys.usedMemory(REDIS);
        for (int i = 1; i <= messages; i++) {
            send(session, producer);
            if (i % BATCH == 0) {
                session.commit();
            }
        }
        session.commit();
        long usedAfter = TopicKeys.usedMemory(REDIS);
        long keysAfter = keys.memoryUsage();
        return new Growth(keysAfter - keysBefore, usedAfter - usedBefore);
    }

    private static void send(Session session, MessageProducer producer) throws JMSException {
        BytesMessage message = session.createBytesMessage();
        message.writeBytes(BODY);
        producer.send(message);
    }

    private static void consumeAll(Session session, Topic topic, String subscription, int messages) throws JMSException {
        try (MessageConsumer consumer = session.createDurableConsumer(topic, subscription)) {
            Message last = null;
            for (int i = 0; i < messages; i++) {
                last = consumer.receive(5000);
                assertThat(last).as("message %d of %d on subscription %s", i + 1, messages, subscription).isNotNull();
                if ((i + 1) % BATCH == 0) {
                    last.acknowledge();
                }
            }
            last.acknowledge();
            assertThat(consumer.receive(200)).as("anything left on subscription %s", subscription).isNull();
        }
    }

    /** How much Redis grew: the topic's keys by MEMORY USAGE, and INFO memory's used_memory. */
    private record Growth(long keyBytes, long usedMemory) {
    }
}
