package dev.reliq.tck.topic;

import static dev.reliq.tck.JmsTestSupport.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.IllegalStateRuntimeException;
import jakarta.jms.InvalidDestinationRuntimeException;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Message;
import jakarta.jms.TemporaryTopic;
import jakarta.jms.Topic;

import dev.reliq.tck.JmsTestSupport;
import dev.reliq.test.RedisServerExtension;

/**
 * Topics through the simplified API (Jakarta Messaging 3.1, JMSContext javadoc): the
 * same subscriptions as the classic API, and for each checked exception of the classic API its
 * unchecked twin: IllegalStateRuntimeException without a client ID, InvalidDestinationRuntimeException
 * for an unknown subscription or another connection's temporary topic, JMSRuntimeException for a
 * subscription in use.
 */
class SimplifiedTopicIT {

    @RegisterExtension
    static final RedisServerExtension REDIS = RedisServerExtension.standalone();

    /** A long visibility timeout, and one message fetched at a time so that shared consumers take turns. */
    private static ConnectionFactory factory() {
        return JmsTestSupport.factory(REDIS, "visibilityTimeout=60s&prefetch=1");
    }

    @Test
    void aConsumerOnATopicReceivesWhatIsSentAfterItWasCreated() throws Exception {
        ConnectionFactory factory = factory();
        try (JMSContext context = factory.createContext(); JMSContext publisher = factory.createContext()) {
            Topic topic = context.createTopic(uniqueName("simplified"));
            JMSProducer producer = publisher.createProducer();
            producer.send(topic, "before");
            JMSConsumer first = context.createConsumer(topic);
            JMSConsumer second = context.createConsumer(topic);
            producer.send(topic, "after");
            producer.send(topic, publisher.createTextMessage("a message"));

            for (JMSConsumer consumer : List.of(first, second)) {
                assertThat(consumer.receiveBody(String.class, 5000)).isEqualTo("after");
                Message message = consumer.receive(5000);
                assertThat(message.getBody(String.class)).isEqualTo("a message");
                assertThat(((Topic) message.getJMSDestination()).getTopicName()).isEqualTo(topic.getTopicName());
            }
            assertThat(first.receive(300)).isNull();
            assertThat(second.receiveNoWait()).isNull();
        }
    }

    @Test
    void aNoLocalConsumerIgnoresWhatItsOwnConnectionSends() {
        ConnectionFactory factory = factory();
        try (JMSContext context = factory.createContext(); JMSContext other = factory.createContext()) {
            Topic topic = context.createTopic(uniqueName("simplified-no-local"));
            JMSConsumer noLocal = context.createConsumer(topic, null, true);
            JMSConsumer everything = context.createConsumer(topic);
            context.createProducer().send(topic, "own");
            other.createProducer().send(topic, "other");

            assertThat(everything.receiveBody(String.class, 5000)).isEqualTo("own");
            assertThat(everything.receiveBody(String.class, 5000)).isEqualTo("other");
            assertThat(noLocal.receiveBody(String.class, 5000)).isEqualTo("other");
            assertThat(noLocal.receive(300)).isNull();
        }
    }

    @Test
    void aDurableConsumerNeedsAClientId() {
        try (JMSContext context = factory().createContext()) {
            Topic topic = context.createTopic(uniqueName("simplified-no-client-id"));
            String name = uniqueName("sub");
            assertThatThrownBy(() -> context.createDurableConsumer(topic, name))
                .isInstanceOf(IllegalStateRuntimeException.class);
            assertThatThrownBy(() -> context.createDurableConsumer(topic, name, "colour = 'red'", false))
                .isInstanceOf(IllegalStateRuntimeException.class);
        }
    }

