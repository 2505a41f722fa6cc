package dev.reliq.queue;

import static dev.reliq.queue.QueueTestSupport.bytes;
import static dev.reliq.queue.QueueTestSupport.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;

import dev.reliq.jms.ReliqConnectionFactory;
import dev.reliq.test.RedisServerExtension;

/**
 * A Redis ACL user with only the permissions docs/operations.md lists can run every queue
 * operation; credentials are checked when the client connects and never shown in messages.
 */
class RestrictedUserIT {

    @RegisterExtension
    static final RedisServerExtension REDIS = RedisServerExtension.standalone();

    private static final String USER = "reliq-app";
    private static final String PASSWORD = "s3cret-Pa55";

    private static void createUser() {
        String prefix = REDIS.keyPrefix();
        REDIS.jedis().sendCommand(redis.clients.jedis.Protocol.Command.ACL, "SETUSER", USER, "on", ">" + PASSWORD,
            "resetkeys", "~" + prefix + ":*", "resetchannels", "&" + prefix + ":*", "-@all",
            // exactly the list of docs/operations.md
            "+evalsha", "+script|load", "+hgetall", "+hset", "+hget", "+hdel", "+exists", "+hexists", "+hscan",
            "+unlink", "+subscribe", "+ping", "+time", "+get", "+set", "+pexpire", "+del", "+hmget", "+hincrby",
            "+zadd", "+zrem", "+zcard", "+zcount", "+zrange", "+zrangebyscore", "+zscore", "+zpopmin", "+publish");
    }

    private static String uriWith(String user, String password, String options) {
        String base = QueueTestSupport.uri(REDIS, options);
        return base.replace("redis://", "redis://" + user + ":" + password + "@");
    }

    @Test
    void leastPrivilegeUserRunsTheWholeQueueCycle() {
        createUser();
        try (QueueClient client = QueueClient.connect(uriWith(USER, PASSWORD, "sweepInterval=100ms"))) {
            ReliableQueue queue = client.queue("restricted");
            queue.setAttributes(queue.attributes().withMaxDeliveries(1));
            queue.sendBatch(List.of(OutgoingMessage.of(bytes("a")), OutgoingMessage.of(bytes("b"))));
            assertThat(queue.peek(10)).hasSize(2);

            List<ReceivedMessage> received = queue.receive(2, null, Duration.ofSeconds(1));
            assertThat(received).hasSize(2);
            assertThat(queue.extendVisibility(List.of(received.get(0).receiptHandle()), Duration.ofSeconds(30))
                .allInFlight()).isTrue();
            assertThat(queue.acknowledge(received.get(0).receiptHandle())).isEqualTo(HandleOutcome.ACKNOWLEDGED);
            assertThat(queue.release(List.of(received.get(1).receiptHandle()), Duration.ZERO)
                .outcome(received.get(1).receiptHandle())).isEqualTo(HandleOutcome.DEAD_LETTERED);
            assertThat(queue.stats().deadLettered()).isEqualTo(1);
            assertThat(queue.redrive(10)).isEqualTo(1);

            // a waiting receive subscribes to the queue's wake-up channel
            assertThat(queue.receive(1, null, Duration.ofSeconds(5))).extracting(m -> text(m.body())).containsExactly("b");
            String channel = new QueueKeys(REDIS.keyPrefix(), "restricted").wakeChannel();
            List<?> numsub = (List<?>) REDIS.jedis().sendCommand(redis.clients.jedis.Protocol.Command.PUBSUB, "NUMSUB", channel);
            assertThat((Long) numsub.get(1)).as("subscribers of " + channel).isEqualTo(1L);
            queue.send(bytes("c"));
            assertThat(queue.purge()).isEqualTo(2);
        }
    }

    @Test
    void leastPrivilegeUserRunsJms() throws Exception {
        createUser();
        ConnectionFactory factory = new ReliqConnectionFactory(uriWith(USER, PASSWORD, "visibilityTimeout=5s"));
        try (Connection connection = factory.createConnection()) {
            connection.start();
            Session tx = connection.createSession(Session.SESSION_TRANSACTED);
            Queue in = tx.createQueue("restricted-in");
            Queue out = tx.createQueue("restricted-out");
            tx.createProducer(in).send(tx.createTextMessage("order"));
            tx.commit();

            // consume and send in one commit: the commit keeps a record while it runs
            Message order = tx.createConsumer(in).receive(5000);
            assertThat(order).isNotNull();
            tx.createProducer(out).send(tx.createTextMessage("invoice"));
            tx.commit();

            Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            try (QueueBrowser browser = session.createBrowser(out)) {
                assertThat(Collections.list(browser.getEnumeration())).hasSize(1);
            }
            TemporaryQueue replies = session.createTemporaryQueue();
            session.createProducer(replies).send(session.createTextMessage("reply"));
            assertThat(((TextMessage) session.createConsumer(replies).receive(5000)).getText()).isEqualTo("reply");
            Topic prices = session.createTopic("restricted-prices");
            MessageConsumer subscriber = session.createConsumer(prices);
            session.createProducer(prices).send(session.createTextMessage("EUR 1.08"));
            assertThat(((TextMessage) subscriber.receive(5000)).getText()).isEqualTo("EUR 1.08");
        }
    }

    @Test
    void wrongPasswordFailsAtConnectWithoutRevealingIt() {
        createUser();
        assertThatThrownBy(() -> QueueClient.connect(uriWith(USER, "not-the-Pa55word", "")))
            .isInstanceOf(RedisAuthenticationException.class)
            .hasMessageNotContaining("not-the-Pa55word")
            .hasMessageContaining(USER);
    }

    @Test
    void userWithoutAccessToThePrefixGetsAClearError() {
        REDIS.jedis().sendCommand(redis.clients.jedis.Protocol.Command.ACL, "SETUSER", "other-app", "on", ">pw",
            "resetkeys", "~other:*", "-@all", "+evalsha", "+script|load", "+ping", "+hgetall", "+hset");
        try (QueueClient client = QueueClient.connect(uriWith("other-app", "pw", "sweepInterval=0"))) {
            assertThatThrownBy(() -> client.queue("forbidden").send(bytes("x")))
                .isInstanceOf(ReliqQueueException.class)
                .hasMessageContaining("send on queue 'forbidden'")
                .hasMessageContaining("NOPERM");
        }
    }
}
