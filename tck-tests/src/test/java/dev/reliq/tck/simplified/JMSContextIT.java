package dev.reliq.tck.simplified;

import static dev.reliq.tck.JmsTestSupport.factory;
import static dev.reliq.tck.JmsTestSupport.uniqueName;
import static dev.reliq.tck.Texts.drainTexts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.IllegalStateRuntimeException;
import jakarta.jms.InvalidClientIDRuntimeException;
import jakarta.jms.InvalidDestinationRuntimeException;
import jakarta.jms.InvalidSelectorRuntimeException;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.TemporaryQueue;

import dev.reliq.test.RedisServerExtension;

/**
 * The JMSContext (Jakarta Messaging 3.1 chapter 6, JMSContext javadoc): it starts its connection
 * when a consumer is created unless told not to; contexts made from it share its connection, which
 * closes with the last of them; its session mode decides acknowledge, commit and rollback; the
 * client ID is set before use; and failures are the runtime twins of the classic exceptions.
 */
class JMSContextIT {

    @RegisterExtension
    static final RedisServerExtension REDIS = RedisServerExtension.standalone();

    /** A long visibility timeout: what comes back soon was given back, not timed out. */
    private static ConnectionFactory longVisibility() {
        return factory(REDIS, "visibilityTimeout=60s");
    }

    @Test
    void creatingAConsumerStartsTheConnection() throws Exception {
        try (JMSContext context = factory(REDIS, "").createContext()) {
            assertThat(context.getAutoStart()).isTrue();
            Queue queue = context.createQueue(uniqueName("auto-start"));
            context.createProducer().send(queue, "started by itself");
            assertThat(context.createConsumer(queue).receiveBody(String.class, 5000)).isEqualTo("started by itself");
        }
    }

    @Test
    void withoutAutoStartTheConsumerWaitsForStart() throws Exception {
        try (JMSContext context = factory(REDIS, "").createContext()) {
            context.setAutoStart(false);
            assertThat(context.getAutoStart()).isFalse();
            Queue queue = context.createQueue(uniqueName("no-auto-start"));
            context.createProducer().send(queue, "waiting for start");
            JMSConsumer consumer = context.createConsumer(queue);
            assertThat(consumer.receive(500)).as("the connection is not started").isNull();
            context.start();
            assertThat(consumer.receiveBody(String.class, 5000)).isEqualTo("waiting for start");
        }
    }

    @Test
    void contextsMadeFromAContextShareItsConnectionUntilTheLastCloses() throws Exception {
        ConnectionFactory factory = factory(REDIS, "");
        String clientId = uniqueName("shared-connection");
        JMSContext first = factory.createContext();
        first.setClientID(clientId);
        JMSContext second = first.createContext(JMSContext.CLIENT_ACKNOWLEDGE);
        assertThat(second.getClientID()).as("the same connection").isEqualTo(clientId);
        assertThat(second.getSessionMode()).isEqualTo(JMSContext.CLIENT_ACKNOWLEDGE);
        assertThat(first.getSessionMode()).isEqualTo(JMSContext.AUTO_ACKNOWLEDGE);

        first.close();
        Queue queue = second.createQueue(uniqueName("shared"));
        second.createProducer().send(queue, "still connected");
        Message received = second.createConsumer(queue).receive(5000);
        assertThat(received).isNotNull();
        second.acknowledge();
        try (JMSContext other = factory.createContext()) {
            assertThatThrownBy(() -> other.setClientID(clientId)).as("the shared connection is still open")
                .isInstanceOf(InvalidClientIDRuntimeException.class);
        }

        second.close();
        try (JMSContext other = factory.createContext()) {
            other.setClientID(clientId); // the connection closed with the last context, freeing its client ID
            assertThat(other.getClientID()).isEqualTo(clientId);
        }
    }