    @Test
    void aDurableConsumerKeepsWhatIsSentWhileItIsClosed() {
        ConnectionFactory factory = factory();
        String clientId = uniqueName("client");
        String name = uniqueName("sub");
        String topicName = uniqueName("simplified-durable");
        try (JMSContext context = factory.createContext()) {
            context.setClientID(clientId);
            context.createDurableConsumer(context.createTopic(topicName), name).close();
        }
        try (JMSContext publisher = factory.createContext()) {
            publisher.createProducer().send(publisher.createTopic(topicName), "while away");
        }

        // the client ID given as a factory option this time
        ConnectionFactory configured = JmsTestSupport.factory(REDIS, "visibilityTimeout=60s&clientID=" + clientId);
        try (JMSContext context = configured.createContext()) {
            JMSConsumer consumer = context.createDurableConsumer(context.createTopic(topicName), name);
            assertThat(consumer.receiveBody(String.class, 5000)).isEqualTo("while away");
            assertThat(consumer.receive(300)).isNull();
            consumer.close();
            context.unsubscribe(name);
            assertThatThrownBy(() -> context.unsubscribe(name)).as("already unsubscribed")
                .isInstanceOf(InvalidDestinationRuntimeException.class);
        }
    }

    @Test
    void aDurableConsumerWithASelectorKeepsOnlyMatchingMessages() {
        ConnectionFactory factory = factory();
        String name = uniqueName("sub");
        try (JMSContext context = factory.createContext(); JMSContext publisher = factory.createContext()) {
            context.setClientID(uniqueName("client"));
            Topic topic = context.createTopic(uniqueName("simplified-durable-selector"));
            context.createDurableConsumer(topic, name, "colour = 'red'", false).close();
            JMSProducer producer = publisher.createProducer();
            producer.setProperty(TopicTexts.COLOUR, "blue").send(topic, "blue-1");
            producer.setProperty(TopicTexts.COLOUR, "red").send(topic, "red-1");
            producer.setProperty(TopicTexts.COLOUR, "blue").send(topic, "blue-2");

            JMSConsumer consumer = context.createDurableConsumer(topic, name, "colour = 'red'", false);
            assertThat(consumer.receiveBody(String.class, 5000)).isEqualTo("red-1");
            assertThat(consumer.receive(300)).isNull();
        }
    }

    @Test
    void theErrorsOfUnsharedDurableSubscriptionsAreRuntimeExceptions() {
        String name = uniqueName("sub");
        try (JMSContext context = factory().createContext()) {
            context.setClientID(uniqueName("client"));
            Topic topic = context.createTopic(uniqueName("simplified-durable-errors"));
            JMSConsumer active = context.createDurableConsumer(topic, name);

            assertThatThrownBy(() -> context.createDurableConsumer(topic, name))
                .as("a second consumer").isInstanceOf(JMSRuntimeException.class);
            assertThatThrownBy(() -> context.unsubscribe(name))
                .as("unsubscribe in use").isInstanceOf(JMSRuntimeException.class)
                .isNotInstanceOf(InvalidDestinationRuntimeException.class);
            assertThatThrownBy(() -> context.createSharedDurableConsumer(topic, name))
                .as("a shared subscription of an unshared one's name").isInstanceOf(JMSRuntimeException.class);
            assertThatThrownBy(() -> context.unsubscribe(uniqueName("never-subscribed")))
                .isInstanceOf(InvalidDestinationRuntimeException.class);

            active.close();
            context.unsubscribe(name);
        }
    }

