package dev.reliq.tck.session;

import static dev.reliq.tck.JmsTestSupport.queue;
import static dev.reliq.tck.Texts.drainTexts;
import static dev.reliq.tck.Texts.sendTexts;
import static dev.reliq.tck.Texts.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.IllegalStateException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;

import dev.reliq.tck.JmsTestSupport;
import dev.reliq.test.RedisServerExtension;

/**
 * Local transactions (Jakarta Messaging 3.1 chapter 6, Session javadoc): commit and rollback
 * belong to transacted sessions and recover does not; a commit makes every send of the transaction
 * visible and acknowledges every receive, across queues; a listener of a transacted session
 * commits in onMessage.
 */
class TransactionsIT {

    @RegisterExtension
    static final RedisServerExtension REDIS = RedisServerExtension.standalone();

    private static ConnectionFactory factory() {
        return JmsTestSupport.factory(REDIS, "visibilityTimeout=60s");
    }

    @Test
    void commitAndRollbackAreRefusedOutsideATransactedSession() throws Exception {
        try (Connection connection = factory().createConnection()) {
            for (int mode : new int[] {Session.AUTO_ACKNOWLEDGE, Session.CLIENT_ACKNOWLEDGE, Session.DUPS_OK_ACKNOWLEDGE}) {
                Session session = connection.createSession(mode);
                assertThatThrownBy(session::commit).isInstanceOf(IllegalStateException.class);
                assertThatThrownBy(session::rollback).isInstanceOf(IllegalStateException.class);
            }
        }
    }

