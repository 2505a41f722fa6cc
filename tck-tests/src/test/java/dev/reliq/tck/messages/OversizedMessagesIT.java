package dev.reliq.tck.messages;

import static dev.reliq.tck.JmsTestSupport.factory;
import static dev.reliq.tck.JmsTestSupport.queue;
import static dev.reliq.tck.JmsTestSupport.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collections;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import jakarta.jms.BytesMessage;
import jakarta.jms.CompletionListener;
import jakarta.jms.Connection;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.ResourceAllocationException;
import jakarta.jms.ResourceAllocationRuntimeException;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;

import dev.reliq.test.RedisServerExtension;

/**
 * A message larger than {@code maxMessageSize} fails at send with a JMSException
 * (ResourceAllocationException, whose message names the limit), nothing is stored, and the
 * session goes on working.
 */
class OversizedMessagesIT {

    @RegisterExtension
    static final RedisServerExtension REDIS = RedisServerExtension.standalone();

    private static final String SMALL_LIMIT = "maxMessageSize=1KiB";
    private static final String TOO_LARGE = "x".repeat(2048);

    @Test
    void anOversizedTextMessageFailsAtSendAndNothingIsStored() throws Exception {
        try (Connection connection = factory(REDIS, SMALL_LIMIT).createConnection()) {
            Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            Queue queue = queue(session, "oversized");
            MessageProducer producer = session.createProducer(queue);
            assertThatThrownBy(() -> producer.send(session.createTextMessage(TOO_LARGE)))
                .isInstanceOf(ResourceAllocationException.class)
                .hasMessageContaining("maxMessageSize");

            assertThat(Collections.list(session.createBrowser(queue).getEnumeration())).as("nothing stored").isEmpty();
            producer.send(session.createTextMessage("small"));
            connection.start();
            MessageConsumer consumer = session.createConsumer(queue);
            assertThat(((TextMessage) consumer.receive(5000)).getText()).isEqualTo("small");
            assertThat(consumer.receive(300)).isNull();
        }
    }

    @Test
    void anOversizedBytesMessageFailsAtSendLikeAnyOther() throws Exception {
        try (Connection connection = factory(REDIS, SMALL_LIMIT).createConnection()) {
            Session session = connection.createSession(Session.CLIENT_ACKNOWLEDGE);
            Queue queue = queue(session, "oversized-bytes");
            BytesMessage big = session.createBytesMessage();
            big.writeBytes(new byte[4096]);
            MessageProducer producer = session.createProducer(queue);
            assertThatThrownBy(() -> producer.send(big)).isInstanceOf(ResourceAllocationException.class)
                .hasMessageContaining("maxMessageSize");
            BytesMessage small = session.createBytesMessage();
            small.writeBytes(new byte[100]);
            producer.send(small);
            connection.start();
            Message received = session.createConsumer(queue).receive(5000);
            assertThat(((BytesMessage) received).getBodyLength()).isEqualTo(100);
            received.acknowledge();
        }
    }

    @Test
    void anOversizedMessageFailsAtSendWithTheSimplifiedApi() {
        try (JMSContext context = factory(REDIS, SMALL_LIMIT).createContext()) {
            Queue queue = context.createQueue(uniqueName("oversized-simplified"));
            assertThatThrownBy(() -> context.createProducer().send(queue, TOO_LARGE))
                .isInstanceOf(ResourceAllocationRuntimeException.class)
                .hasMessageContaining("maxMessageSize");
            context.createProducer().send(queue, "small");
            JMSConsumer consumer = context.createConsumer(queue);
            assertThat(consumer.receiveBody(String.class, 5000)).isEqualTo("small");
            assertThat(consumer.receive(300)).isNull();
        }
    }

    @Test
    void anOversizedAsynchronousSendReportsTheFailureToItsCompletionListener() throws Exception {
        try (Connection connection = factory(REDIS, SMALL_LIMIT).createConnection()) {
            Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            Queue queue = queue(session, "oversized-async");
            CompletableFuture<Exception> failure = new CompletableFuture<>();
            session.createProducer(queue).send(session.createTextMessage(TOO_LARGE), new CompletionListener() {
                @Override
                public void onCompletion(Message message) {
                    failure.complete(null);
                }

                @Override
                public void onException(Message message, Exception exception) {
                    failure.complete(exception);
                }
            });
            assertThat(failure.get(5, TimeUnit.SECONDS)).isInstanceOf(ResourceAllocationException.class)
                .hasMessageContaining("maxMessageSize");
            assertThat(Collections.list(session.createBrowser(queue).getEnumeration())).isEmpty();
        }
    }

    @Test
    void anOversizedMessageInATransactionFailsAtSendAndTheRestOfTheTransactionCommits() throws Exception {
        try (Connection connection = factory(REDIS, SMALL_LIMIT).createConnection()) {
            Session session = connection.createSession(Session.SESSION_TRANSACTED);
            Queue queue = queue(session, "oversized-transacted");
            MessageProducer producer = session.createProducer(queue);
            producer.send(session.createTextMessage("one"));
            assertThatThrownBy(() -> producer.send(session.createTextMessage(TOO_LARGE)))
                .isInstanceOf(ResourceAllocationException.class)
                .hasMessageContaining("maxMessageSize");
            producer.send(session.createTextMessage("two"));
            session.commit();

            connection.start();
            MessageConsumer consumer = session.createConsumer(queue);
            assertThat(((TextMessage) consumer.receive(5000)).getText()).isEqualTo("one");
            assertThat(((TextMessage) consumer.receive(5000)).getText()).isEqualTo("two");
            assertThat(consumer.receive(300)).isNull();
            session.commit();
        }
    }
}
