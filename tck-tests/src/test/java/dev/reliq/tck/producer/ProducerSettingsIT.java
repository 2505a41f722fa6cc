package dev.reliq.tck.producer;

import static dev.reliq.tck.JmsTestSupport.factory;
import static dev.reliq.tck.JmsTestSupport.queue;
import static dev.reliq.tck.Texts.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.IllegalStateException;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;

import dev.reliq.tck.JmsTestSupport;
import dev.reliq.test.RedisServerExtension;

/**
 * What a producer's settings do (Jakarta Messaging 3.1 chapter 7, MessageProducer javadoc):
 * defaults, validation of delivery mode and priority, time-to-live, delivery delay, and the hints
 * that disable message IDs and timestamps; a closed producer refuses use.
 */
class ProducerSettingsIT {

    @RegisterExtension
    static final RedisServerExtension REDIS = RedisServerExtension.standalone();

    @Test
    void aNewProducerHasTheDefaultSettings() throws Exception {
        try (Connection connection = factory(REDIS, "").createConnection()) {
            Session session = connection.createSession();
            MessageProducer producer = session.createProducer(queue(session, "defaults"));
            assertThat(producer.getDeliveryMode()).isEqualTo(DeliveryMode.PERSISTENT);
            assertThat(producer.getPriority()).isEqualTo(Message.DEFAULT_PRIORITY);
            assertThat(producer.getTimeToLive()).isEqualTo(Message.DEFAULT_TIME_TO_LIVE);
            assertThat(producer.getDeliveryDelay()).isEqualTo(Message.DEFAULT_DELIVERY_DELAY);
            assertThat(producer.getDisableMessageID()).isFalse();
            assertThat(producer.getDisableMessageTimestamp()).isFalse();
        }
    }

    @Test
    void anInvalidDeliveryModeOrPriorityIsRefusedAndChangesNothing() throws Exception {
        try (Connection connection = factory(REDIS, "").createConnection()) {
            Session session = connection.createSession();
            Queue queue = queue(session, "validation");
            MessageProducer producer = session.createProducer(queue);
            producer.setDeliveryMode(DeliveryMode.NON_PERSISTENT);
            producer.setPriority(9);
            for (int mode : new int[] {0, 3, -1}) {
                assertThatThrownBy(() -> producer.setDeliveryMode(mode)).isInstanceOf(JMSException.class);
            }
            for (int priority : new int[] {-1, 10}) {
                assertThatThrownBy(() -> producer.setPriority(priority)).isInstanceOf(JMSException.class);
            }
            assertThat(producer.getDeliveryMode()).isEqualTo(DeliveryMode.NON_PERSISTENT);
            assertThat(producer.getPriority()).isEqualTo(9);

            assertThatThrownBy(() -> producer.send(session.createTextMessage("bad mode"), 5, 4, 0))
                .isInstanceOf(JMSException.class);
            assertThatThrownBy(() -> producer.send(session.createTextMessage("bad priority"), DeliveryMode.PERSISTENT, 11, 0))
                .isInstanceOf(JMSException.class);
            connection.start();
            assertThat(session.createConsumer(queue).receive(300)).as("nothing was sent").isNull();
        }
    }

    @Test
    void theSettingsOfTheProducerGoWithEachMessage() throws Exception {
        try (Connection connection = factory(REDIS, "").createConnection()) {
            Session session = connection.createSession();
            Queue queue = queue(session, "settings");
            MessageProducer producer = session.createProducer(queue);
            producer.setDeliveryMode(DeliveryMode.NON_PERSISTENT);
            producer.setPriority(8);
            producer.send(session.createTextMessage("with settings"));
            producer.send(session.createTextMessage("overridden"), DeliveryMode.PERSISTENT, 2, 0);

            MessageConsumer consumer = session.createConsumer(queue);
            connection.start();
            Message first = consumer.receive(5000);
            assertThat(text(first)).isEqualTo("with settings");
            assertThat(first.getJMSDeliveryMode()).isEqualTo(DeliveryMode.NON_PERSISTENT);
            assertThat(first.getJMSPriority()).isEqualTo(8);
            Message second = consumer.receive(5000);
            assertThat(second.getJMSDeliveryMode()).isEqualTo(DeliveryMode.PERSISTENT);
            assertThat(second.getJMSPriority()).isEqualTo(2);
        }
    }

    @Test
    void aMessageWhoseTimeToLivePassedIsNotDelivered() throws Exception {
        try (Connection connection = factory(REDIS, "").createConnection()) {
            Session session = connection.createSession();
            Queue queue = queue(session, "ttl");
            MessageProducer producer = session.createProducer(queue);
            producer.setTimeToLive(300);
            assertThat(producer.getTimeToLive()).isEqualTo(300);
            Message shortLived = session.createTextMessage("short-lived");
            producer.send(shortLived);
            assertThat(shortLived.getJMSExpiration()).isEqualTo(shortLived.getJMSTimestamp() + 300);
            producer.setTimeToLive(0);
            Message forever = session.createTextMessage("forever");
            producer.send(forever);
            assertThat(forever.getJMSExpiration()).as("0: never expires").isZero();

            JmsTestSupport.awaitClockPast(shortLived.getJMSExpiration() + 50);
            MessageConsumer consumer = session.createConsumer(queue);
            connection.start();
            assertThat(text(consumer.receive(5000))).isEqualTo("forever");
            assertThat(consumer.receive(300)).isNull();
        }
    }

