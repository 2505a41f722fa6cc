package dev.reliq.tck.topic;

import static dev.reliq.tck.JmsTestSupport.uniqueName;
import static dev.reliq.tck.Texts.text;
import static dev.reliq.tck.topic.TopicTexts.publishColoured;
import static dev.reliq.tck.topic.TopicTexts.connect;
import static dev.reliq.tck.topic.TopicTexts.publishTexts;
import static dev.reliq.tck.topic.TopicTexts.topic;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.Topic;

import dev.reliq.tck.JmsTestSupport;
import dev.reliq.test.RedisServerExtension;

/**
 * Shared subscriptions (Jakarta Messaging 3.1; javadoc of Session.createSharedConsumer,
 * createSharedDurableConsumer and unsubscribe): identified by name
 * and client ID, which may be unset; each message goes to one of their consumers; a shared
 * durable subscription outlives its consumers until unsubscribed, a shared non-durable one ends
 * with its last consumer; while in use, neither changes topic or selector.
 */
class SharedSubscriptionIT {

    @RegisterExtension
    static final RedisServerExtension REDIS = RedisServerExtension.standalone();

    /** A long visibility timeout, and one message fetched at a time so that consumers take turns. */
    private static ConnectionFactory factory() {
        return JmsTestSupport.factory(REDIS, "visibilityTimeout=60s&prefetch=1");
    }