    @Test
    void recoverIsRefusedInATransactedSession() throws Exception {
        try (Connection connection = factory().createConnection()) {
            Session session = connection.createSession(Session.SESSION_TRANSACTED);
            assertThatThrownBy(session::recover).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void aClosedTransactedSessionRefusesCommitAndRollback() throws Exception {
        try (Connection connection = factory().createConnection()) {
            Session session = connection.createSession(Session.SESSION_TRANSACTED);
            session.close();
            assertThatThrownBy(session::commit).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(session::rollback).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void aCommitPublishesTheSendsAndAcknowledgesTheReceivesAcrossQueues() throws Exception {
        ConnectionFactory factory = factory();
        Queue in;
        Queue outA;
        Queue outB;
        try (Connection connection = factory.createConnection(); Connection observer = factory.createConnection()) {
            Session tx = connection.createSession(Session.SESSION_TRANSACTED);
            in = queue(tx, "tx-in");
            outA = queue(tx, "tx-out-a");
            outB = queue(tx, "tx-out-b");
            sendTexts(factory, in, "order-1", "order-2");
            MessageConsumer orders = tx.createConsumer(in);
            MessageProducer anywhere = tx.createProducer(null);
            connection.start();

            assertThat(text(orders.receive(5000))).isEqualTo("order-1");
            assertThat(text(orders.receive(5000))).isEqualTo("order-2");
            anywhere.send(outA, tx.createTextMessage("invoice"));
            anywhere.send(outB, tx.createTextMessage("shipment"));
            anywhere.send(outA, tx.createTextMessage("receipt"));

            Session watching = observer.createSession(Session.CLIENT_ACKNOWLEDGE);
            MessageConsumer watchA = watching.createConsumer(outA);
            MessageConsumer watchB = watching.createConsumer(outB);
            observer.start();
            assertThat(watchA.receive(300)).as("nothing is sent before the commit").isNull();
            assertThat(watchB.receive(100)).isNull();

            tx.commit();

            assertThat(text(watchA.receive(5000))).isEqualTo("invoice");
            assertThat(text(watchA.receive(5000))).isEqualTo("receipt");
            assertThat(text(watchB.receive(5000))).isEqualTo("shipment");
            watching.recover(); // leave them in the queues for the checks below
        }
        assertThat(drainTexts(factory, in, 500)).as("the receives were acknowledged").isEmpty();
        assertThat(drainTexts(factory, outA, 500)).containsExactly("invoice", "receipt");
        assertThat(drainTexts(factory, outB, 500)).containsExactly("shipment");
    }

    @Test
    void eachCommitOrRollbackStartsTheNextTransaction() throws Exception {
        ConnectionFactory factory = factory();
        Queue queue;
        try (Connection connection = factory.createConnection()) {
            Session tx = connection.createSession(Session.SESSION_TRANSACTED);
            queue = queue(tx, "tx-chain");
            MessageProducer producer = tx.createProducer(queue);
            producer.send(tx.createTextMessage("committed-1"));
            tx.commit();
            producer.send(tx.createTextMessage("rolled-back"));
            tx.rollback();
            producer.send(tx.createTextMessage("committed-2"));
            tx.commit();
            tx.commit(); // an empty transaction
        }
        assertThat(drainTexts(factory, queue, 500)).containsExactly("committed-1", "committed-2");
    }

    @Test
    void theTimeToLiveAndDeliveryDelayOfATransactedSendCountFromTheSend() throws Exception {
        ConnectionFactory factory = factory();
        try (Connection connection = factory.createConnection(); Connection observer = factory.createConnection()) {
            Session tx = connection.createSession(Session.SESSION_TRANSACTED);
            Queue queue = queue(tx, "tx-timing");
            MessageProducer producer = tx.createProducer(queue);
            producer.setTimeToLive(300);
            Message expiring = tx.createTextMessage("expired before the commit");
            producer.send(expiring);
            producer.setTimeToLive(0);
            producer.setDeliveryDelay(2500);
            Message delayed = tx.createTextMessage("due before the commit");
            producer.send(delayed);

            JmsTestSupport.awaitClockPast(Math.max(expiring.getJMSExpiration(), delayed.getJMSDeliveryTime()));
            tx.commit();

            MessageConsumer consumer = observer.createSession().createConsumer(queue);
            observer.start();
            assertThat(text(consumer.receive(1500))).as("its delivery time passed while the transaction was open")
                .isEqualTo("due before the commit");
            assertThat(consumer.receive(300)).as("expired while the transaction was open").isNull();
        }
    }

    @Test
    void aListenerOfATransactedSessionCommitsAndRollsBackInOnMessage() throws Exception {
        ConnectionFactory factory = factory();
        Queue in;
        Queue out;
        List<String> heard = new CopyOnWriteArrayList<>();
        try (Connection connection = factory.createConnection()) {
            Session tx = connection.createSession(Session.SESSION_TRANSACTED);
            in = queue(tx, "tx-listener-in");
            out = queue(tx, "tx-listener-out");
            MessageProducer replies = tx.createProducer(out);
            sendTexts(factory, in, "first", "second");
            tx.createConsumer(in).setMessageListener(m -> {
                try {
                    String body = text(m);
                    heard.add(body + (m.getJMSRedelivered() ? " (redelivered)" : ""));
                    replies.send(tx.createTextMessage("done " + body));
                    if (body.equals("second") && !m.getJMSRedelivered()) {
                        tx.rollback(); // the reply is dropped and "second" comes again
                    } else {
                        tx.commit();
                    }
                } catch (Exception e) {
                    heard.add(e.toString());
                }
            });
            connection.start();
            await().atMost(Duration.ofSeconds(10)).until(() -> heard.size() >= 3);
        }
        assertThat(heard).containsExactly("first", "second", "second (redelivered)");
        assertThat(drainTexts(factory, out, 500)).containsExactly("done first", "done second");
        assertThat(drainTexts(factory, in, 500)).isEmpty();
    }

    @Test
    void aRolledBackMessageIsDeliveredAgainBeforeLaterOnes() throws Exception {
        try (Connection connection = factory().createConnection()) {
            Session tx = connection.createSession(Session.SESSION_TRANSACTED);
            Queue queue = queue(tx, "tx-order");
            sendTexts(tx, queue, "a", "b", "c");
            tx.commit();
            MessageConsumer consumer = tx.createConsumer(queue);
            connection.start();
            assertThat(text(consumer.receive(5000))).isEqualTo("a");
            assertThat(text(consumer.receive(5000))).isEqualTo("b");
            tx.rollback();
            Message a = consumer.receive(5000);
            assertThat(text(a)).isEqualTo("a");
            assertThat(a.getJMSRedelivered()).isTrue();
            assertThat(text(consumer.receive(5000))).isEqualTo("b");
            Message c = consumer.receive(5000);
            assertThat(text(c)).isEqualTo("c");
            assertThat(c.getJMSRedelivered()).isFalse();
            tx.commit();
        }
    }
}
