package dev.reliq.tck.producer;

import static dev.reliq.tck.JmsTestSupport.factory;
import static dev.reliq.tck.JmsTestSupport.queue;
import static dev.reliq.tck.Texts.text;
import static dev.reliq.tck.Texts.textOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import jakarta.jms.BytesMessage;
import jakarta.jms.CompletionListener;
import jakarta.jms.Connection;
import jakarta.jms.IllegalStateException;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;

import dev.reliq.test.RedisServerExtension;

/**
 * Asynchronous send (Jakarta Messaging 3.1 chapter 7, MessageProducer javadoc): the
 * CompletionListener is called once per send, in the order of the sends, never on the thread that
 * sent; a send that fails is reported to onException; a CompletionListener may not close or commit
 * its own session or producer; and closing waits for the callbacks still due.
 */
class AsyncSendIT {

    @RegisterExtension
    static final RedisServerExtension REDIS = RedisServerExtension.standalone();

    /** What a CompletionListener was told, and on which thread. */
    private static final class Recorder implements CompletionListener {
        final List<String> events = new CopyOnWriteArrayList<>();
        final List<Thread> threads = new CopyOnWriteArrayList<>();
        final List<Exception> failures = new CopyOnWriteArrayList<>();
        final List<String> messageIds = new CopyOnWriteArrayList<>();
        private final Consumer<Message> onCompletion;

        Recorder() {
            this(m -> { });
        }

        Recorder(Consumer<Message> onCompletion) {
            this.onCompletion = onCompletion;
        }

        @Override
        public void onCompletion(Message message) {
            threads.add(Thread.currentThread());
            try {
                messageIds.add(message.getJMSMessageID());
            } catch (JMSException e) {
                messageIds.add(e.toString());
            }
            events.add("completed " + label(message));
            onCompletion.accept(message);
        }

        @Override
        public void onException(Message message, Exception exception) {
            threads.add(Thread.currentThread());
            events.add("failed " + label(message));
            failures.add(exception);
        }

        private static String label(Message message) {
            try {
                return message instanceof BytesMessage ? message.getStringProperty("label") : text(message);
            } catch (JMSException e) {
                return e.toString();
            }
        }
    }

    @Test
    void theCompletionListenerIsCalledOncePerSendInOrderOnAnotherThread() throws Exception {
        int sends = 30;
        try (Connection connection = factory(REDIS, "").createConnection()) {
            Session session = connection.createSession();
            Queue queue = queue(session, "async");
            MessageProducer producer = session.createProducer(queue);
            Recorder recorder = new Recorder();
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < sends; i++) {
                producer.send(session.createTextMessage("m" + i), recorder);
                expected.add("completed m" + i);
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> recorder.events.size() >= sends);
            assertThat(recorder.events).containsExactlyElementsOf(expected);
            assertThat(recorder.threads).doesNotContain(Thread.currentThread());

            MessageConsumer consumer = session.createConsumer(queue);
            connection.start();
            for (int i = 0; i < sends; i++) {
                Message received = consumer.receive(5000);
                assertThat(text(received)).isEqualTo("m" + i);
                assertThat(received.getJMSMessageID()).as("the completed message carries its headers")
                    .isEqualTo(recorder.messageIds.get(i));
            }
        }
    }

    @Test
    void aSendThatFailsIsReportedToOnException() throws Exception {
        try (Connection connection = factory(REDIS, "maxMessageSize=1KiB").createConnection()) {
            Session session = connection.createSession();
            Queue queue = queue(session, "async-too-large");
            MessageProducer producer = session.createProducer(queue);
            Recorder recorder = new Recorder();
            BytesMessage tooLarge = session.createBytesMessage();
            tooLarge.writeBytes(new byte[2048]);
            tooLarge.setStringProperty("label", "2 KiB");
            producer.send(tooLarge, recorder);
            producer.send(session.createTextMessage("small"), recorder);

            await().atMost(Duration.ofSeconds(10)).until(() -> recorder.events.size() >= 2);
            assertThat(recorder.events).containsExactly("failed 2 KiB", "completed small");
            assertThat(recorder.failures).singleElement().isInstanceOf(JMSException.class)
                .satisfies(e -> assertThat(e.getMessage()).contains("1024"));
            assertThat(recorder.threads).doesNotContain(Thread.currentThread());

            MessageConsumer consumer = session.createConsumer(queue);
            connection.start();
            assertThat(text(consumer.receive(5000))).isEqualTo("small");
            assertThat(consumer.receive(300)).isNull();
        }
    }

    @Test
    void aCompletionListenerCannotCloseOrCommitItsOwnSessionOrProducer() throws Exception {
        try (Connection connection = factory(REDIS, "").createConnection()) {
            Session transacted = connection.createSession(Session.SESSION_TRANSACTED);
            Queue queue = queue(transacted, "async-callback");
            MessageProducer producer = transacted.createProducer(queue);
            List<Object> outcomes = new CopyOnWriteArrayList<>();
            Recorder recorder = new Recorder(m -> {
                outcomes.add(attempt(producer::close));
                outcomes.add(attempt(transacted::commit));
                outcomes.add(attempt(transacted::rollback));
                outcomes.add(attempt(transacted::close));
                outcomes.add(attempt(connection::close));
            });
            producer.send(transacted.createTextMessage("callback"), recorder);
            await().atMost(Duration.ofSeconds(10)).until(() -> outcomes.size() == 5);
            assertThat(outcomes).allMatch(IllegalStateException.class::isInstance);

            transacted.commit();
            MessageConsumer consumer = connection.createSession().createConsumer(queue);
            connection.start();
            assertThat(text(consumer.receive(5000))).as("the producer, session and connection were not closed")
                .isEqualTo("callback");
        }
    }

    @Test
    void closingTheProducerWaitsForTheCallbacksOfItsSends() throws Exception {
        try (Connection connection = factory(REDIS, "").createConnection()) {
            Session session = connection.createSession();
            Queue queue = queue(session, "async-close-producer");
            MessageProducer producer = session.createProducer(queue);
            List<String> completed = new CopyOnWriteArrayList<>();
            Recorder slow = new Recorder(m -> {
                pause(50);
                completed.add(textOf(m));
            });
            for (int i = 0; i < 5; i++) {
                producer.send(session.createTextMessage("m" + i), slow);
            }
            producer.close();
            assertThat(completed).as("every callback returned before close did").hasSize(5);
        }
    }

    @Test
    void closingTheSessionWaitsForTheCallbacksOfItsSends() throws Exception {
        try (Connection connection = factory(REDIS, "").createConnection()) {
            Session session = connection.createSession();
            Queue queue = queue(session, "async-close-session");
            MessageProducer producer = session.createProducer(queue);
            List<String> completed = new CopyOnWriteArrayList<>();
            Recorder slow = new Recorder(m -> {
                pause(50);
                completed.add(textOf(m));
            });
            for (int i = 0; i < 5; i++) {
                producer.send(session.createTextMessage("m" + i), slow);
            }
            session.close();
            assertThat(completed).as("every callback returned before close did").hasSize(5);
        }
    }

    /** Slow work inside a callback, so that a close that does not wait would return first. */
    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @FunctionalInterface
    private interface JmsAction {
        void run() throws JMSException;
    }

    private static Object attempt(JmsAction action) {
        try {
            action.run();
            return "returned";
        } catch (JMSException | RuntimeException e) {
            return e;
        }
    }
}
