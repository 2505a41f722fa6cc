package dev.reliq.tck.session;

import static dev.reliq.tck.JmsTestSupport.queue;
import static dev.reliq.tck.Texts.drainTexts;
import static dev.reliq.tck.Texts.sendTexts;
import static dev.reliq.tck.Texts.text;
import static dev.reliq.tck.Texts.textOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.IllegalStateException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Queue;
import jakarta.jms.Session;

import dev.reliq.tck.JmsTestSupport;
import dev.reliq.test.RedisServerExtension;

/**
 * Acknowledgement modes (Jakarta Messaging 3.1 chapter 6, Session javadoc): AUTO and DUPS_OK
 * acknowledge what was delivered; CLIENT acknowledges, on {@code Message.acknowledge()}, every
 * message the session consumed so far, whichever consumer it came from; {@code recover()} delivers
 * the unacknowledged ones again, oldest first, marked redelivered. A queue with a long visibility
 * timeout shows that what comes back was given back, not lost to a timeout.
 */
class AcknowledgeModesIT {

    @RegisterExtension
    static final RedisServerExtension REDIS = RedisServerExtension.standalone();

    private static ConnectionFactory factory() {
        return JmsTestSupport.factory(REDIS, "visibilityTimeout=60s");
    }

    @Test
    void autoAcknowledgeAcknowledgesEachMessageThatReceiveReturns() throws Exception {
        assertNothingComesBackAfterReceivingIn(Session.AUTO_ACKNOWLEDGE);
    }

    @Test
    void dupsOkAcknowledgeAcknowledgesEachMessageThatReceiveReturns() throws Exception {
        assertNothingComesBackAfterReceivingIn(Session.DUPS_OK_ACKNOWLEDGE);
    }

    private void assertNothingComesBackAfterReceivingIn(int mode) throws Exception {
        ConnectionFactory factory = factory();
        Queue queue;
        try (Connection connection = factory.createConnection()) {
            Session session = connection.createSession(mode);
            queue = queue(session, "mode-" + mode);
            sendTexts(session, queue, "one", "two", "three");
            MessageConsumer consumer = session.createConsumer(queue);
            connection.start();
            assertThat(text(consumer.receive(5000))).isEqualTo("one");
            assertThat(text(consumer.receive(5000))).isEqualTo("two");
        }
        assertThat(drainTexts(factory, queue, 500)).as("only the message never received").containsExactly("three");
    }

    @Test
    void autoAcknowledgeAcknowledgesWhenOnMessageReturns() throws Exception {
        ConnectionFactory factory = factory();
        Queue queue;
        List<String> heard = new CopyOnWriteArrayList<>();
        try (Connection connection = factory.createConnection()) {
            Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            queue = queue(session, "auto-listener");
            sendTexts(session, queue, "a", "b", "c");
            session.createConsumer(queue).setMessageListener(m -> heard.add(textOf(m)));
            connection.start();
            await().atMost(Duration.ofSeconds(10)).until(() -> heard.size() == 3);
        }
        assertThat(heard).containsExactly("a", "b", "c");
        assertThat(drainTexts(factory, queue, 500)).isEmpty();
    }

    @Test
    void clientAcknowledgeAcknowledgesEverythingTheSessionConsumedSoFarFromEveryConsumer() throws Exception {
        ConnectionFactory factory = factory();
        Queue first;
        Queue second;
        try (Connection connection = factory.createConnection()) {
            Session session = connection.createSession(Session.CLIENT_ACKNOWLEDGE);
            first = queue(session, "client-ack-1");
            second = queue(session, "client-ack-2");
            sendTexts(session, first, "1a", "1b", "1c");
            sendTexts(session, second, "2a", "2b");
            MessageConsumer fromFirst = session.createConsumer(first);
            MessageConsumer fromSecond = session.createConsumer(second);
            connection.start();
            Message m1a = fromFirst.receive(5000);
            Message m2a = fromSecond.receive(5000);
            Message m1b = fromFirst.receive(5000);
            assertThat(List.of(text(m1a), text(m2a), text(m1b))).containsExactly("1a", "2a", "1b");

            m1a.acknowledge(); // the oldest acknowledges the younger ones too, and those of the other consumer

            assertThat(text(fromSecond.receive(5000))).isEqualTo("2b"); // consumed after: not acknowledged
        }
        assertThat(drainTexts(factory, first, 500)).containsExactly("1c");
        assertThat(drainTexts(factory, second, 500)).as("consumed after the acknowledge").containsExactly("2b");
    }

    @Test
    void messagesOfAClosedConsumerAreAcknowledgedWithTheSession() throws Exception {
        ConnectionFactory factory = factory();
        Queue queue;
        try (Connection connection = factory.createConnection()) {
            Session session = connection.createSession(Session.CLIENT_ACKNOWLEDGE);
            queue = queue(session, "ack-after-consumer-close");
            sendTexts(session, queue, "kept", "given back");
            MessageConsumer consumer = session.createConsumer(queue);
            connection.start();
            Message kept = consumer.receive(5000);
            consumer.close();
            kept.acknowledge();
        }
        assertThat(drainTexts(factory, queue, 500)).containsExactly("given back");
    }