    /**
     * Publishes 20 messages and has the two consumers take turns receiving them: every message
     * arrives once, to one of them, and both get some.
     */
    private static void assertSharedBetween(ConnectionFactory factory, Topic topic, MessageConsumer a, MessageConsumer b)
            throws JMSException {
        List<String> published = IntStream.range(0, 20).mapToObj(i -> "m" + i).toList();
        publishTexts(factory, topic, published.toArray(String[]::new));
        List<String> received = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            received.add(text(a.receive(5000)));
            received.add(text(b.receive(5000)));
        }
        assertThat(received).doesNotContainNull().containsExactlyInAnyOrderElementsOf(published);
        assertThat(a.receive(300)).isNull();
        assertThat(b.receiveNoWait()).isNull();
    }

    @Test
    void aSharedDurableSubscriptionNeedsNoClientId() throws Exception {
        ConnectionFactory factory = factory();
        try (Connection connection = factory.createConnection()) {
            assertThat(connection.getClientID()).isNull();
            Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            Topic topic = topic(session, "shared-durable");
            MessageConsumer consumer = session.createSharedDurableConsumer(topic, uniqueName("shared"));
            publishTexts(factory, topic, "shared and durable");
            connection.start();
            assertThat(text(consumer.receive(5000))).isEqualTo("shared and durable");
        }
    }

    @Test
    void theConsumersOfASharedDurableSubscriptionShareItsMessages() throws Exception {
        ConnectionFactory factory = factory();
        String name = uniqueName("shared");
        try (Connection one = factory.createConnection(); Connection two = factory.createConnection()) {
            Session s1 = one.createSession(Session.AUTO_ACKNOWLEDGE);
            Session s2 = two.createSession(Session.AUTO_ACKNOWLEDGE);
            Topic topic = topic(s1, "shared-durable-share");
            MessageConsumer a = s1.createSharedDurableConsumer(topic, name);
            MessageConsumer b = s2.createSharedDurableConsumer(s2.createTopic(topic.getTopicName()), name);
            one.start();
            two.start();
            assertSharedBetween(factory, topic, a, b);
        }
    }

    @Test
    void aSharedDurableSubscriptionKeepsMessagesWhileItHasNoConsumers() throws Exception {
        ConnectionFactory factory = factory();
        String name = uniqueName("shared");
        Topic topic;
        try (Connection one = factory.createConnection(); Connection two = factory.createConnection()) {
            Session session = one.createSession(Session.AUTO_ACKNOWLEDGE);
            topic = topic(session, "shared-durable-kept");
            session.createSharedDurableConsumer(topic, name);
            two.createSession(Session.AUTO_ACKNOWLEDGE).createSharedDurableConsumer(topic, name);
        }

        publishTexts(factory, topic, "while nobody listens");

        try (Connection connection = factory.createConnection()) {
            Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            MessageConsumer consumer = session.createSharedDurableConsumer(topic, name);
            connection.start();
            assertThat(text(consumer.receive(5000))).isEqualTo("while nobody listens");
            assertThat(consumer.receive(300)).isNull();
        }
    }

    @Test
    void theConsumersOfASharedNonDurableSubscriptionShareItsMessages() throws Exception {
        ConnectionFactory factory = factory();
        String name = uniqueName("shared");
        try (Connection one = factory.createConnection(); Connection two = factory.createConnection()) {
            Session s1 = one.createSession(Session.AUTO_ACKNOWLEDGE);
            Session s2 = two.createSession(Session.AUTO_ACKNOWLEDGE);
            Topic topic = topic(s1, "shared-share");
            MessageConsumer a = s1.createSharedConsumer(topic, name);
            MessageConsumer b = s2.createSharedConsumer(topic, name);
            one.start();
            two.start();
            assertSharedBetween(factory, topic, a, b);
        }
    }

    @Test
    void aSharedNonDurableSubscriptionEndsWithItsLastConsumer() throws Exception {
        ConnectionFactory factory = factory();
        String name = uniqueName("shared");
        try (Connection one = factory.createConnection(); Connection two = factory.createConnection()) {
            Session s1 = one.createSession(Session.AUTO_ACKNOWLEDGE);
            Session s2 = two.createSession(Session.AUTO_ACKNOWLEDGE);
            Topic topic = topic(s1, "shared-ends");
            MessageConsumer a = s1.createSharedConsumer(topic, name);
            MessageConsumer b = s2.createSharedConsumer(topic, name);
            one.start();
            two.start();

            a.close();
            publishTexts(factory, topic, "to the remaining consumer");
            assertThat(text(b.receive(5000))).as("the subscription lives while it has a consumer")
                .isEqualTo("to the remaining consumer");

            b.close();
            publishTexts(factory, topic, "to nobody");
            MessageConsumer later = s1.createSharedConsumer(topic, name);
            publishTexts(factory, topic, "to the new subscription");
            assertThat(text(later.receive(5000))).isEqualTo("to the new subscription");
            assertThat(later.receive(300)).isNull();
        }
    }

    @Test
    void aSharedNonDurableSubscriptionInUseCannotChangeTopicOrSelector() throws Exception {
        ConnectionFactory factory = factory();
        String name = uniqueName("shared");
        try (Connection connection = factory.createConnection(); Connection other = factory.createConnection()) {
            Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            Topic topic = topic(session, "shared-in-use");
            Topic elsewhere = topic(session, "shared-elsewhere");
            MessageConsumer active = session.createSharedConsumer(topic, name);
            Session otherSession = other.createSession(Session.AUTO_ACKNOWLEDGE);

            assertThatThrownBy(() -> session.createSharedConsumer(elsewhere, name)).isInstanceOf(JMSException.class);
            assertThatThrownBy(() -> otherSession.createSharedConsumer(elsewhere, name)).isInstanceOf(JMSException.class);
            assertThatThrownBy(() -> otherSession.createSharedConsumer(topic, name, "colour = 'red'"))
                .isInstanceOf(JMSException.class);

            connection.start();
            publishTexts(factory, topic, "unchanged");
            assertThat(text(active.receive(5000))).isEqualTo("unchanged");
        }
    }

    @Test
    void aSharedDurableSubscriptionInUseCannotChangeTopicOrSelector() throws Exception {
        ConnectionFactory factory = factory();
        String name = uniqueName("shared");
        try (Connection connection = factory.createConnection(); Connection other = factory.createConnection()) {
            Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            Topic topic = topic(session, "shared-durable-in-use");
            Topic elsewhere = topic(session, "shared-durable-elsewhere");
            MessageConsumer active = session.createSharedDurableConsumer(topic, name, "colour = 'red'");
            Session otherSession = other.createSession(Session.AUTO_ACKNOWLEDGE);

            assertThatThrownBy(() -> session.createSharedDurableConsumer(elsewhere, name, "colour = 'red'"))
                .isInstanceOf(JMSException.class);
            assertThatThrownBy(() -> otherSession.createSharedDurableConsumer(topic, name, "colour = 'blue'"))
                .isInstanceOf(JMSException.class);
            assertThatThrownBy(() -> otherSession.createSharedDurableConsumer(topic, name))
                .isInstanceOf(JMSException.class);

            connection.start();
            publishColoured(factory, topic, "blue-1", "red-1");
            assertThat(text(active.receive(5000))).isEqualTo("red-1");
            assertThat(active.receive(300)).isNull();
        }
    }

    @Test
    void anUnusedSharedDurableSubscriptionReopenedOnAnotherTopicIsReplaced() throws Exception {
        ConnectionFactory factory = factory();
        String name = uniqueName("shared");
        try (Connection connection = factory.createConnection()) {
            Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            Topic first = topic(session, "shared-first-topic");
            Topic second = topic(session, "shared-second-topic");
            session.createSharedDurableConsumer(first, name).close();
            publishTexts(factory, first, "stored from the first topic");

            MessageConsumer moved = session.createSharedDurableConsumer(second, name);
            publishTexts(factory, first, "first topic, after the move");
            publishTexts(factory, second, "second topic");
            connection.start();

            assertThat(text(moved.receive(5000))).isEqualTo("second topic");
            assertThat(moved.receive(300)).isNull();
        }
    }

    @Test
    void anUnusedSharedDurableSubscriptionReopenedWithAnotherSelectorIsReplaced() throws Exception {
        ConnectionFactory factory = factory();
        String name = uniqueName("shared");
        try (Connection connection = factory.createConnection()) {
            Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            Topic topic = topic(session, "shared-new-selector");
            session.createSharedDurableConsumer(topic, name, "colour = 'red'").close();
            publishColoured(factory, topic, "red-stored");

            MessageConsumer replaced = session.createSharedDurableConsumer(topic, name, "colour IN ('red', 'blue')");
            publishColoured(factory, topic, "blue-new", "red-new");
            connection.start();

            assertThat(text(replaced.receive(5000))).isEqualTo("blue-new");
            assertThat(text(replaced.receive(5000))).isEqualTo("red-new");
            assertThat(replaced.receive(300)).isNull();
        }
    }

    @Test
    void aSharedAndAnUnsharedDurableSubscriptionCannotHaveTheSameNameAndClientId() throws Exception {
        ConnectionFactory factory = factory();
        String unsharedName = uniqueName("unshared");
        String sharedName = uniqueName("shared");
        try (Connection connection = connect(factory, uniqueName("client"))) {
            Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            Topic topic = topic(session, "shared-vs-unshared");

            MessageConsumer unshared = session.createDurableConsumer(topic, unsharedName);
            assertThatThrownBy(() -> session.createSharedDurableConsumer(topic, unsharedName))
                .isInstanceOf(JMSException.class);
            unshared.close();
            assertThatThrownBy(() -> session.createSharedDurableConsumer(topic, unsharedName))
                .as("the closed unshared subscription still exists").isInstanceOf(JMSException.class);

            MessageConsumer shared = session.createSharedDurableConsumer(topic, sharedName);
            assertThatThrownBy(() -> session.createDurableConsumer(topic, sharedName)).isInstanceOf(JMSException.class);
            shared.close();
            assertThatThrownBy(() -> session.createDurableSubscriber(topic, sharedName))
                .as("the closed shared subscription still exists").isInstanceOf(JMSException.class);
        }
    }

    @Test
    void aDurableAndASharedNonDurableSubscriptionOfTheSameNameAreSeparate() throws Exception {
        ConnectionFactory factory = factory();
        String name = uniqueName("same-name");
        try (Connection withId = connect(factory, uniqueName("client"));
                Connection withoutId = factory.createConnection()) {
            Session session = withId.createSession(Session.AUTO_ACKNOWLEDGE);
            Topic topic = topic(session, "durable-and-not");
            MessageConsumer unsharedDurable = session.createDurableConsumer(topic, name);
            MessageConsumer sharedWithId = session.createSharedConsumer(topic, name);
            Session anonymous = withoutId.createSession(Session.AUTO_ACKNOWLEDGE);
            MessageConsumer sharedDurable = anonymous.createSharedDurableConsumer(topic, name);
            MessageConsumer sharedWithoutId = anonymous.createSharedConsumer(topic, name);
            withId.start();
            withoutId.start();

            publishTexts(factory, topic, "one copy each");
            for (MessageConsumer consumer : List.of(unsharedDurable, sharedWithId, sharedDurable, sharedWithoutId)) {
                assertThat(text(consumer.receive(5000))).isEqualTo("one copy each");
            }
        }
    }

    @Test
    void sharedSubscriptionsOfTheSameNameUnderDifferentClientIdsAreSeparate() throws Exception {
        ConnectionFactory factory = factory();
        String name = uniqueName("shared");
        String durableName = uniqueName("shared-durable");
        try (Connection x = connect(factory, uniqueName("client-x"));
                Connection y = connect(factory, uniqueName("client-y"));
                Connection none = factory.createConnection()) {
            Topic topic = topic(none.createSession(Session.AUTO_ACKNOWLEDGE), "shared-per-client");
            List<MessageConsumer> consumers = new ArrayList<>();
            for (Connection connection : List.of(x, y, none)) {
                Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
                consumers.add(session.createSharedConsumer(topic, name));
                consumers.add(session.createSharedDurableConsumer(topic, durableName));
                connection.start();
            }

            publishTexts(factory, topic, "one copy per client ID");
            for (MessageConsumer consumer : consumers) {
                assertThat(text(consumer.receive(5000))).isEqualTo("one copy per client ID");
            }
        }
    }

    @Test
    void anUnusedSharedDurableSubscriptionCanBeUnsubscribed() throws Exception {
        ConnectionFactory factory = factory();
        String name = uniqueName("shared");
        try (Connection connection = factory.createConnection()) {
            Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            Topic topic = topic(session, "shared-unsubscribe");
            session.createSharedDurableConsumer(topic, name).close();
            publishTexts(factory, topic, "for the old subscription");

            session.unsubscribe(name);
            MessageConsumer renewed = session.createSharedDurableConsumer(topic, name);
            publishTexts(factory, topic, "for the new subscription");
            connection.start();
            assertThat(text(renewed.receive(5000))).isEqualTo("for the new subscription");
            assertThat(renewed.receive(300)).isNull();

            renewed.close();
            session.unsubscribe(name);
            assertThatThrownBy(() -> session.unsubscribe(name)).as("already unsubscribed")
                .isInstanceOf(InvalidDestinationException.class);
        }
    }

    @Test
    void aSharedDurableSubscriptionWithAnActiveConsumerCannotBeUnsubscribed() throws Exception {
        ConnectionFactory factory = factory();
        String name = uniqueName("shared");
        try (Connection consuming = factory.createConnection(); Connection other = factory.createConnection()) {
            Session session = consuming.createSession(Session.AUTO_ACKNOWLEDGE);
            Topic topic = topic(session, "shared-unsubscribe-active");
            MessageConsumer active = session.createSharedDurableConsumer(topic, name);
            Session otherSession = other.createSession(Session.AUTO_ACKNOWLEDGE);

            assertThatThrownBy(() -> session.unsubscribe(name))
                .isInstanceOf(JMSException.class).isNotInstanceOf(InvalidDestinationException.class);
            assertThatThrownBy(() -> otherSession.unsubscribe(name)).as("a consumer of any connection counts")
                .isInstanceOf(JMSException.class).isNotInstanceOf(InvalidDestinationException.class);

            consuming.start();
            publishTexts(factory, topic, "still subscribed");
            assertThat(text(active.receive(5000))).isEqualTo("still subscribed");
            active.close();
            otherSession.unsubscribe(name);
        }
    }
}