    @Test
    void theClientIdIsSetBeforeTheContextIsUsed() throws Exception {
        ConnectionFactory factory = factory(REDIS, "");
        try (JMSContext context = factory.createContext()) {
            String id = uniqueName("context-client");
            context.setClientID(id);
            assertThat(context.getClientID()).isEqualTo(id);
            assertThatThrownBy(() -> context.setClientID(uniqueName("again")))
                .isInstanceOf(IllegalStateRuntimeException.class);
        }
        try (JMSContext context = factory.createContext()) {
            context.createProducer();
            assertThatThrownBy(() -> context.setClientID(uniqueName("late")))
                .isInstanceOf(IllegalStateRuntimeException.class);
        }
        try (JMSContext context = factory.createContext()) {
            context.createContext(JMSContext.AUTO_ACKNOWLEDGE).close();
            assertThatThrownBy(() -> context.setClientID(uniqueName("after-createContext")))
                .isInstanceOf(IllegalStateRuntimeException.class);
        }
        String configured = uniqueName("configured");
        try (JMSContext context = factory(REDIS, "clientID=" + configured).createContext()) {
            assertThat(context.getClientID()).isEqualTo(configured);
            assertThatThrownBy(() -> context.setClientID(uniqueName("mine")))
                .isInstanceOf(IllegalStateRuntimeException.class);
        }
    }

    @Test
    void theSessionModeIsTheOneAskedFor() throws Exception {
        ConnectionFactory factory = factory(REDIS, "");
        for (int mode : new int[] {JMSContext.AUTO_ACKNOWLEDGE, JMSContext.CLIENT_ACKNOWLEDGE,
                JMSContext.DUPS_OK_ACKNOWLEDGE, JMSContext.SESSION_TRANSACTED}) {
            try (JMSContext context = factory.createContext(mode)) {
                assertThat(context.getSessionMode()).isEqualTo(mode);
                assertThat(context.getTransacted()).isEqualTo(mode == JMSContext.SESSION_TRANSACTED);
            }
        }
        try (JMSContext context = factory.createContext()) {
            assertThat(context.getSessionMode()).isEqualTo(JMSContext.AUTO_ACKNOWLEDGE);
        }
    }

    @Test
    void acknowledgeAcknowledgesEverythingTheContextConsumed() throws Exception {
        ConnectionFactory factory = longVisibility();
        Queue first;
        Queue second;
        try (JMSContext context = factory.createContext(JMSContext.CLIENT_ACKNOWLEDGE)) {
            first = context.createQueue(uniqueName("ctx-ack-1"));
            second = context.createQueue(uniqueName("ctx-ack-2"));
            context.createProducer().send(first, "1a").send(first, "1b").send(second, "2a");
            JMSConsumer fromFirst = context.createConsumer(first);
            JMSConsumer fromSecond = context.createConsumer(second);
            assertThat(fromFirst.receiveBody(String.class, 5000)).isEqualTo("1a");
            assertThat(fromSecond.receiveBody(String.class, 5000)).isEqualTo("2a");
            context.acknowledge();
            assertThat(fromFirst.receiveBody(String.class, 5000)).isEqualTo("1b");
        }
        assertThat(drainTexts(factory, first, 500)).as("consumed after acknowledge()").containsExactly("1b");
        assertThat(drainTexts(factory, second, 500)).isEmpty();
    }

    @Test
    void acknowledgeIsIgnoredOutsideClientAcknowledgeModeAndRefusedWhenClosed() throws Exception {
        JMSContext context = factory(REDIS, "").createContext(JMSContext.AUTO_ACKNOWLEDGE);
        context.acknowledge();
        context.close();
        assertThatThrownBy(context::acknowledge).isInstanceOf(IllegalStateRuntimeException.class);
    }

    @Test
    void aTransactedContextCommitsAndRollsBack() throws Exception {
        ConnectionFactory factory = longVisibility();
        try (JMSContext tx = factory.createContext(JMSContext.SESSION_TRANSACTED);
                JMSContext observer = factory.createContext()) {
            Queue queue = tx.createQueue(uniqueName("ctx-tx"));
            JMSProducer producer = tx.createProducer();
            producer.send(queue, "committed");
            producer.send(queue, "rolled back");
            JMSConsumer watching = observer.createConsumer(queue);
            assertThat(watching.receive(300)).as("not before the commit").isNull();
            tx.rollback();
            producer.send(queue, "committed");
            tx.commit();
            assertThat(watching.receiveBody(String.class, 5000)).isEqualTo("committed");
            assertThat(watching.receive(300)).isNull();

            producer.send(queue, "work");
            tx.commit();
            JMSConsumer consumer = tx.createConsumer(queue);
            assertThat(consumer.receiveBody(String.class, 5000)).isEqualTo("work");
            tx.rollback();
            Message again = consumer.receive(5000);
            assertThat(again).isNotNull();
            assertThat(again.getJMSRedelivered()).isTrue();
            tx.commit();
            assertThat(consumer.receive(300)).isNull();
        }
    }

