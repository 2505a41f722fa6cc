package dev.reliq.tck.messages;

import static dev.reliq.tck.JmsTestSupport.factory;
import static dev.reliq.tck.JmsTestSupport.uniqueName;
import static dev.reliq.tck.JmsTestSupport.uri;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import jakarta.jms.Connection;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;

import dev.reliq.queue.DeadLetterInfo;
import dev.reliq.queue.QueueClient;
import dev.reliq.queue.QueuedMessage;
import dev.reliq.test.RedisServerExtension;

/**
 * A payload on a queue that is not a JMS message (written by another program with the
 * reliable-queue API) is never delivered to a JMS consumer: it goes to {@code <queue>.DLQ} with
 * the dead-letter reason {@code corrupt}, and the consumer goes on to the next message.
 */
class CorruptPayloadsIT {

    @RegisterExtension
    static final RedisServerExtension REDIS = RedisServerExtension.standalone();

    private static QueueClient writer;

    /** Not JMS at all; reliq's format byte with an unknown version; reliq's format cut short. */
    private static final List<byte[]> CORRUPT = List.of(
        "{\"order\": 42}".getBytes(UTF_8),
        new byte[] {(byte) 0xA7, 0x7F, 0, 0, 0, 0, 0, 0},
        new byte[] {(byte) 0xA7, 0x01, 0x01, 0, 0, 0, 0x10, 'I', 'D'});

    @BeforeAll
    static void connectWriter() {
        writer = QueueClient.connect(uri(REDIS, ""));
    }

    @AfterAll
    static void closeWriter() {
        writer.close();
    }

    private static String text(Message message) throws JMSException {
        return ((TextMessage) message).getText();
    }

    /** Sends "before" with JMS, then the corrupt payloads with the queue API, then "after" with JMS. */
    private static void sendAroundCorruptPayloads(Session session, Queue queue) throws JMSException {
        MessageProducer producer = session.createProducer(queue);
        TextMessage before = session.createTextMessage("before");
        before.setStringProperty("kind", "jms");
        producer.send(before);
        for (byte[] payload : CORRUPT) {
            writer.queue(queue.getQueueName()).send(payload);
        }
        TextMessage after = session.createTextMessage("after");
        after.setStringProperty("kind", "jms");
        producer.send(after);
    }

    private static void assertDeadLettered(String queueName) {
        List<QueuedMessage> dead = writer.queue(queueName + ".DLQ").peek(10);
        assertThat(dead).hasSize(CORRUPT.size());
        for (int i = 0; i < dead.size(); i++) {
            QueuedMessage message = dead.get(i);
            assertThat(message.body()).isEqualTo(CORRUPT.get(i));
            DeadLetterInfo info = message.deadLetter().orElseThrow();
            assertThat(info.reason()).isEqualTo("corrupt");
            assertThat(info.originQueue()).isEqualTo(queueName);
            assertThat(info.detail()).as("says what is wrong").isNotBlank();
        }
        assertThat(writer.queue(queueName).stats().total()).as("nothing left behind").isZero();
    }

    @Test
    void aConsumerSkipsCorruptPayloadsWhichGoToTheDeadLetterQueue() throws Exception {
        try (Connection connection = factory(REDIS, "").createConnection()) {
            Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            Queue queue = session.createQueue(uniqueName("corrupt-receive"));
            sendAroundCorruptPayloads(session, queue);
            connection.start();
            MessageConsumer consumer = session.createConsumer(queue);
            assertThat(text(consumer.receive(5000))).isEqualTo("before");
            assertThat(text(consumer.receive(5000))).isEqualTo("after");
            assertThat(consumer.receive(300)).isNull();
            assertDeadLettered(queue.getQueueName());
        }
    }

    @Test
    void aSelectingConsumerSkipsCorruptPayloadsToo() throws Exception {
        try (Connection connection = factory(REDIS, "").createConnection()) {
            Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            Queue queue = session.createQueue(uniqueName("corrupt-selector"));
            sendAroundCorruptPayloads(session, queue);
            connection.start();
            MessageConsumer consumer = session.createConsumer(queue, "kind = 'jms'");
            assertThat(text(consumer.receive(5000))).isEqualTo("before");
            assertThat(text(consumer.receive(5000))).isEqualTo("after");
            assertThat(consumer.receive(300)).isNull();
            assertDeadLettered(queue.getQueueName());
        }
    }

    @Test
    void aListenerNeverSeesCorruptPayloads() throws Exception {
        try (Connection connection = factory(REDIS, "").createConnection()) {
            Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            Queue queue = session.createQueue(uniqueName("corrupt-listener"));
            sendAroundCorruptPayloads(session, queue);
            List<String> delivered = new CopyOnWriteArrayList<>();
            CountDownLatch two = new CountDownLatch(2);
            session.createConsumer(queue).setMessageListener(m -> {
                try {
                    delivered.add(text(m));
                } catch (JMSException | ClassCastException e) {
                    delivered.add("not a text message: " + m);
                }
                two.countDown();
            });
            connection.start();
            assertThat(two.await(5, TimeUnit.SECONDS)).isTrue();
            connection.stop();
            assertThat(delivered).containsExactly("before", "after");
            assertDeadLettered(queue.getQueueName());
        }
    }

    @Test
    void aJmsConsumerOfTheSimplifiedApiSkipsCorruptPayloads() throws Exception {
        try (JMSContext context = factory(REDIS, "").createContext();
                Connection connection = factory(REDIS, "").createConnection()) {
            Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            Queue queue = session.createQueue(uniqueName("corrupt-simplified"));
            sendAroundCorruptPayloads(session, queue);
            JMSConsumer consumer = context.createConsumer(queue);
            assertThat(consumer.receiveBody(String.class, 5000)).isEqualTo("before");
            assertThat(consumer.receiveBody(String.class, 5000)).isEqualTo("after");
            assertThat(consumer.receive(300)).isNull();
            assertDeadLettered(queue.getQueueName());
        }
    }

    @Test
    void inATransactedSessionACorruptPayloadIsDeadLetteredAndNotRolledBack() throws Exception {
        try (Connection connection = factory(REDIS, "").createConnection()) {
            Session session = connection.createSession(Session.SESSION_TRANSACTED);
            Queue queue = session.createQueue(uniqueName("corrupt-transacted"));
            sendAroundCorruptPayloads(session, queue);
            session.commit();
            connection.start();
            MessageConsumer consumer = session.createConsumer(queue);
            assertThat(text(consumer.receive(5000))).isEqualTo("before");
            assertThat(text(consumer.receive(5000))).isEqualTo("after");
            session.rollback();
            List<String> again = new ArrayList<>();
            for (Message m = consumer.receive(5000); m != null; m = consumer.receive(300)) {
                again.add(text(m));
            }
            session.commit();
            assertThat(again).containsExactly("before", "after");
            assertDeadLettered(queue.getQueueName());
        }
    }

    @Test
    void aBrowserSkipsCorruptPayloadsAndLeavesThemWhereTheyAre() throws Exception {
        try (Connection connection = factory(REDIS, "").createConnection()) {
            Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            Queue queue = session.createQueue(uniqueName("corrupt-browse"));
            sendAroundCorruptPayloads(session, queue);
            List<String> shown = new ArrayList<>();
            for (Object m : Collections.list(session.createBrowser(queue).getEnumeration())) {
                shown.add(text((Message) m));
            }
            assertThat(shown).containsExactly("before", "after");
            assertThat(writer.queue(queue.getQueueName()).stats().ready()).as("browsing moves nothing")
                .isEqualTo(2 + CORRUPT.size());
        }
    }
}
