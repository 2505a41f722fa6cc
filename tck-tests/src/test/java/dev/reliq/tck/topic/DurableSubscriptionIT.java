package dev.reliq.tck.topic;

import static dev.reliq.tck.JmsTestSupport.receive;
import static dev.reliq.tck.JmsTestSupport.uniqueName;
import static dev.reliq.tck.Texts.text;
import static dev.reliq.tck.Texts.texts;
import static dev.reliq.tck.topic.TopicTexts.connect;
import static dev.reliq.tck.topic.TopicTexts.publishColoured;
import static dev.reliq.tck.topic.TopicTexts.publishTexts;
import static dev.reliq.tck.topic.TopicTexts.topic;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.IllegalStateException;
import jakarta.jms.InvalidClientIDException;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.Topic;
import jakarta.jms.TopicConnection;
import jakarta.jms.TopicConnectionFactory;
import jakarta.jms.TopicSession;
import jakarta.jms.TopicSubscriber;

import dev.reliq.tck.JmsTestSupport;
import dev.reliq.test.RedisServerExtension;

/**
 * Unshared durable subscriptions (Jakarta Messaging 3.1; javadoc of Session and TopicSession
 * createDurableSubscriber, createDurableConsumer and unsubscribe): identified by name and
 * client ID, which must be set; they keep what is published while no consumer is open, across
 * connections and client restarts; they have one active consumer at most; reopening them with
 * another topic, selector or noLocal replaces them; unsubscribe deletes them, but not while in use.
 */
class DurableSubscriptionIT {

    @RegisterExtension
    static final RedisServerExtension REDIS = RedisServerExtension.standalone();

    /** A long visibility timeout: what comes back soon was given back, not timed out. */
    private static ConnectionFactory factory() {
        return JmsTestSupport.factory(REDIS, "visibilityTimeout=60s");
    }