    @Test
    void sharedConsumersOfTwoContextsShareTheMessages() {
        ConnectionFactory factory = factory();
        String name = uniqueName("shared");
        try (JMSContext one = factory.createContext(); JMSContext two = factory.createContext()) {
            Topic topic = one.createTopic(uniqueName("simplified-shared"));
            JMSConsumer a = one.createSharedConsumer(topic, name);
            JMSConsumer b = two.createSharedConsumer(topic, name);
            List<String> sent = IntStream.range(0, 10).mapToObj(i -> "m" + i).toList();
            JMSProducer producer = one.createProducer();
            sent.forEach(body -> producer.send(topic, body));

            List<String> received = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                received.add(a.receiveBody(String.class, 5000));
                received.add(b.receiveBody(String.class, 5000));
            }
            assertThat(received).doesNotContainNull().containsExactlyInAnyOrderElementsOf(sent);
            assertThat(a.receive(300)).isNull();
            assertThat(b.receiveNoWait()).isNull();
        }
    }

    @Test
    void aSharedDurableConsumerNeedsNoClientIdAndKeepsWhatIsSentWhileItIsClosed() {
        String name = uniqueName("shared");
        try (JMSContext context = factory().createContext()) {
            assertThat(context.getClientID()).isNull();
            Topic topic = context.createTopic(uniqueName("simplified-shared-durable"));
            context.createSharedDurableConsumer(topic, name).close();
            context.createProducer().send(topic, "kept");

            JMSConsumer again = context.createSharedDurableConsumer(topic, name);
            assertThat(again.receiveBody(String.class, 5000)).isEqualTo("kept");
            again.close();
            context.unsubscribe(name);
        }
    }

    @Test
    void theErrorsOfSharedSubscriptionsAreRuntimeExceptions() {
        String name = uniqueName("shared");
        String durableName = uniqueName("shared-durable");
        try (JMSContext context = factory().createContext(); JMSContext other = factory().createContext()) {
            Topic topic = context.createTopic(uniqueName("simplified-shared-errors"));
            Topic elsewhere = context.createTopic(uniqueName("simplified-shared-elsewhere"));
            JMSConsumer shared = context.createSharedConsumer(topic, name);
            JMSConsumer sharedDurable = context.createSharedDurableConsumer(topic, durableName);

            assertThatThrownBy(() -> other.createSharedConsumer(elsewhere, name)).isInstanceOf(JMSRuntimeException.class);
            assertThatThrownBy(() -> other.createSharedConsumer(topic, name, "colour = 'red'"))
                .isInstanceOf(JMSRuntimeException.class);
            assertThatThrownBy(() -> other.createSharedDurableConsumer(elsewhere, durableName))
                .isInstanceOf(JMSRuntimeException.class);
            assertThatThrownBy(() -> other.createSharedDurableConsumer(topic, durableName, "colour = 'red'"))
                .isInstanceOf(JMSRuntimeException.class);
            assertThatThrownBy(() -> other.unsubscribe(durableName)).isInstanceOf(JMSRuntimeException.class)
                .isNotInstanceOf(InvalidDestinationRuntimeException.class);

            context.createProducer().send(topic, "unchanged");
            assertThat(shared.receiveBody(String.class, 5000)).isEqualTo("unchanged");
            assertThat(sharedDurable.receiveBody(String.class, 5000)).isEqualTo("unchanged");
            sharedDurable.close();
            other.unsubscribe(durableName);
        }
    }

    @Test
    void aTemporaryTopicIsConsumedOnlyThroughItsOwnConnection() throws Exception {
        ConnectionFactory factory = factory();
        try (JMSContext owner = factory.createContext(); JMSContext other = factory.createContext()) {
            TemporaryTopic temporary = owner.createTemporaryTopic();
            assertThat(temporary.getTopicName()).isNotBlank();
            assertThatThrownBy(() -> other.createConsumer(temporary))
                .isInstanceOf(InvalidDestinationRuntimeException.class);

            JMSConsumer consumer = owner.createConsumer(temporary);
            try (JMSContext sibling = owner.createContext(JMSContext.AUTO_ACKNOWLEDGE)) { // the owner's connection
                JMSConsumer siblings = sibling.createConsumer(temporary);
                other.createProducer().send(temporary, "from another connection");
                assertThat(consumer.receiveBody(String.class, 5000)).isEqualTo("from another connection");
                assertThat(siblings.receiveBody(String.class, 5000)).isEqualTo("from another connection");
            }
        }
    }
}
