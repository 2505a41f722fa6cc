package dev.reliq.tck.simplified;

import static dev.reliq.tck.JmsTestSupport.factory;
import static dev.reliq.tck.JmsTestSupport.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import jakarta.jms.CompletionListener;
import jakarta.jms.DeliveryMode;
import jakarta.jms.IllegalStateRuntimeException;
import jakarta.jms.InvalidDestinationRuntimeException;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSProducer;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.TextMessage;

import dev.reliq.test.RedisServerExtension;

/**
 * The simplified API's producer (JMSProducer javadoc): it sends every kind of body to the
 * destination given with each send; its settings are validated and apply to what it sends; and
 * with setAsync, sends complete through the CompletionListener, which may not close or commit its
 * own context.
 */
class JMSProducerIT {

    @RegisterExtension
    static final RedisServerExtension REDIS = RedisServerExtension.standalone();

    @Test
    void everyKindOfBodyArrivesAsSent() throws Exception {
        try (JMSContext context = factory(REDIS, "").createContext()) {
            Queue queue = context.createQueue(uniqueName("bodies"));
            context.createProducer()
                .send(queue, "text")
                .send(queue, new byte[] {1, 2, 3})
                .send(queue, Map.of("answer", 42))
                .send(queue, (java.io.Serializable) java.time.LocalDate.of(2024, 2, 29))
                .send(queue, context.createTextMessage("a message"));
            JMSConsumer consumer = context.createConsumer(queue);
            assertThat(consumer.receiveBody(String.class, 5000)).isEqualTo("text");
            assertThat(consumer.receiveBody(byte[].class, 5000)).containsExactly(1, 2, 3);
            assertThat(consumer.receiveBody(Map.class, 5000)).isEqualTo(Map.of("answer", 42));
            assertThat(consumer.receiveBody(java.time.LocalDate.class, 5000)).isEqualTo(java.time.LocalDate.of(2024, 2, 29));
            assertThat(consumer.receiveBody(String.class, 5000)).isEqualTo("a message");
        }
    }

    @Test
    void aSendNeedsADestination() throws Exception {
        try (JMSContext context = factory(REDIS, "").createContext()) {
            JMSProducer producer = context.createProducer();
            assertThatThrownBy(() -> producer.send(null, "nowhere")).isInstanceOf(InvalidDestinationRuntimeException.class);
            assertThatThrownBy(() -> producer.send(null, context.createMessage()))
                .isInstanceOf(InvalidDestinationRuntimeException.class);
        }
    }

    @Test
    void invalidSettingsAreRefusedAndValidOnesApplyToEverySend() throws Exception {
        try (JMSContext context = factory(REDIS, "").createContext()) {
            Queue queue = context.createQueue(uniqueName("producer-settings"));
            JMSProducer producer = context.createProducer();
            assertThatThrownBy(() -> producer.setPriority(-1)).isInstanceOf(JMSRuntimeException.class);
            assertThatThrownBy(() -> producer.setPriority(10)).isInstanceOf(JMSRuntimeException.class);
            assertThatThrownBy(() -> producer.setDeliveryMode(3)).isInstanceOf(JMSRuntimeException.class);
            assertThat(producer.getPriority()).isEqualTo(Message.DEFAULT_PRIORITY);
            assertThat(producer.getDeliveryMode()).isEqualTo(DeliveryMode.PERSISTENT);

            producer.setPriority(7).setDeliveryMode(DeliveryMode.NON_PERSISTENT).setDisableMessageTimestamp(true)
                .send(queue, "configured");
            Message received = context.createConsumer(queue).receive(5000);
            assertThat(received.getJMSPriority()).isEqualTo(7);
            assertThat(received.getJMSDeliveryMode()).isEqualTo(DeliveryMode.NON_PERSISTENT);
            assertThat(received.getJMSTimestamp()).isZero();
        }
    }

    @Test
    void aDeliveryDelayAndATimeToLiveApplyToTheMessagesSent() throws Exception {
        try (JMSContext context = factory(REDIS, "").createContext()) {
            Queue queue = context.createQueue(uniqueName("producer-timing"));
            JMSProducer producer = context.createProducer();
            producer.setTimeToLive(200).send(queue, "expires");
            producer.setTimeToLive(0).setDeliveryDelay(1000).send(queue, "delayed");
            assertThat(producer.getDeliveryDelay()).isEqualTo(1000);
            long sentAt = System.currentTimeMillis();
            JMSConsumer consumer = context.createConsumer(queue);
            dev.reliq.tck.JmsTestSupport.awaitClockPast(sentAt + 300);
            String body = consumer.receiveBody(String.class, 5000);
            assertThat(body).isEqualTo("delayed");
            assertThat(System.currentTimeMillis()).isGreaterThanOrEqualTo(sentAt + 1000 - 50);
        }
    }

    @Test
    void anAsyncProducerReportsEachSendOnAnotherThreadInOrder() throws Exception {
        try (JMSContext context = factory(REDIS, "").createContext()) {
            Queue queue = context.createQueue(uniqueName("producer-async"));
            List<String> completed = new CopyOnWriteArrayList<>();
            List<Thread> threads = new CopyOnWriteArrayList<>();
            CompletionListener listener = new CompletionListener() {
                @Override
                public void onCompletion(Message message) {
                    threads.add(Thread.currentThread());
                    completed.add(text(message));
                }

                @Override
                public void onException(Message message, Exception exception) {
                    completed.add("failed " + text(message));
                }
            };
            JMSProducer producer = context.createProducer().setAsync(listener);
            assertThat(producer.getAsync()).isSameAs(listener);
            List<String> sent = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                producer.send(queue, "m" + i);
                sent.add("m" + i);
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> completed.size() >= 10);
            assertThat(completed).containsExactlyElementsOf(sent);
            assertThat(threads).doesNotContain(Thread.currentThread());
            producer.setAsync(null);
            producer.send(queue, "synchronous");
            assertThat(completed).hasSize(10);
        }
    }

    @Test
    void aCompletionListenerCannotCloseOrCommitItsOwnContext() throws Exception {
        try (JMSContext context = factory(REDIS, "").createContext(JMSContext.SESSION_TRANSACTED)) {
            Queue queue = context.createQueue(uniqueName("producer-async-callback"));
            List<Object> outcomes = new CopyOnWriteArrayList<>();
            context.createProducer().setAsync(new CompletionListener() {
                @Override
                public void onCompletion(Message message) {
                    outcomes.add(attempt(context::commit));
                    outcomes.add(attempt(context::rollback));
                    outcomes.add(attempt(context::close));
                }

                @Override
                public void onException(Message message, Exception exception) {
                    outcomes.add(exception);
                }
            }).send(queue, "callback");
            await().atMost(Duration.ofSeconds(10)).until(() -> outcomes.size() == 3);
            assertThat(outcomes).allMatch(IllegalStateRuntimeException.class::isInstance);
            context.commit();
            assertThat(context.createConsumer(queue).receiveBody(String.class, 5000)).isEqualTo("callback");
            context.commit();
        }
    }

    private static String text(Message message) {
        try {
            return ((TextMessage) message).getText();
        } catch (JMSException e) {
            return e.toString();
        }
    }

    private static Object attempt(Runnable action) {
        try {
            action.run();
            return "returned";
        } catch (RuntimeException e) {
            return e;
        }
    }
}
