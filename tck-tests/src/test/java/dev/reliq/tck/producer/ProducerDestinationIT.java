package dev.reliq.tck.producer;

import static dev.reliq.tck.JmsTestSupport.factory;
import static dev.reliq.tck.JmsTestSupport.queue;
import static dev.reliq.tck.Texts.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import jakarta.jms.CompletionListener;
import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.QueueSender;
import jakarta.jms.QueueSession;
import jakarta.jms.Session;

import dev.reliq.test.RedisServerExtension;

/**
 * A producer's destination (Jakarta Messaging 3.1 chapter 7, MessageProducer javadoc): a producer
 * created for a destination sends only there, and refuses another with
 * UnsupportedOperationException; a producer created without one needs a destination with every
 * send, and refuses a send without one with UnsupportedOperationException, or a null one with
 * InvalidDestinationException.
 */
class ProducerDestinationIT {

    @RegisterExtension
    static final RedisServerExtension REDIS = RedisServerExtension.standalone();

    private static final CompletionListener IGNORE = new CompletionListener() {
        @Override
        public void onCompletion(Message message) {
        }

        @Override
        public void onException(Message message, Exception exception) {
        }
    };

    @FunctionalInterface
    private interface Send {
        void to(MessageProducer producer, Queue queue, Message message) throws Exception;
    }

    @Test
    void aProducerForADestinationSendsThereAndRefusesAnother() throws Exception {
        try (Connection connection = factory(REDIS, "").createConnection()) {
            Session session = connection.createSession();
            Queue own = queue(session, "fixed");
            Queue other = queue(session, "other");
            MessageProducer producer = session.createProducer(own);
            assertThat(producer.getDestination()).isEqualTo(own);

            List<Send> explicitDestination = List.of(
                (p, q, m) -> p.send(q, m),
                (p, q, m) -> p.send(q, m, DeliveryMode.PERSISTENT, 4, 0),
                (p, q, m) -> p.send(q, m, IGNORE),
                (p, q, m) -> p.send(q, m, DeliveryMode.PERSISTENT, 4, 0, IGNORE));
            for (Send send : explicitDestination) {
                assertThatThrownBy(() -> send.to(producer, other, session.createTextMessage("elsewhere")))
                    .isInstanceOf(UnsupportedOperationException.class);
                assertThatThrownBy(() -> send.to(producer, own, session.createTextMessage("named again")))
                    .isInstanceOf(UnsupportedOperationException.class);
            }

            Message sent = session.createTextMessage("here");
            producer.send(sent);
            assertThat(sent.getJMSDestination()).isEqualTo(own);
            connection.start();
            Message received = session.createConsumer(own).receive(5000);
            assertThat(text(received)).isEqualTo("here");
            assertThat(received.getJMSDestination()).isEqualTo(own);
            assertThat(session.createConsumer(other).receive(300)).isNull();
        }
    }

    @Test
    void aProducerWithoutADestinationNeedsOneWithEverySend() throws Exception {
        try (Connection connection = factory(REDIS, "").createConnection()) {
            Session session = connection.createSession();
            MessageProducer producer = session.createProducer(null);
            assertThat(producer.getDestination()).isNull();

            List<Send> withoutDestination = List.of(
                (p, q, m) -> p.send(m),
                (p, q, m) -> p.send(m, DeliveryMode.PERSISTENT, 4, 0),
                (p, q, m) -> p.send(m, IGNORE),
                (p, q, m) -> p.send(m, DeliveryMode.PERSISTENT, 4, 0, IGNORE));
            for (Send send : withoutDestination) {
                assertThatThrownBy(() -> send.to(producer, null, session.createTextMessage("nowhere")))
                    .isInstanceOf(UnsupportedOperationException.class);
            }
            List<Send> nullDestination = List.of(
                (p, q, m) -> p.send(null, m),
                (p, q, m) -> p.send(null, m, DeliveryMode.PERSISTENT, 4, 0),
                (p, q, m) -> p.send(null, m, IGNORE),
                (p, q, m) -> p.send(null, m, DeliveryMode.PERSISTENT, 4, 0, IGNORE));
            for (Send send : nullDestination) {
                assertThatThrownBy(() -> send.to(producer, null, session.createTextMessage("null")))
                    .isInstanceOf(InvalidDestinationException.class);
            }
        }
    }

    @Test
    void aProducerWithoutADestinationSendsEachMessageWhereItIsTold() throws Exception {
        try (Connection connection = factory(REDIS, "").createConnection()) {
            Session session = connection.createSession();
            Queue first = queue(session, "anon-1");
            Queue second = queue(session, "anon-2");
            MessageProducer producer = session.createProducer(null);
            producer.send(first, session.createTextMessage("to first"));
            producer.send(second, session.createTextMessage("to second"));
            producer.send(first, session.createTextMessage("first again"), DeliveryMode.NON_PERSISTENT, 7, 0);

            MessageConsumer fromFirst = session.createConsumer(first);
            MessageConsumer fromSecond = session.createConsumer(second);
            connection.start();
            Message again = fromFirst.receive(5000);
            assertThat(text(again)).as("priority 7 first").isEqualTo("first again");
            assertThat(again.getJMSDestination()).isEqualTo(first);
            assertThat(text(fromFirst.receive(5000))).isEqualTo("to first");
            Message toSecond = fromSecond.receive(5000);
            assertThat(text(toSecond)).isEqualTo("to second");
            assertThat(toSecond.getJMSDestination()).isEqualTo(second);
        }
    }

    @Test
    void aQueueSenderFollowsTheSameRules() throws Exception {
        try (Connection connection = factory(REDIS, "").createConnection()) {
            QueueSession session = (QueueSession) connection.createSession();
            Queue own = queue(session, "sender");
            QueueSender fixed = session.createSender(own);
            assertThat(fixed.getQueue()).isEqualTo(own);
            assertThatThrownBy(() -> fixed.send(queue(session, "other"), session.createTextMessage("x")))
                .isInstanceOf(UnsupportedOperationException.class);
            QueueSender anonymous = session.createSender(null);
            assertThatThrownBy(() -> anonymous.send(session.createTextMessage("x")))
                .isInstanceOf(UnsupportedOperationException.class);
            anonymous.send(own, session.createTextMessage("via sender"));
            connection.start();
            assertThat(text(session.createReceiver(own).receive(5000))).isEqualTo("via sender");
        }
    }
}