    @Test
    void aDurableSubscriptionNeedsAClientId() throws Exception {
        TopicConnectionFactory factory = (TopicConnectionFactory) factory();
        try (TopicConnection connection = factory.createTopicConnection()) {
            Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            Topic topic = topic(session, "no-client-id");
            String name = uniqueName("no-client-id");

            assertThatThrownBy(() -> session.createDurableSubscriber(topic, name))
                .isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> session.createDurableSubscriber(topic, name, null, false))
                .isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> session.createDurableConsumer(topic, name))
                .isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> session.createDurableConsumer(topic, name, "colour = 'red'", true))
                .isInstanceOf(IllegalStateException.class);
            // TopicSession's javadoc names only JMSException for this case
            TopicSession topicSession = connection.createTopicSession(false, Session.AUTO_ACKNOWLEDGE);
            assertThatThrownBy(() -> topicSession.createDurableSubscriber(topic, name))
                .isInstanceOf(JMSException.class);
        }
    }

    @Test
    void aDurableSubscriptionStartsWithTheMessagesPublishedAfterItWasCreated() throws Exception {
        ConnectionFactory factory = factory();
        try (Connection connection = connect(factory, uniqueName("client"))) {
            Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            Topic topic = topic(session, "durable-start");
            publishTexts(factory, topic, "before the subscription");
            MessageConsumer subscriber = session.createDurableConsumer(topic, uniqueName("sub"));
            publishTexts(factory, topic, "after the subscription");
            connection.start();

            assertThat(text(subscriber.receive(5000))).isEqualTo("after the subscription");
            assertThat(subscriber.receive(300)).isNull();
        }
    }

    @Test
    void messagesPublishedWhileTheDurableSubscriberIsClosedArriveWhenItReopens() throws Exception {
        ConnectionFactory factory = factory();
        String clientId = uniqueName("client");
        String name = uniqueName("sub");
        Topic topic;
        try (Connection connection = connect(factory, clientId)) {
            Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            topic = topic(session, "durable");
            TopicSubscriber subscriber = session.createDurableSubscriber(topic, name);
            connection.start();
            publishTexts(factory, topic, "while open");
            assertThat(text(subscriber.receive(5000))).isEqualTo("while open");
        }

        publishTexts(factory, topic, "while away 1", "while away 2");

        try (Connection connection = connect(factory, clientId)) {
            Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            MessageConsumer subscriber = session.createDurableConsumer(session.createTopic(topic.getTopicName()), name);
            connection.start();
            assertThat(texts(receive(subscriber, 2))).containsExactly("while away 1", "while away 2");
            assertThat(subscriber.receive(300)).isNull();
        }
    }

    @Test
    void aSecondActiveConsumerOnAnUnsharedDurableSubscriptionIsRefused() throws Exception {
        ConnectionFactory factory = factory();
        String name = uniqueName("sub");
        try (Connection connection = connect(factory, uniqueName("client"))) {
            Session first = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            Topic topic = topic(first, "one-consumer");
            MessageConsumer active = first.createDurableConsumer(topic, name);
            Session second = connection.createSession(Session.AUTO_ACKNOWLEDGE);

            assertThatThrownBy(() -> second.createDurableConsumer(topic, name)).isInstanceOf(JMSException.class);
            assertThatThrownBy(() -> second.createDurableSubscriber(topic, name)).isInstanceOf(JMSException.class);
            assertThatThrownBy(() -> first.createDurableConsumer(topic, name)).isInstanceOf(JMSException.class);

            active.close();
            MessageConsumer successor = second.createDurableConsumer(topic, name);
            connection.start();
            publishTexts(factory, topic, "to the successor");
            assertThat(text(successor.receive(5000))).isEqualTo("to the successor");
        }
    }

    @Test
    void theClientIdOfAnActiveDurableSubscriberIsRefusedToOtherConnections() throws Exception {
        ConnectionFactory factory = factory();
        String clientId = uniqueName("client");
        String name = uniqueName("sub");
        Topic topic;
        try (Connection holder = connect(factory, clientId)) {
            Session session = holder.createSession(Session.AUTO_ACKNOWLEDGE);
            topic = topic(session, "client-id-in-use");
            session.createDurableConsumer(topic, name);

            try (Connection intruder = factory.createConnection()) {
                assertThatThrownBy(() -> intruder.setClientID(clientId)).isInstanceOf(InvalidClientIDException.class);
            }
            ConnectionFactory configured = JmsTestSupport.factory(REDIS, "clientID=" + clientId);
            assertThatThrownBy(configured::createConnection).isInstanceOf(InvalidClientIDException.class);
            publishTexts(factory, topic, "kept for the client ID");
        }

        try (Connection successor = connect(factory, clientId)) {
            Session session = successor.createSession(Session.AUTO_ACKNOWLEDGE);
            MessageConsumer subscriber = session.createDurableConsumer(topic, name);
            successor.start();
            assertThat(text(subscriber.receive(5000))).isEqualTo("kept for the client ID");
        }
    }

    @Test
    void unsubscribeIsRefusedWhileTheSubscriptionHasAnActiveConsumer() throws Exception {
        ConnectionFactory factory = factory();
        String name = uniqueName("sub");
        try (Connection connection = connect(factory, uniqueName("client"))) {
            Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            Topic topic = topic(session, "unsubscribe-active");
            MessageConsumer subscriber = session.createDurableConsumer(topic, name);
            Session other = connection.createSession(Session.AUTO_ACKNOWLEDGE);

            assertThatThrownBy(() -> session.unsubscribe(name))
                .isInstanceOf(JMSException.class).isNotInstanceOf(InvalidDestinationException.class);
            assertThatThrownBy(() -> other.unsubscribe(name))
                .isInstanceOf(JMSException.class).isNotInstanceOf(InvalidDestinationException.class);

            connection.start();
            publishTexts(factory, topic, "still subscribed");
            assertThat(text(subscriber.receive(5000))).isEqualTo("still subscribed");
            subscriber.close();
            other.unsubscribe(name);
        }
    }

    @Test
    void unsubscribingASubscriptionThatDoesNotExistFailsWithInvalidDestination() throws Exception {
        String name = uniqueName("sub");
        try (Connection connection = connect(factory(), uniqueName("client"))) {
            Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            Topic topic = topic(session, "unsubscribe-unknown");

            assertThatThrownBy(() -> session.unsubscribe(uniqueName("never-subscribed")))
                .isInstanceOf(InvalidDestinationException.class);

            session.createDurableConsumer(topic, name).close();
            session.unsubscribe(name);
            assertThatThrownBy(() -> session.unsubscribe(name)).as("already unsubscribed")
                .isInstanceOf(InvalidDestinationException.class);
        }
    }

    @Test
    void aSubscriptionCreatedAgainAfterUnsubscribeDoesNotGetTheOldMessages() throws Exception {
        ConnectionFactory factory = factory();
        String name = uniqueName("sub");
        try (Connection connection = connect(factory, uniqueName("client"))) {
            Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            Topic topic = topic(session, "unsubscribe");
            session.createDurableConsumer(topic, name).close();
            publishTexts(factory, topic, "for the old subscription");

            session.unsubscribe(name);
            MessageConsumer renewed = session.createDurableConsumer(topic, name);
            publishTexts(factory, topic, "for the new subscription");
            connection.start();

            assertThat(text(renewed.receive(5000))).isEqualTo("for the new subscription");
            assertThat(renewed.receive(300)).isNull();
        }
    }

    @Test
    void reopeningWithTheSameTopicAndSelectorKeepsTheStoredMessages() throws Exception {
        ConnectionFactory factory = factory();
        String clientId = uniqueName("client");
        String name = uniqueName("sub");
        Topic topic;
        try (Connection connection = connect(factory, clientId)) {
            Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            topic = topic(session, "same-selector");
            session.createDurableConsumer(topic, name, "colour = 'red'", false).close();
        }

        publishColoured(factory, topic, "blue-1", "red-1", "blue-2", "red-2");

        try (Connection connection = connect(factory, clientId)) {
            Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            TopicSubscriber subscriber = session.createDurableSubscriber(
                session.createTopic(topic.getTopicName()), name, "colour = 'red'", false);
            connection.start();
            assertThat(texts(receive(subscriber, 2))).containsExactly("red-1", "red-2");
            assertThat(subscriber.receive(300)).isNull();
        }
    }

    @Test
    void anEmptySelectorIsNoSelectorSoReopeningWithItKeepsTheStoredMessages() throws Exception {
        ConnectionFactory factory = factory();
        String name = uniqueName("sub");
        try (Connection connection = connect(factory, uniqueName("client"))) {
            Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            Topic topic = topic(session, "empty-selector");
            session.createDurableConsumer(topic, name).close();
            publishTexts(factory, topic, "stored");

            MessageConsumer subscriber = session.createDurableConsumer(topic, name, "", false);
            connection.start();
            assertThat(text(subscriber.receive(5000))).isEqualTo("stored");
        }
    }

    @Test
    void reopeningWithAnotherSelectorReplacesTheSubscription() throws Exception {
        ConnectionFactory factory = factory();
        String name = uniqueName("sub");
        try (Connection connection = connect(factory, uniqueName("client"))) {
            Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            Topic topic = topic(session, "new-selector");
            session.createDurableConsumer(topic, name, "colour = 'red'", false).close();
            publishColoured(factory, topic, "red-stored", "blue-not-stored");

            // the new selector matches what the old subscription stored: only replacing it loses that
            MessageConsumer subscriber = session.createDurableConsumer(topic, name, "colour IN ('red', 'blue')", false);
            publishColoured(factory, topic, "red-new", "green-new", "blue-new");
            connection.start();

            assertThat(texts(receive(subscriber, 2))).containsExactly("red-new", "blue-new");
            assertThat(subscriber.receive(300)).isNull();
        }
    }

    @Test
    void reopeningOnAnotherTopicReplacesTheSubscription() throws Exception {
        ConnectionFactory factory = factory();
        String name = uniqueName("sub");
        try (Connection connection = connect(factory, uniqueName("client"))) {
            Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            Topic first = topic(session, "first-topic");
            Topic second = topic(session, "second-topic");
            session.createDurableConsumer(first, name).close();
            publishTexts(factory, first, "stored from the first topic");

            MessageConsumer subscriber = session.createDurableConsumer(second, name);
            publishTexts(factory, first, "first topic, after the move");
            publishTexts(factory, second, "second topic");
            connection.start();

            assertThat(text(subscriber.receive(5000))).isEqualTo("second topic");
            assertThat(subscriber.receive(300)).isNull();
        }
    }

    @Test
    void reopeningWithAnotherNoLocalReplacesTheSubscription() throws Exception {
        ConnectionFactory factory = factory();
        String name = uniqueName("sub");
        try (Connection connection = connect(factory, uniqueName("client"))) {
            Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            Topic topic = topic(session, "new-no-local");
            session.createDurableConsumer(topic, name, null, false).close();
            publishTexts(factory, topic, "stored before the change");

            MessageConsumer subscriber = session.createDurableConsumer(topic, name, null, true);
            publishTexts(factory, topic, "published after the change");
            connection.start();

            assertThat(text(subscriber.receive(5000))).isEqualTo("published after the change");
            assertThat(subscriber.receive(300)).isNull();
        }
    }

    @Test
    void aDurableSubscriptionWithASelectorKeepsOnlyMatchingMessages() throws Exception {
        ConnectionFactory factory = factory();
        String clientId = uniqueName("client");
        String name = uniqueName("sub");
        Topic topic;
        try (Connection connection = connect(factory, clientId)) {
            Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            topic = topic(session, "durable-selector");
            MessageConsumer subscriber = session.createDurableConsumer(topic, name, "colour = 'red'", false);
            assertThat(subscriber.getMessageSelector()).isEqualTo("colour = 'red'");
            connection.start();
            publishColoured(factory, topic, "blue-1", "red-1", "blue-2");
            assertThat(text(subscriber.receive(5000))).isEqualTo("red-1");
            assertThat(subscriber.receive(300)).isNull();
        }

        publishColoured(factory, topic, "blue-3", "red-2", "blue-4", "red-3");

        try (Connection connection = connect(factory, clientId)) {
            Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            MessageConsumer subscriber = session.createDurableConsumer(topic, name, "colour = 'red'", false);
            connection.start();
            assertThat(texts(receive(subscriber, 2))).containsExactly("red-2", "red-3");
            assertThat(subscriber.receive(300)).isNull();
        }
    }

    @Test
    void aNoLocalDurableSubscriptionIgnoresWhatItsOwnConnectionPublishes() throws Exception {
        ConnectionFactory factory = factory();
        try (Connection own = connect(factory, uniqueName("client")); Connection other = factory.createConnection()) {
            Session session = own.createSession(Session.AUTO_ACKNOWLEDGE);
            Topic topic = topic(session, "durable-no-local");
            TopicSubscriber subscriber = session.createDurableSubscriber(topic, uniqueName("sub"), null, true);
            assertThat(subscriber.getNoLocal()).isTrue();

            publishTexts(session, topic, "own");
            publishTexts(other.createSession(Session.AUTO_ACKNOWLEDGE), topic, "other");
            own.start();

            assertThat(text(subscriber.receive(5000))).isEqualTo("other");
            assertThat(subscriber.receive(300)).isNull();
        }
    }

    @Test
    void aNoLocalDurableSubscriptionIgnoresWhatAnyConnectionWithItsClientIdPublishes() throws Exception {
        ConnectionFactory factory = factory();
        String clientId = uniqueName("client");
        String name = uniqueName("sub");
        Topic topic;
        try (Connection first = connect(factory, clientId)) {
            Session session = first.createSession(Session.AUTO_ACKNOWLEDGE);
            topic = topic(session, "durable-no-local-client");
            session.createDurableConsumer(topic, name, null, true).close();
        }
        try (Connection sameClient = connect(factory, clientId)) {
            publishTexts(sameClient.createSession(Session.AUTO_ACKNOWLEDGE), topic, "same client ID");
        }
        publishTexts(factory, topic, "another client");

        try (Connection again = connect(factory, clientId)) {
            Session session = again.createSession(Session.AUTO_ACKNOWLEDGE);
            MessageConsumer subscriber = session.createDurableConsumer(topic, name, null, true);
            again.start();
            assertThat(text(subscriber.receive(5000))).isEqualTo("another client");
            assertThat(subscriber.receive(300)).isNull();
        }
    }

    @Test
    void aDurableSubscriptionSurvivesAClientRestartWithTheDeliveryCountsOfItsMessages() throws Exception {
        String clientId = uniqueName("client");
        String name = uniqueName("sub");
        String topicName = uniqueName("restart");
        ConnectionFactory before = factory();
        try (Connection connection = connect(before, clientId)) {
            Session session = connection.createSession(Session.CLIENT_ACKNOWLEDGE);
            Topic topic = session.createTopic(topicName);
            MessageConsumer subscriber = session.createDurableConsumer(topic, name);
            publishTexts(before, topic, "unacknowledged", "untouched");
            connection.start();
            Message first = subscriber.receive(5000);
            assertThat(text(first)).isEqualTo("unacknowledged");
            assertThat(first.getJMSRedelivered()).isFalse();
            assertThat(first.getIntProperty("JMSXDeliveryCount")).isEqualTo(1);
        } // closed without acknowledging

        ConnectionFactory after = factory(); // a new client: nothing of the first one is reused
        try (Connection connection = connect(after, clientId)) {
            Session session = connection.createSession(Session.CLIENT_ACKNOWLEDGE);
            MessageConsumer subscriber = session.createDurableConsumer(session.createTopic(topicName), name);
            connection.start();
            Message again = subscriber.receive(5000);
            assertThat(text(again)).isEqualTo("unacknowledged");
            assertThat(again.getJMSRedelivered()).isTrue();
            assertThat(again.getIntProperty("JMSXDeliveryCount")).isEqualTo(2);
            Message next = subscriber.receive(5000);
            assertThat(text(next)).isEqualTo("untouched");
            next.acknowledge();
        }

        try (Connection connection = connect(after, clientId)) {
            Session session = connection.createSession(Session.CLIENT_ACKNOWLEDGE);
            MessageConsumer subscriber = session.createDurableConsumer(session.createTopic(topicName), name);
            connection.start();
            assertThat(subscriber.receive(300)).as("both were acknowledged").isNull();
        }
    }

    @Test
    void durableSubscriptionsOfTheSameNameUnderDifferentClientIdsAreSeparate() throws Exception {
        ConnectionFactory factory = factory();
        String name = uniqueName("sub");
        try (Connection x = connect(factory, uniqueName("client-x"));
                Connection y = connect(factory, uniqueName("client-y"))) {
            Session sx = x.createSession(Session.AUTO_ACKNOWLEDGE);
            Session sy = y.createSession(Session.AUTO_ACKNOWLEDGE);
            Topic topic = topic(sx, "per-client");
            MessageConsumer cx = sx.createDurableConsumer(topic, name);
            MessageConsumer cy = sy.createDurableConsumer(topic, name); // not a second consumer of cx's subscription
            x.start();
            y.start();
            publishTexts(factory, topic, "for both");
            assertThat(text(cx.receive(5000))).isEqualTo("for both");
            assertThat(text(cy.receive(5000))).isEqualTo("for both");

            cx.close();
            sx.unsubscribe(name);
            publishTexts(factory, topic, "after x unsubscribed");
            assertThat(text(cy.receive(5000))).isEqualTo("after x unsubscribed");
        }
    }
}
