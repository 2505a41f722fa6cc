package dev.reliq.tck.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;

import dev.reliq.queue.QueueAttributes;
import dev.reliq.queue.QueueClient;
import dev.reliq.queue.QueueStats;
import dev.reliq.tck.JmsTestSupport;
import dev.reliq.test.RedisServerExtension;

import redis.clients.jedis.Protocol;

/**
 * A transacted consume-and-send whose process dies half way through its commit, after one of
 * its two sends was stored: another client finishes the commit from the record the commit left
 * ({@code <prefix>:tx:committing}) once the dead connection's lease lapses. The second result is
 * sent, the first is not sent again, and the consumed order is acknowledged instead of being
 * delivered again after its visibility timeout, which is shorter than the time all that takes.
 */
class CommitRecordCrashIT {

    @RegisterExtension
    static final RedisServerExtension REDIS = RedisServerExtension.standalone();

    @Test
    void aCommitCutShortByACrashIsFinishedByAnotherClient() throws Exception {
        String prefix = REDIS.keyPrefix();
        String orders = JmsTestSupport.uniqueName("orders");
        String invoices = JmsTestSupport.uniqueName("invoices");
        String shipments = JmsTestSupport.uniqueName("shipments");
        try (QueueClient admin = QueueClient.connect(JmsTestSupport.uri(REDIS, ""))) {
            // far shorter than the dead connection's lease and the reaper's turns: the commit itself
            // holds the order until another client can have finished it
            admin.queue(orders).setAttributes(QueueAttributes.defaults().withVisibilityTimeout(Duration.ofSeconds(2)));
            try (Connection producer = JmsTestSupport.factory(REDIS, "").createConnection()) {
                Session session = producer.createSession(Session.AUTO_ACKNOWLEDGE);
                session.createProducer(session.createQueue(orders)).send(session.createTextMessage("order-1"));
            }

            // the child's user may write everything but the shipments queue
            REDIS.jedis().sendCommand(Protocol.Command.ACL, "SETUSER", "half", "on", ">pw", "allchannels", "+@all",
                "~" + prefix + ":lease:*", "~" + prefix + ":ephemeral-queues", "~" + prefix + ":tx:committing",
                "~" + prefix + ":{" + orders + "}*", "~" + prefix + ":shared:{" + orders + "}",
                "~" + prefix + ":{" + invoices + "}*", "~" + prefix + ":shared:{" + invoices + "}");
            String childUri = JmsTestSupport.uri(REDIS, "connectionLease=2s").replace("redis://", "redis://half:pw@");
            assertThat(runChild(childUri, orders, invoices, shipments)).isEqualTo("half-committed order-1");

            // what the crash left: the first send stored, the record of the rest, the order in flight
            assertThat(REDIS.jedis().hlen(prefix + ":tx:committing")).isEqualTo(1);
            assertThat(admin.queue(invoices).stats().ready()).isEqualTo(1);
            assertThat(admin.queue(shipments).stats().ready()).isZero();
            assertThat(admin.queue(orders).stats().inFlight()).isEqualTo(1);

            // any live connection of the same Redis and key prefix finishes it
            try (Connection survivor = JmsTestSupport.factory(REDIS, "connectionLease=3s").createConnection()) {
                await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                    .until(() -> REDIS.jedis().hlen(prefix + ":tx:committing") == 0);
                Session session = survivor.createSession(Session.AUTO_ACKNOWLEDGE);
                survivor.start();
                assertThat(texts(session.createConsumer(session.createQueue(invoices)))).containsExactly("invoice for order-1");
                assertThat(texts(session.createConsumer(session.createQueue(shipments)))).containsExactly("shipment for order-1");
            }
            QueueStats consumed = admin.queue(orders).stats();
            assertThat(consumed.total()).as("the order was acknowledged, not left to come back").isZero();
            assertThat(consumed.deadLettered()).isZero();
        }
    }

    @Test
    void aCompletedCommitLeavesNoRecord() throws Exception {
        String prefix = REDIS.keyPrefix();
        String in = JmsTestSupport.uniqueName("in");
        String out = JmsTestSupport.uniqueName("out");
        try (Connection connection = JmsTestSupport.factory(REDIS, "").createConnection()) {
            Session session = connection.createSession(Session.SESSION_TRANSACTED);
            connection.start();
            session.createProducer(session.createQueue(in)).send(session.createTextMessage("order-2"));
            session.commit();
            Message order = session.createConsumer(session.createQueue(in)).receive(5000);
            session.createProducer(session.createQueue(out)).send(session.createTextMessage("result of "
                + ((TextMessage) order).getText()));
            session.commit();
        }
        assertThat(REDIS.jedis().exists(prefix + ":tx:committing")).isFalse();
    }

    /** Runs {@link HalfCommitter} to its halt and returns the line it printed. */
    private static String runChild(String uri, String orders, String invoices, String shipments) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Process child = new ProcessBuilder(java, "-cp", classpath, HalfCommitter.class.getName(), uri, orders, invoices,
                shipments)
            .redirectError(new File("target/half-committer.err"))
            .start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line = out.readLine();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).as("the child halts").isTrue();
            return line;
        } finally {
            child.destroyForcibly();
        }
    }

    private static List<String> texts(MessageConsumer consumer) throws JMSException {
        List<String> texts = new ArrayList<>();
        for (Message m = consumer.receive(2000); m != null; m = consumer.receive(300)) {
            texts.add(((TextMessage) m).getText());
        }
        return texts;
    }
}