    @Test
    void aDelayedMessageIsNotDeliveredBeforeItsDeliveryDelay() throws Exception {
        try (Connection connection = factory(REDIS, "").createConnection()) {
            Session session = connection.createSession();
            Queue queue = queue(session, "delay");
            MessageProducer producer = session.createProducer(queue);
            producer.setDeliveryDelay(3000);
            assertThat(producer.getDeliveryDelay()).isEqualTo(3000);
            Message delayed = session.createTextMessage("later");
            producer.send(delayed);
            assertThat(delayed.getJMSDeliveryTime()).isEqualTo(delayed.getJMSTimestamp() + 3000);
            producer.setDeliveryDelay(0);
            producer.send(session.createTextMessage("now"));

            MessageConsumer consumer = session.createConsumer(queue);
            connection.start();
            assertThat(text(consumer.receive(5000))).isEqualTo("now");
            assertThat(consumer.receive(500)).as("the delay has not passed").isNull();
            Message later = consumer.receive(10_000);
            long receivedAt = System.currentTimeMillis();
            assertThat(text(later)).isEqualTo("later");
            assertThat(receivedAt).isGreaterThanOrEqualTo(delayed.getJMSDeliveryTime());
            assertThat(later.getJMSDeliveryTime()).isEqualTo(delayed.getJMSDeliveryTime());
        }
    }

    @Test
    void disabledMessageIdsAndTimestampsAreLeftOut() throws Exception {
        try (Connection connection = factory(REDIS, "").createConnection()) {
            Session session = connection.createSession();
            Queue queue = queue(session, "disabled");
            MessageProducer producer = session.createProducer(queue);
            producer.setDisableMessageID(true);
            producer.setDisableMessageTimestamp(true);
            assertThat(producer.getDisableMessageID()).isTrue();
            assertThat(producer.getDisableMessageTimestamp()).isTrue();
            Message bare = session.createTextMessage("bare");
            producer.send(bare);
            assertThat(bare.getJMSMessageID()).isNull();
            assertThat(bare.getJMSTimestamp()).isZero();
            producer.setDisableMessageID(false);
            producer.setDisableMessageTimestamp(false);
            producer.send(session.createTextMessage("dressed"));

            MessageConsumer consumer = session.createConsumer(queue);
            connection.start();
            Message first = consumer.receive(5000);
            assertThat(text(first)).isEqualTo("bare");
            assertThat(first.getJMSMessageID()).isNull();
            assertThat(first.getJMSTimestamp()).isZero();
            Message second = consumer.receive(5000);
            assertThat(second.getJMSMessageID()).startsWith("ID:");
            assertThat(second.getJMSTimestamp()).isPositive();
        }
    }

    @Test
    void aMessageLargerThanMaxMessageSizeIsRefusedWithTheLimitNamed() throws Exception {
        try (Connection connection = factory(REDIS, "maxMessageSize=1KiB").createConnection()) {
            Session session = connection.createSession();
            Queue queue = queue(session, "too-large");
            MessageProducer producer = session.createProducer(queue);
            BytesMessage large = session.createBytesMessage();
            large.writeBytes(new byte[2048]);
            assertThatThrownBy(() -> producer.send(large)).isInstanceOf(JMSException.class)
                .hasMessageContaining("maxMessageSize").hasMessageContaining("1024");
            producer.send(session.createTextMessage("small"));
            connection.start();
            MessageConsumer consumer = session.createConsumer(queue);
            assertThat(text(consumer.receive(5000))).isEqualTo("small");
            assertThat(consumer.receive(300)).isNull();
        }
    }

    @Test
    void inATransactionAMessageTooLargeIsRefusedBySendAndTheRestCommits() throws Exception {
        try (Connection connection = factory(REDIS, "maxMessageSize=1KiB").createConnection()) {
            Session tx = connection.createSession(Session.SESSION_TRANSACTED);
            Queue first = queue(tx, "tx-too-large-1");
            Queue second = queue(tx, "tx-too-large-2");
            MessageProducer producer = tx.createProducer(null);
            producer.send(first, tx.createTextMessage("fits"));
            BytesMessage large = tx.createBytesMessage();
            large.writeBytes(new byte[2048]);
            assertThatThrownBy(() -> producer.send(second, large)).isInstanceOf(JMSException.class)
                .hasMessageContaining("maxMessageSize");
            producer.send(second, tx.createTextMessage("fits too"));
            tx.commit();

            connection.start();
            MessageConsumer fromFirst = tx.createConsumer(first);
            MessageConsumer fromSecond = tx.createConsumer(second);
            assertThat(text(fromFirst.receive(5000))).isEqualTo("fits");
            assertThat(text(fromSecond.receive(5000))).isEqualTo("fits too");
            assertThat(fromSecond.receive(300)).isNull();
            tx.commit();
        }
    }

    @Test
    void aClosedProducerRefusesUseAndMayBeClosedAgain() throws Exception {
        try (Connection connection = factory(REDIS, "").createConnection()) {
            Session session = connection.createSession();
            Queue queue = queue(session, "closed-producer");
            MessageProducer producer = session.createProducer(queue);
            producer.close();
            producer.close();
            assertThatThrownBy(() -> producer.send(session.createTextMessage("x"))).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> producer.setPriority(5)).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(producer::getDeliveryMode).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(producer::getDestination).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> producer.setDeliveryDelay(10)).isInstanceOf(IllegalStateException.class);
            // the session goes on
            session.createProducer(queue).send(session.createTextMessage("from another producer"));
        }
    }
}