    @Test
    void acknowledgingAMessageOfAClosedSessionIsRefused() throws Exception {
        ConnectionFactory factory = factory();
        Queue queue;
        try (Connection connection = factory.createConnection()) {
            Session session = connection.createSession(Session.CLIENT_ACKNOWLEDGE);
            queue = queue(session, "ack-after-session-close");
            sendTexts(session, queue, "unacknowledged");
            MessageConsumer consumer = session.createConsumer(queue);
            connection.start();
            Message message = consumer.receive(5000);
            session.close();
            assertThatThrownBy(message::acknowledge).isInstanceOf(IllegalStateException.class);
        }
        assertThat(drainTexts(factory, queue, 500)).as("closing the session gave it back").containsExactly("unacknowledged");
    }

    @Test
    void recoverDeliversTheUnacknowledgedMessagesAgainOldestFirst() throws Exception {
        try (Connection connection = factory().createConnection()) {
            Session session = connection.createSession(Session.CLIENT_ACKNOWLEDGE);
            Queue queue = queue(session, "recover-order");
            sendTexts(session, queue, "m0", "m1", "m2", "m3", "m4");
            MessageConsumer consumer = session.createConsumer(queue);
            connection.start();
            consumer.receive(5000).acknowledge();
            assertThat(text(consumer.receive(5000))).isEqualTo("m1");
            assertThat(text(consumer.receive(5000))).isEqualTo("m2");

            session.recover();

            List<Message> again = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                again.add(consumer.receive(5000));
            }
            assertThat(again).doesNotContainNull();
            List<String> bodies = new ArrayList<>();
            List<Boolean> redelivered = new ArrayList<>();
            for (Message m : again) {
                bodies.add(text(m));
                redelivered.add(m.getJMSRedelivered());
            }
            assertThat(bodies).containsExactly("m1", "m2", "m3", "m4");
            assertThat(redelivered).containsExactly(true, true, false, false);
            assertThat(again.get(0).getIntProperty("JMSXDeliveryCount")).isEqualTo(2);
            again.get(3).acknowledge();
            assertThat(consumer.receive(300)).isNull();
        }
    }

    @Test
    void recoverInAListenerDeliversTheUnacknowledgedMessagesAgainToTheListener() throws Exception {
        try (Connection connection = factory().createConnection()) {
            Session session = connection.createSession(Session.CLIENT_ACKNOWLEDGE);
            Queue queue = queue(session, "recover-listener");
            sendTexts(session, queue, "x", "y");
            List<String> heard = new CopyOnWriteArrayList<>();
            session.createConsumer(queue).setMessageListener(m -> {
                try {
                    heard.add(text(m) + (m.getJMSRedelivered() ? " again" : ""));
                    if (heard.size() == 2) {
                        session.recover();
                    } else if (heard.size() == 4) {
                        m.acknowledge();
                    }
                } catch (Exception e) {
                    heard.add(e.toString());
                }
            });
            connection.start();
            await().atMost(Duration.ofSeconds(10)).until(() -> heard.size() >= 4);
            assertThat(heard).containsExactly("x", "y", "x again", "y again");
        }
    }

    @Test
    void recoverInAnAutoAcknowledgeListenerDeliversTheCurrentMessageAgain() throws Exception {
        ConnectionFactory factory = factory();
        Queue queue;
        List<String> heard = new CopyOnWriteArrayList<>();
        try (Connection connection = factory.createConnection()) {
            Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            queue = queue(session, "auto-recover");
            sendTexts(session, queue, "again please", "next");
            session.createConsumer(queue).setMessageListener(m -> {
                try {
                    heard.add(text(m) + (m.getJMSRedelivered() ? " (redelivered)" : ""));
                    if (heard.size() == 1) {
                        session.recover();
                    }
                } catch (Exception e) {
                    heard.add(e.toString());
                }
            });
            connection.start();
            await().atMost(Duration.ofSeconds(10)).until(() -> heard.size() >= 3);
        }
        assertThat(heard).containsExactly("again please", "again please (redelivered)", "next");
        assertThat(drainTexts(factory, queue, 500)).isEmpty();
    }

    @Test
    void acknowledgeIsIgnoredOutsideClientAcknowledgeMode() throws Exception {
        ConnectionFactory factory = factory();
        for (int mode : new int[] {Session.AUTO_ACKNOWLEDGE, Session.DUPS_OK_ACKNOWLEDGE, Session.SESSION_TRANSACTED}) {
            try (Connection connection = factory.createConnection()) {
                Session session = connection.createSession(mode);
                Queue queue = queue(session, "ack-ignored");
                session.createProducer(queue).send(session.createTextMessage("m"));
                if (mode == Session.SESSION_TRANSACTED) {
                    session.commit();
                }
                MessageConsumer consumer = session.createConsumer(queue);
                connection.start();
                Message m = consumer.receive(5000);
                m.acknowledge();
                if (mode == Session.SESSION_TRANSACTED) {
                    session.rollback();
                    assertThat(text(consumer.receive(5000))).as("acknowledge() did not settle the transaction")
                        .isEqualTo("m");
                    session.commit();
                }
            }
        }
    }
}