    @Test
    void failuresAreTheRuntimeTwinsOfTheClassicExceptions() throws Exception {
        ConnectionFactory factory = factory(REDIS, "");
        try (JMSContext auto = factory.createContext(); JMSContext tx = factory.createContext(JMSContext.SESSION_TRANSACTED)) {
            assertThatThrownBy(auto::commit).isInstanceOf(IllegalStateRuntimeException.class);
            assertThatThrownBy(auto::rollback).isInstanceOf(IllegalStateRuntimeException.class);
            assertThatThrownBy(tx::recover).isInstanceOf(IllegalStateRuntimeException.class);
            Queue queue = auto.createQueue(uniqueName("runtime"));
            assertThatThrownBy(() -> auto.createConsumer(queue, "a = = 1")).isInstanceOf(InvalidSelectorRuntimeException.class);
            assertThatThrownBy(() -> auto.createProducer().setPriority(10)).isInstanceOf(JMSRuntimeException.class);
            assertThatThrownBy(() -> auto.createProducer().setDeliveryMode(0)).isInstanceOf(JMSRuntimeException.class);
        }
    }

    @Test
    void aTemporaryQueueOfAContextServesOnlyItsConnectionAndGoesAwayWhenDeleted() throws Exception {
        ConnectionFactory factory = factory(REDIS, "");
        try (JMSContext owner = factory.createContext(); JMSContext other = factory.createContext()) {
            TemporaryQueue replies = owner.createTemporaryQueue();
            JMSContext sibling = owner.createContext(JMSContext.AUTO_ACKNOWLEDGE);
            other.createProducer().send(replies, "reply");
            assertThat(sibling.createConsumer(replies).receiveBody(String.class, 5000))
                .as("a context sharing the connection may consume").isEqualTo("reply");
            sibling.close();
            assertThatThrownBy(() -> other.createConsumer(replies)).isInstanceOf(InvalidDestinationRuntimeException.class);

            replies.delete();
            assertThatThrownBy(() -> other.createProducer().send(replies, "too late"))
                .isInstanceOf(InvalidDestinationRuntimeException.class);
        }
    }

    @Test
    void aClosedContextRefusesUseAndMayBeClosedAgain() throws Exception {
        JMSContext context = factory(REDIS, "").createContext();
        Queue queue = context.createQueue(uniqueName("closed-context"));
        JMSProducer producer = context.createProducer();
        JMSConsumer consumer = context.createConsumer(queue);
        context.close();
        context.close();
        assertThatThrownBy(context::createProducer).isInstanceOf(IllegalStateRuntimeException.class);
        assertThatThrownBy(() -> context.createConsumer(queue)).isInstanceOf(IllegalStateRuntimeException.class);
        assertThatThrownBy(context::createTextMessage).isInstanceOf(IllegalStateRuntimeException.class);
        assertThatThrownBy(context::start).isInstanceOf(IllegalStateRuntimeException.class);
        assertThatThrownBy(context::getSessionMode).isInstanceOf(IllegalStateRuntimeException.class);
        assertThatThrownBy(() -> context.createContext(JMSContext.AUTO_ACKNOWLEDGE))
            .isInstanceOf(IllegalStateRuntimeException.class);
        assertThatThrownBy(() -> producer.send(queue, "after close")).isInstanceOf(IllegalStateRuntimeException.class);
        assertThatThrownBy(() -> consumer.receive(10)).isInstanceOf(IllegalStateRuntimeException.class);
    }

    @Test
    void aListenerCannotStopOrCloseItsOwnContext() throws Exception {
        try (JMSContext context = factory(REDIS, "").createContext()) {
            Queue queue = context.createQueue(uniqueName("ctx-listener"));
            List<Object> outcomes = new CopyOnWriteArrayList<>();
            context.createConsumer(queue).setMessageListener(m -> {
                outcomes.add(attempt(context::stop));
                outcomes.add(attempt(context::close));
            });
            context.createProducer().send(queue, "stop me");
            await().atMost(Duration.ofSeconds(10)).until(() -> outcomes.size() == 2);
            assertThat(outcomes).allMatch(IllegalStateRuntimeException.class::isInstance);
            assertThat(context.getSessionMode()).as("the context stays open").isEqualTo(JMSContext.AUTO_ACKNOWLEDGE);
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
