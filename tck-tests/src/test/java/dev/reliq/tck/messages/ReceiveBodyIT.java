package dev.reliq.tck.messages;

import static dev.reliq.tck.JmsTestSupport.factory;
import static dev.reliq.tck.JmsTestSupport.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import jakarta.jms.MessageFormatRuntimeException;
import jakarta.jms.Queue;
import jakarta.jms.StreamMessage;

import dev.reliq.test.RedisServerExtension;

/**
 * {@code JMSConsumer.receiveBody} (Jakarta Messaging 3.1, sections 3.11 and 8.6, and the
 * JMSConsumer javadoc): the body of each body type through Redis, and what happens to a message
 * whose body cannot be returned as the type asked for, in each session mode.
 */
class ReceiveBodyIT {

    @RegisterExtension
    static final RedisServerExtension REDIS = RedisServerExtension.standalone();

    private static JMSContext context(int mode) {
        return factory(REDIS, "objectMessageAllowList=dev.reliq.tck.messages.**").createContext(mode);
    }

    @Test
    void receiveBodyReturnsTheBodyOfEachBodyType() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("n", 1);
        map.put("s", "two");
        map.put("b", new byte[] {3});
        try (JMSContext context = context(JMSContext.AUTO_ACKNOWLEDGE)) {
            Queue queue = context.createQueue(uniqueName("receive-body"));
            context.createProducer().send(queue, "text ✓");
            context.createProducer().send(queue, new byte[] {0, (byte) 0xFF});
            context.createProducer().send(queue, map);
            context.createProducer().send(queue, Parcel.sample());
            context.createProducer().send(queue, "as object");
            context.createProducer().send(queue, (Serializable) Parcel.sample());

            JMSConsumer consumer = context.createConsumer(queue);
            assertThat(consumer.receiveBody(String.class, 5000)).isEqualTo("text ✓");
            assertThat(consumer.receiveBody(byte[].class, 5000)).containsExactly(0, 0xFF);
            @SuppressWarnings("unchecked")
            Map<String, Object> received = consumer.receiveBody(Map.class, 5000);
            assertThat(received).containsOnlyKeys("n", "s", "b").containsEntry("n", 1).containsEntry("s", "two");
            assertThat((byte[]) received.get("b")).containsExactly(3);
            assertThat(consumer.receiveBody(Parcel.class, 5000)).isEqualTo(Parcel.sample());
            assertThat(consumer.receiveBody(Object.class, 5000)).isEqualTo("as object");
            assertThat(consumer.receiveBody(Serializable.class)).isEqualTo(Parcel.sample());
        }
    }

    @Test
    void receiveBodyReturnsNullWhenNoMessageComes() {
        try (JMSContext context = context(JMSContext.AUTO_ACKNOWLEDGE)) {
            Queue queue = context.createQueue(uniqueName("receive-body-empty"));
            JMSConsumer consumer = context.createConsumer(queue);
            assertThat(consumer.receiveBodyNoWait(String.class)).isNull();
            assertThat(consumer.receiveBody(String.class, 200)).isNull();
            context.createProducer().send(queue, "now");
            assertThat(consumer.receiveBody(String.class, 5000)).isEqualTo("now");
        }
    }

    @Test
    void aBodyOfTheWrongTypeIsRefusedAndTheMessageIsNotLost() {
        try (JMSContext context = context(JMSContext.AUTO_ACKNOWLEDGE)) {
            Queue queue = context.createQueue(uniqueName("receive-body-wrong-type"));
            context.createProducer().send(queue, "text");
            JMSConsumer consumer = context.createConsumer(queue);
            assertThatThrownBy(() -> consumer.receiveBody(Integer.class, 5000))
                .isInstanceOf(MessageFormatRuntimeException.class);
            assertThat(consumer.receiveBody(String.class, 5000)).as("received again").isEqualTo("text");
        }
    }

    @Test
    void streamAndPlainMessagesCannotBeReceivedAsABodyAndAreNotLost() throws Exception {
        try (JMSContext context = context(JMSContext.AUTO_ACKNOWLEDGE)) {
            Queue queue = context.createQueue(uniqueName("receive-body-unsupported"));
            JMSConsumer consumer = context.createConsumer(queue);

            StreamMessage stream = context.createStreamMessage();
            stream.writeString("field");
            context.createProducer().send(queue, stream);
            assertThatThrownBy(() -> consumer.receiveBody(Object.class, 5000))
                .as("a StreamMessage").isInstanceOf(MessageFormatRuntimeException.class);
            Message again = consumer.receive(5000);
            assertThat(again).isInstanceOf(StreamMessage.class);
            assertThat(((StreamMessage) again).readString()).isEqualTo("field");

            Message plain = context.createMessage();
            plain.setStringProperty("kind", "plain");
            context.createProducer().send(queue, plain);
            assertThatThrownBy(() -> consumer.receiveBody(Object.class, 5000))
                .as("a Message without body").isInstanceOf(MessageFormatRuntimeException.class);
            Message plainAgain = consumer.receive(5000);
            assertThat(plainAgain.getStringProperty("kind")).isEqualTo("plain");
            assertThat(consumer.receiveNoWait()).isNull();
        }
    }

    /** The JMSConsumer javadoc: receiveBody throws MessageFormatRuntimeException "if the message has no body". */
    @Test
    void aMessageWithoutBodyCannotBeReceivedAsABodyAndIsNotLost() throws Exception {
        try (JMSContext context = context(JMSContext.AUTO_ACKNOWLEDGE)) {
            Queue queue = context.createQueue(uniqueName("receive-body-no-body"));
            Message empty = context.createTextMessage();
            empty.setStringProperty("kind", "empty text");
            context.createProducer().send(queue, empty);
            JMSConsumer consumer = context.createConsumer(queue);
            assertThatThrownBy(() -> consumer.receiveBody(String.class, 5000))
                .isInstanceOf(MessageFormatRuntimeException.class);
            Message again = consumer.receive(5000);
            assertThat(again).as("not lost").isNotNull();
            assertThat(again.getStringProperty("kind")).isEqualTo("empty text");
        }
    }

    /**
     * The JMSConsumer javadoc: in AUTO_ACKNOWLEDGE and DUPS_OK_ACKNOWLEDGE mode, the provider
     * behaves "as if the unsuccessful call to receiveBody had not occurred. The message will be
     * delivered again before any subsequent messages. This is not considered to be redelivery".
     */
    @Test
    void aRefusedBodyIsDeliveredAgainFirstAndNotCountedAsARedelivery() throws Exception {
        for (int mode : new int[] {JMSContext.AUTO_ACKNOWLEDGE, JMSContext.DUPS_OK_ACKNOWLEDGE}) {
            try (JMSContext context = context(mode)) {
                Queue queue = context.createQueue(uniqueName("receive-body-not-redelivery"));
                context.createProducer().send(queue, "first");
                context.createProducer().send(queue, "second");
                JMSConsumer consumer = context.createConsumer(queue);
                assertThatThrownBy(() -> consumer.receiveBody(byte[].class, 5000))
                    .isInstanceOf(MessageFormatRuntimeException.class);

                Message again = consumer.receive(5000);
                assertThat(again.getBody(String.class)).as("mode " + mode + ": before later messages").isEqualTo("first");
                assertThat(again.getJMSRedelivered()).as("mode " + mode + ": JMSRedelivered").isFalse();
                assertThat(again.getIntProperty("JMSXDeliveryCount")).as("mode " + mode + ": JMSXDeliveryCount")
                    .isEqualTo(1);
                assertThat(consumer.receiveBody(String.class, 5000)).isEqualTo("second");
            }
        }
    }

    /**
     * The JMSConsumer javadoc: in CLIENT_ACKNOWLEDGE mode the provider behaves as if the call
     * had succeeded; the message is delivered again only after {@code recover}, as a redelivery.
     */
    @Test
    void aRefusedBodyInClientAcknowledgeModeCountsAsDeliveredUntilRecover() throws Exception {
        try (JMSContext context = context(JMSContext.CLIENT_ACKNOWLEDGE)) {
            Queue queue = context.createQueue(uniqueName("receive-body-client-ack"));
            context.createProducer().send(queue, "text");
            JMSConsumer consumer = context.createConsumer(queue);
            assertThatThrownBy(() -> consumer.receiveBody(Long.class, 5000))
                .isInstanceOf(MessageFormatRuntimeException.class);
            assertThat(consumer.receiveNoWait()).as("not delivered again before recover").isNull();

            context.recover();
            Message again = consumer.receive(5000);
            assertThat(again.getBody(String.class)).isEqualTo("text");
            assertThat(again.getJMSRedelivered()).isTrue();
            context.acknowledge();
        }
    }

    /**
     * The JMSConsumer javadoc: in a transacted session the message is part of the transaction
     * as if the call had succeeded; a rollback delivers it again.
     */
    @Test
    void aRefusedBodyInATransactedSessionComesBackOnRollback() throws Exception {
        try (JMSContext context = context(JMSContext.SESSION_TRANSACTED)) {
            Queue queue = context.createQueue(uniqueName("receive-body-transacted"));
            context.createProducer().send(queue, "text");
            context.commit();
            JMSConsumer consumer = context.createConsumer(queue);
            assertThatThrownBy(() -> consumer.receiveBody(Long.class, 5000))
                .isInstanceOf(MessageFormatRuntimeException.class);
            assertThat(consumer.receiveNoWait()).as("part of the transaction").isNull();

            context.rollback();
            Message again = consumer.receive(5000);
            assertThat(again.getBody(String.class)).isEqualTo("text");
            assertThat(again.getJMSRedelivered()).isTrue();
            context.commit();
            assertThat(consumer.receiveNoWait()).as("consumed by the commit").isNull();
        }
    }
}
