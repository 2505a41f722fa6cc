package dev.reliq.tck.scenarios;

import static dev.reliq.tck.JmsTestSupport.factory;
import static dev.reliq.tck.JmsTestSupport.queue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.jms.TransactionRolledBackException;

import dev.reliq.tck.JmsTestSupport;
import dev.reliq.test.RedisServerExtension;

/** The reliable-queue semantics as a JMS user sees them (DESIGN.md §4). */
class ReliabilityScenariosIT {

    @RegisterExtension
    static final RedisServerExtension REDIS = RedisServerExtension.standalone();

    private static String text(Message m) throws JMSException {
        return ((TextMessage) m).getText();
    }

    @Test
    void recoverRedeliversWithRedeliveredFlagAndHigherDeliveryCountAfterTheBackoff() throws Exception {
        ConnectionFactory factory = factory(REDIS, "redeliveryDelay=300ms");
        try (Connection connection = factory.createConnection()) {
            Session session = connection.createSession(Session.CLIENT_ACKNOWLEDGE);
            Queue queue = queue(session, "recover");
            session.createProducer(queue).send(session.createTextMessage("again"));
            MessageConsumer consumer = session.createConsumer(queue);
            connection.start();

            Message first = consumer.receive(5000);
            assertThat(first.getJMSRedelivered()).isFalse();
            assertThat(first.getIntProperty("JMSXDeliveryCount")).isEqualTo(1);
            long recoveredAt = System.nanoTime();
            session.recover();

            Message second = consumer.receive(10_000);
            long waitedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - recoveredAt);
            assertThat(text(second)).isEqualTo("again");
            assertThat(second.getJMSMessageID()).isEqualTo(first.getJMSMessageID());
            assertThat(second.getJMSRedelivered()).isTrue();
            assertThat(second.getIntProperty("JMSXDeliveryCount")).isEqualTo(2);
            assertThat(waitedMillis).as("the redelivery backoff").isGreaterThanOrEqualTo(250);
            second.acknowledge();
            assertThat(consumer.receive(300)).isNull();
        }
    }

    @Test
    void rollbackRedeliversConsumedMessagesAndDropsSends() throws Exception {
        try (Connection connection = factory(REDIS, "").createConnection()) {
            Session session = connection.createSession(Session.SESSION_TRANSACTED);
            Queue in = queue(session, "tx-in");
            Queue out = queue(session, "tx-out");
            session.createProducer(in).send(session.createTextMessage("work"));
            session.commit();
            connection.start();

            MessageConsumer consumer = session.createConsumer(in);
            Message work = consumer.receive(5000);
            session.createProducer(out).send(session.createTextMessage("result"));
            session.rollback();

            MessageConsumer results = session.createConsumer(out);
            assertThat(results.receive(300)).as("a rolled-back send never happened").isNull();
            Message again = consumer.receive(5000);
            assertThat(again.getJMSMessageID()).isEqualTo(work.getJMSMessageID());
            assertThat(again.getJMSRedelivered()).isTrue();
            assertThat(again.getIntProperty("JMSXDeliveryCount")).isEqualTo(2);
            session.commit();
            assertThat(consumer.receive(300)).as("acknowledged by the commit").isNull();
        }
    }

    @Test
    void transactedSendsAreInvisibleUntilCommit() throws Exception {
        ConnectionFactory factory = factory(REDIS, "");
        try (Connection producing = factory.createConnection(); Connection consuming = factory.createConnection()) {
            Session tx = producing.createSession(Session.SESSION_TRANSACTED);
            Queue queue = queue(tx, "tx-visibility");
            MessageProducer producer = tx.createProducer(queue);
            producer.send(tx.createTextMessage("one"));
            producer.send(tx.createTextMessage("two"));

            Session reader = consuming.createSession(Session.AUTO_ACKNOWLEDGE);
            MessageConsumer consumer = reader.createConsumer(queue);
            consuming.start();
            assertThat(consumer.receive(300)).as("not committed yet").isNull();

            tx.commit();
            assertThat(text(consumer.receive(5000))).isEqualTo("one");
            assertThat(text(consumer.receive(5000))).isEqualTo("two");
        }
    }

    @Test
    void listenerExceptionInAutoAcknowledgeModeRedeliversTheMessage() throws Exception {
        try (Connection connection = factory(REDIS, "").createConnection()) {
            Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            Queue queue = queue(session, "listener-failure");
            session.createProducer(queue).send(session.createTextMessage("flaky"));
            List<Integer> deliveryCounts = new ArrayList<>();
            CountDownLatch secondDelivery = new CountDownLatch(1);
            session.createConsumer(queue).setMessageListener(message -> {
                try {
                    deliveryCounts.add(message.getIntProperty("JMSXDeliveryCount"));
                    if (deliveryCounts.size() == 1) {
                        throw new IllegalStateException("first attempt fails");
                    }
                    secondDelivery.countDown();
                } catch (JMSException e) {
                    throw new RuntimeException(e);
                }
            });
            connection.start();
            assertThat(secondDelivery.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(deliveryCounts).containsExactly(1, 2);
        }
    }

    @Test
    void poisonMessageLandsInTheDeadLetterQueueWithItsReasonAndOrigin() throws Exception {
        try (Connection connection = factory(REDIS, "maxDeliveries=3").createConnection()) {
            Session session = connection.createSession(Session.SESSION_TRANSACTED);
            Queue queue = queue(session, "poison");
            TextMessage poison = session.createTextMessage("poison");
            poison.setStringProperty("orderId", "42");
            session.createProducer(queue).send(poison);
            session.commit();
            connection.start();

            MessageConsumer consumer = session.createConsumer(queue);
            for (int attempt = 1; attempt <= 3; attempt++) {
                Message m = consumer.receive(5000);
                assertThat(m.getIntProperty("JMSXDeliveryCount")).isEqualTo(attempt);
                session.rollback();
            }
            assertThat(consumer.receive(300)).isNull();

            MessageConsumer dlq = session.createConsumer(session.createQueue(queue.getQueueName() + ".DLQ"));
            Message dead = dlq.receive(5000);
            session.commit();
            assertThat(text(dead)).isEqualTo("poison");
            assertThat(dead.getJMSMessageID()).isEqualTo(poison.getJMSMessageID());
            assertThat(dead.getStringProperty("orderId")).isEqualTo("42");
            assertThat(dead.getStringProperty("JMS_ReliqDeadLetterReason")).isEqualTo("maxDeliveries");
            assertThat(dead.getStringProperty("JMS_ReliqDeadLetterOrigin")).isEqualTo(queue.getQueueName());
            assertThat(dead.getIntProperty("JMS_ReliqDeadLetterDeliveries")).isEqualTo(3);
        }
    }

    @Test
    void aConsumerHoldingAMessageLongerThanTheVisibilityTimeoutKeepsIt() throws Exception {
        ConnectionFactory factory = factory(REDIS, "visibilityTimeout=2s");
        try (Connection holder = factory.createConnection(); Connection other = factory.createConnection()) {
            Session holding = holder.createSession(Session.CLIENT_ACKNOWLEDGE);
            Queue queue = queue(holding, "lease");
            holding.createProducer(queue).send(holding.createTextMessage("slow work"));
            MessageConsumer slow = holding.createConsumer(queue);
            holder.start();
            Message held = slow.receive(5000);

            Session competing = other.createSession(Session.AUTO_ACKNOWLEDGE);
            MessageConsumer competitor = competing.createConsumer(queue);
            other.start();
            assertThat(competitor.receive(6500)).as("three visibility timeouts later, still leased to the holder").isNull();

            held.acknowledge();
            assertThat(competitor.receive(1500)).isNull();
        }
    }

    @Test
    void acknowledgingAfterTheLeaseWasLostFailsAndKeepsTheRedeliveredCopy() throws Exception {
        ConnectionFactory factory = factory(REDIS, "visibilityTimeout=500ms&maxLease=500ms");
        try (Connection holder = factory.createConnection(); Connection other = factory.createConnection()) {
            Session holding = holder.createSession(Session.CLIENT_ACKNOWLEDGE);
            Queue queue = queue(holding, "lost-lease");
            holding.createProducer(queue).send(holding.createTextMessage("too slow"));
            holder.start();
            Message late = holding.createConsumer(queue).receive(5000);

            Session competing = other.createSession(Session.CLIENT_ACKNOWLEDGE);
            other.start();
            Message redelivered = competing.createConsumer(queue).receive(10_000);
            assertThat(redelivered).as("delivered again once maxLease stopped the renewal").isNotNull();
            assertThat(redelivered.getJMSRedelivered()).isTrue();

            assertThatThrownBy(late::acknowledge).isInstanceOf(JMSException.class).hasMessageContaining("lease");
            redelivered.acknowledge();
        }
    }

    @Test
    void aConsumerWhoseConnectionIsNotStartedTakesNothing() throws Exception {
        ConnectionFactory factory = factory(REDIS, "");
        try (Connection idle = factory.createConnection(); Connection working = factory.createConnection()) {
            Session idleSession = idle.createSession(Session.AUTO_ACKNOWLEDGE);
            Queue queue = queue(idleSession, "not-started");
            idleSession.createConsumer(queue); // never started
            Session session = working.createSession(Session.AUTO_ACKNOWLEDGE);
            MessageProducer producer = session.createProducer(queue);
            for (int i = 0; i < 5; i++) {
                producer.send(session.createTextMessage("m" + i));
            }
            MessageConsumer consumer = session.createConsumer(queue);
            working.start();
            List<String> received = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                received.add(text(consumer.receive(5000)));
            }
            assertThat(received).containsExactly("m0", "m1", "m2", "m3", "m4");
        }
    }

    @Test
    void prefetchedMessagesGoBackWithoutCountingWhenTheConsumerCloses() throws Exception {
        try (Connection connection = factory(REDIS, "prefetch=10").createConnection()) {
            Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            Queue queue = queue(session, "prefetch");
            MessageProducer producer = session.createProducer(queue);
            for (int i = 0; i < 5; i++) {
                producer.send(session.createTextMessage("m" + i));
            }
            connection.start();
            MessageConsumer first = session.createConsumer(queue);
            assertThat(text(first.receive(5000))).isEqualTo("m0"); // prefetches the other four
            first.close();

            MessageConsumer second = session.createConsumer(queue);
            for (int i = 1; i < 5; i++) {
                Message m = second.receive(5000);
                assertThat(text(m)).isEqualTo("m" + i);
                assertThat(m.getJMSRedelivered()).as("never delivered before").isFalse();
                assertThat(m.getIntProperty("JMSXDeliveryCount")).isEqualTo(1);
            }
        }
    }

    @Test
    void selectorsWithFourConcurrentConsumersNeverLoseOrDuplicate() throws Exception {
        int perKind = 200;
        ConnectionFactory factory = factory(REDIS, "prefetch=8");
        Map<String, String> receivedBy = new ConcurrentHashMap<>();
        List<String> duplicates = new java.util.concurrent.CopyOnWriteArrayList<>();
        CountDownLatch all = new CountDownLatch(4 * perKind);
        List<Connection> connections = new ArrayList<>();
        try {
            Connection producing = factory.createConnection();
            connections.add(producing);
            Session session = producing.createSession(Session.AUTO_ACKNOWLEDGE);
            Queue queue = queue(session, "selectors");
            String[] kinds = {"red", "green", "blue", "yellow"};
            for (String kind : kinds) {
                Connection c = factory.createConnection();
                connections.add(c);
                Session s = c.createSession(Session.AUTO_ACKNOWLEDGE);
                s.createConsumer(queue, "color = '" + kind + "'").setMessageListener(m -> {
                    try {
                        String body = text(m);
                        if (!body.startsWith(kind) || receivedBy.putIfAbsent(body, kind) != null) {
                            duplicates.add(body + " at " + kind);
                        }
                        all.countDown();
                    } catch (JMSException e) {
                        throw new RuntimeException(e);
                    }
                });
                c.start();
            }
            MessageProducer producer = session.createProducer(queue);
            for (int i = 0; i < perKind; i++) {
                for (String kind : kinds) {
                    TextMessage m = session.createTextMessage(kind + "-" + i);
                    m.setStringProperty("color", kind);
                    producer.send(m);
                }
            }
            assertThat(all.await(60, TimeUnit.SECONDS)).as("every message delivered").isTrue();
            assertThat(duplicates).isEmpty();
            assertThat(receivedBy).hasSize(4 * perKind);
        } finally {
            JmsTestSupport.closeAll(connections);
        }
    }

    @Test
    void anIdleConsumerMakesAboutOneRedisCallPerSecond() throws Exception {
        int consumers = 4;
        try (Connection connection = factory(REDIS, "").createConnection()) { // default settings, sweep included
            Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            CountDownLatch never = new CountDownLatch(1);
            for (int i = 0; i < consumers; i++) {
                session.createConsumer(queue(session, "idle")).setMessageListener(m -> never.countDown());
            }
            connection.start();
            assertThat(never.await(1, TimeUnit.SECONDS)).isFalse(); // settle: subscriptions made
            long before = JmsTestSupport.redisCalls(REDIS);
            long start = System.nanoTime();
            assertThat(never.await(11, TimeUnit.SECONDS)).isFalse(); // idle, across two sweep rounds
            double seconds = (System.nanoTime() - start) / 1e9;
            double perConsumer = (JmsTestSupport.redisCalls(REDIS) - before) / seconds / consumers;
            // about one poll per second each, plus a share of the connection's upkeep (lease renewal and
            // temporary-queue reaping: 0.4 calls/s per connection); the sweep skips queues being polled
            assertThat(perConsumer).as("Redis commands per second per idle consumer, connection upkeep included")
                .isLessThanOrEqualTo(1.25);
        }
    }

    @Test
    void wrongCredentialsFailAtCreation() throws Exception {
        REDIS.jedis().sendCommand(redis.clients.jedis.Protocol.Command.ACL, "SETUSER", "jms-user", "on", ">right",
            "allkeys", "allchannels", "+@all");
        ConnectionFactory factory = factory(REDIS, "");
        assertThatThrownBy(() -> factory.createConnection("jms-user", "wrong"))
            .isInstanceOf(jakarta.jms.JMSSecurityException.class)
            .hasMessageNotContaining("wrong");
        assertThatThrownBy(() -> factory.createContext("jms-user", "wrong"))
            .isInstanceOf(jakarta.jms.JMSSecurityRuntimeException.class);
        try (Connection connection = factory.createConnection("jms-user", "right")) {
            assertThat(connection.createSession()).isNotNull();
        }
    }

    @Test
    void commitAfterALostLeaseRollsBackAndSendsNothing() throws Exception {
        ConnectionFactory factory = factory(REDIS, "visibilityTimeout=500ms&maxLease=500ms");
        try (Connection connection = factory.createConnection(); Connection other = factory.createConnection()) {
            Session tx = connection.createSession(Session.SESSION_TRANSACTED);
            Queue in = queue(tx, "commit-lost-in");
            Queue out = queue(tx, "commit-lost-out");
            tx.createProducer(in).send(tx.createTextMessage("work"));
            tx.commit();
            connection.start();
            tx.createConsumer(in).receive(5000);
            tx.createProducer(out).send(tx.createTextMessage("result"));

            Session competing = other.createSession(Session.AUTO_ACKNOWLEDGE);
            other.start();
            assertThat(competing.createConsumer(in).receive(10_000)).as("taken over after the lease lapsed").isNotNull();

            assertThatThrownBy(tx::commit).isInstanceOf(TransactionRolledBackException.class);
            assertThat(competing.createConsumer(out).receive(500)).as("nothing was sent").isNull();
        }
    }
}
