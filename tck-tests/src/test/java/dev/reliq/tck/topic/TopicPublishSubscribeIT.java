package dev.reliq.tck.topic;

import static dev.reliq.tck.JmsTestSupport.receive;
import static dev.reliq.tck.JmsTestSupport.uniqueName;
import static dev.reliq.tck.Texts.text;
import static dev.reliq.tck.Texts.textOf;
import static dev.reliq.tck.Texts.texts;
import static dev.reliq.tck.topic.TopicTexts.publishColoured;
import static dev.reliq.tck.topic.TopicTexts.publishTexts;
import static dev.reliq.tck.topic.TopicTexts.topic;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Destination;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TemporaryTopic;
import jakarta.jms.Topic;
import jakarta.jms.TopicConnection;
import jakarta.jms.TopicConnectionFactory;
import jakarta.jms.TopicPublisher;
import jakarta.jms.TopicSession;
import jakarta.jms.TopicSubscriber;

import dev.reliq.tck.JmsTestSupport;
import dev.reliq.test.RedisServerExtension;

/**
 * Publish and subscribe with non-durable subscribers (Jakarta Messaging 3.1, unshared
 * non-durable subscriptions; Session, TopicSession, TopicSubscriber and TemporaryTopic javadoc):
 * a subscriber receives every message published while it exists, and nothing from before; each
 * subscriber has its own copy; selectors and noLocal decide what a subscription keeps;
 * acknowledgement, recover and transactions work as they do for queues; a temporary topic is
 * consumed only through its own connection.
 */
class TopicPublishSubscribeIT {

    @RegisterExtension
    static final RedisServerExtension REDIS = RedisServerExtension.standalone();

    /** A long visibility timeout: what comes back soon was given back, not timed out. */
    private static ConnectionFactory factory() {
        return JmsTestSupport.factory(REDIS, "visibilityTimeout=60s");
    }

    @Test
    void everySubscriberReceivesEachMessagePublishedAfterItWasCreated() throws Exception {
        ConnectionFactory factory = factory();
        try (Connection one = factory.createConnection(); Connection two = factory.createConnection()) {
            Session session = one.createSession(Session.AUTO_ACKNOWLEDGE);
            Topic topic = topic(session, "fan-out");
            List<MessageConsumer> subscribers = List.of(
                session.createConsumer(topic),
                session.createConsumer(topic),
                one.createSession(Session.AUTO_ACKNOWLEDGE).createConsumer(topic),
                two.createSession(Session.AUTO_ACKNOWLEDGE).createConsumer(topic));

            // published before the connections start: a subscriber exists from its creation on
            publishTexts(factory, topic, "m1", "m2", "m3");
            one.start();
            two.start();

            for (MessageConsumer subscriber : subscribers) {
                assertThat(texts(receive(subscriber, 3))).containsExactly("m1", "m2", "m3");
            }
            for (MessageConsumer subscriber : subscribers) {
                assertThat(subscriber.receive(200)).as("one copy each").isNull();
            }
        }
    }

    @Test
    void messagePublishedBeforeSubscribingIsNotDelivered() throws Exception {
        ConnectionFactory factory = factory();
        try (Connection connection = factory.createConnection()) {
            Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            Topic topic = topic(session, "before-subscribing");
            MessageConsumer early = session.createConsumer(topic);
            publishTexts(factory, topic, "before");
            MessageConsumer late = session.createConsumer(topic);
            publishTexts(factory, topic, "after");
            connection.start();

            assertThat(texts(receive(early, 2))).containsExactly("before", "after");
            assertThat(text(late.receive(5000))).isEqualTo("after");
            assertThat(late.receive(300)).isNull();
        }
    }

    @Test
    void publishingWithoutSubscribersSucceedsAndTheMessageIsNeverDelivered() throws Exception {
        try (Connection connection = factory().createConnection()) {
            Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            Topic topic = topic(session, "nobody-listens");
            MessageProducer publisher = session.createProducer(topic);
            publisher.send(session.createTextMessage("to nobody"));

            MessageConsumer subscriber = session.createConsumer(topic);
            connection.start();
            publisher.send(session.createTextMessage("to the subscriber"));

            assertThat(text(subscriber.receive(5000))).isEqualTo("to the subscriber");
            assertThat(subscriber.receive(300)).isNull();
        }
    }

    @Test
    void theSubscribersOfTwoSessionsEachGetTheirOwnCopy() throws Exception {
        ConnectionFactory factory = factory();
        try (Connection connection = factory.createConnection()) {
            Session first = connection.createSession(Session.CLIENT_ACKNOWLEDGE);
            Session second = connection.createSession(Session.CLIENT_ACKNOWLEDGE);
            Topic topic = topic(first, "own-copy");
            MessageConsumer a = first.createConsumer(topic);
            MessageConsumer b = second.createConsumer(topic);
            publishTexts(factory, topic, "news");
            connection.start();

            Message toA = a.receive(5000);
            assertThat(text(toA)).isEqualTo("news");
            toA.acknowledge();
            assertThat(text(b.receive(5000))).isEqualTo("news");

            second.recover();
            Message again = b.receive(5000);
            assertThat(text(again)).as("acknowledging the first copy did not touch the second").isEqualTo("news");
            assertThat(again.getJMSRedelivered()).isTrue();
            again.acknowledge();
            assertThat(a.receive(300)).isNull();
            assertThat(b.receiveNoWait()).isNull();
        }
    }

    @Test
    void theTopicInterfacesPublishAndSubscribe() throws Exception {
        TopicConnectionFactory factory = (TopicConnectionFactory) factory();
        try (TopicConnection connection = factory.createTopicConnection()) {
            TopicSession session = connection.createTopicSession(false, Session.AUTO_ACKNOWLEDGE);
            Topic topic = session.createTopic(uniqueName("legacy"));

            TopicSubscriber subscriber = session.createSubscriber(topic);
            assertThat(subscriber.getTopic().getTopicName()).isEqualTo(topic.getTopicName());
            assertThat(subscriber.getNoLocal()).isFalse();
            TopicSubscriber selective = session.createSubscriber(topic, "kind = 'wanted'", true);
            assertThat(selective.getTopic().getTopicName()).isEqualTo(topic.getTopicName());
            assertThat(selective.getNoLocal()).isTrue();
            assertThat(selective.getMessageSelector()).isEqualTo("kind = 'wanted'");

            TopicPublisher publisher = session.createPublisher(topic);
            assertThat(publisher.getTopic().getTopicName()).isEqualTo(topic.getTopicName());
            publisher.publish(session.createTextMessage("published"));
            TopicPublisher anonymous = session.createPublisher(null);
            anonymous.publish(topic, session.createTextMessage("published to a named topic"));
            connection.start();

            assertThat(texts(receive(subscriber, 2))).containsExactly("published", "published to a named topic");
            assertThat(subscriber.receive(300)).isNull();
        }
    }

    @Test
    void aSubscriberWithASelectorNeverReceivesNonMatchingMessages() throws Exception {
        ConnectionFactory factory = factory();
        try (Connection connection = factory.createConnection()) {
            Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            Topic topic = topic(session, "selector");
            MessageConsumer reds = session.createConsumer(topic, "colour = 'red'");
            MessageConsumer everything = session.createConsumer(topic);
            publishColoured(factory, topic, "blue-1", "blue-2", "red-1", "blue-3");
            connection.start();

            assertThat(text(reds.receive(5000))).isEqualTo("red-1");
            assertThat(reds.receive(300)).isNull();
            assertThat(texts(receive(everything, 4))).as("the others were published")
                .containsExactly("blue-1", "blue-2", "red-1", "blue-3");
        }
    }

    @Test
    void matchingMessagesInterleavedWithNonMatchingOnesAreAllDelivered() throws Exception {
        ConnectionFactory factory = factory();
        try (Connection connection = factory.createConnection()) {
            Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            Topic topic = topic(session, "selector-interleaved");
            MessageConsumer reds = session.createConsumer(topic, "colour = 'red'");
            List<String> published = new ArrayList<>();
            List<String> red = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                String body = (i % 3 == 0 ? "red-" : "blue-") + i;
                published.add(body);
                if (body.startsWith("red")) {
                    red.add(body);
                }
            }
            publishColoured(factory, topic, published.toArray(String[]::new));
            connection.start();

            assertThat(texts(receive(reds, red.size()))).containsExactlyElementsOf(red);
            assertThat(reds.receive(300)).isNull();
        }
    }

    @Test
    void aNoLocalSubscriberIgnoresWhatItsOwnConnectionPublishesButNotWhatOthersDo() throws Exception {
        ConnectionFactory factory = factory();
        try (Connection own = factory.createConnection(); Connection other = factory.createConnection()) {
            Session session = own.createSession(Session.AUTO_ACKNOWLEDGE);
            Topic topic = topic(session, "no-local");
            MessageConsumer noLocal = session.createConsumer(topic, null, true);
            MessageConsumer everything = own.createSession(Session.AUTO_ACKNOWLEDGE).createConsumer(topic);
            Session otherSession = other.createSession(Session.AUTO_ACKNOWLEDGE);

            publishTexts(own.createSession(Session.AUTO_ACKNOWLEDGE), topic, "own-1");
            publishTexts(otherSession, topic, "other-1");
            publishTexts(session, topic, "own-2");
            publishTexts(otherSession, topic, "other-2");
            own.start();

            assertThat(texts(receive(everything, 4))).containsExactly("own-1", "other-1", "own-2", "other-2");
            assertThat(texts(receive(noLocal, 2))).containsExactly("other-1", "other-2");
            assertThat(noLocal.receive(300)).isNull();
        }
    }

    @Test
    void aReceivedMessageNamesTheTopicAsItsDestination() throws Exception {
        try (Connection connection = factory().createConnection()) {
            Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            Topic topic = topic(session, "destination");
            MessageConsumer subscriber = session.createConsumer(topic);
            session.createProducer(null).send(topic, session.createTextMessage("where from"));
            connection.start();

            Message received = subscriber.receive(5000);
            assertThat(text(received)).isEqualTo("where from");
            Destination destination = received.getJMSDestination();
            assertThat(destination).isInstanceOf(Topic.class);
            assertThat(((Topic) destination).getTopicName()).isEqualTo(topic.getTopicName());
        }
    }

    @Test
    void recoverDeliversATopicMessageAgainWithAHigherDeliveryCount() throws Exception {
        ConnectionFactory factory = factory();
        try (Connection connection = factory.createConnection()) {
            Session session = connection.createSession(Session.CLIENT_ACKNOWLEDGE);
            Topic topic = topic(session, "recover");
            MessageConsumer subscriber = session.createConsumer(topic);
            publishTexts(factory, topic, "again and again");
            connection.start();

            Message first = subscriber.receive(5000);
            assertThat(text(first)).isEqualTo("again and again");
            assertThat(first.getJMSRedelivered()).isFalse();
            assertThat(first.getIntProperty("JMSXDeliveryCount")).isEqualTo(1);

            session.recover();
            Message second = subscriber.receive(5000);
            assertThat(text(second)).isEqualTo("again and again");
            assertThat(second.getJMSRedelivered()).isTrue();
            assertThat(second.getIntProperty("JMSXDeliveryCount")).isEqualTo(2);

            session.recover();
            Message third = subscriber.receive(5000);
            assertThat(third.getJMSRedelivered()).isTrue();
            assertThat(third.getIntProperty("JMSXDeliveryCount")).isEqualTo(3);
            third.acknowledge();
            assertThat(subscriber.receive(300)).isNull();
        }
    }

    @Test
    void aTransactedPublishIsDeliveredOnCommitAndNeverOnRollback() throws Exception {
        ConnectionFactory factory = factory();
        try (Connection publishing = factory.createConnection(); Connection subscribing = factory.createConnection()) {
            Session tx = publishing.createSession(Session.SESSION_TRANSACTED);
            Topic topic = topic(tx, "tx-publish");
            MessageConsumer subscriber = subscribing.createSession(Session.AUTO_ACKNOWLEDGE).createConsumer(topic);
            subscribing.start();
            MessageProducer publisher = tx.createProducer(topic);

            publisher.send(tx.createTextMessage("rolled back"));
            tx.rollback();
            publisher.send(tx.createTextMessage("committed"));
            assertThat(subscriber.receive(300)).as("nothing is published before the commit").isNull();
            tx.commit();

            assertThat(text(subscriber.receive(5000))).isEqualTo("committed");
            assertThat(subscriber.receive(300)).isNull();
        }
    }

    @Test
    void aRolledBackReceiveFromATopicIsDeliveredAgain() throws Exception {
        ConnectionFactory factory = factory();
        try (Connection connection = factory.createConnection()) {
            Session tx = connection.createSession(Session.SESSION_TRANSACTED);
            Topic topic = topic(tx, "tx-consume");
            MessageConsumer subscriber = tx.createConsumer(topic);
            publishTexts(factory, topic, "try again");
            connection.start();

            Message first = subscriber.receive(5000);
            assertThat(text(first)).isEqualTo("try again");
            assertThat(first.getJMSRedelivered()).isFalse();
            tx.rollback();

            Message again = subscriber.receive(5000);
            assertThat(text(again)).isEqualTo("try again");
            assertThat(again.getJMSRedelivered()).isTrue();
            assertThat(again.getIntProperty("JMSXDeliveryCount")).isEqualTo(2);
            tx.commit();
            assertThat(subscriber.receive(300)).isNull();
        }
    }

    @Test
    void aListenerOnATopicSubscriberHearsEveryMessage() throws Exception {
        ConnectionFactory factory = factory();
        try (Connection connection = factory.createConnection()) {
            Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            Topic topic = topic(session, "listener");
            List<String> heard = new CopyOnWriteArrayList<>();
            session.createConsumer(topic).setMessageListener(m -> heard.add(textOf(m)));
            connection.start();
            publishTexts(factory, topic, "l1", "l2", "l3");

            await().atMost(Duration.ofSeconds(10)).until(() -> heard.size() >= 3);
            assertThat(heard).containsExactly("l1", "l2", "l3");
        }
    }

    @Test
    void aTemporaryTopicDeliversToTheSubscribersOfItsConnection() throws Exception {
        ConnectionFactory factory = factory();
        try (Connection owner = factory.createConnection(); Connection other = factory.createConnection()) {
            Session session = owner.createSession(Session.AUTO_ACKNOWLEDGE);
            TemporaryTopic temporary = session.createTemporaryTopic();
            assertThat(temporary.getTopicName()).isNotBlank();
            assertThat(session.createTemporaryTopic().getTopicName()).isNotEqualTo(temporary.getTopicName());
            MessageConsumer a = session.createConsumer(temporary);
            MessageConsumer b = owner.createSession(Session.AUTO_ACKNOWLEDGE).createConsumer(temporary);

            publishTexts(session, temporary, "from its own connection");
            publishTexts(other.createSession(Session.AUTO_ACKNOWLEDGE), temporary, "from another connection");
            owner.start();

            assertThat(texts(receive(a, 2))).containsExactly("from its own connection", "from another connection");
            assertThat(texts(receive(b, 2))).containsExactly("from its own connection", "from another connection");
        }
    }

    @Test
    void anotherConnectionCannotSubscribeToATemporaryTopic() throws Exception {
        ConnectionFactory factory = factory();
        try (Connection owner = factory.createConnection(); Connection other = factory.createConnection()) {
            TemporaryTopic temporary = owner.createSession(Session.AUTO_ACKNOWLEDGE).createTemporaryTopic();
            Session otherSession = other.createSession(Session.AUTO_ACKNOWLEDGE);

            assertThatThrownBy(() -> otherSession.createConsumer(temporary))
                .isInstanceOf(InvalidDestinationException.class);

            MessageConsumer own = owner.createSession(Session.AUTO_ACKNOWLEDGE).createConsumer(temporary);
            owner.start();
            publishTexts(otherSession, temporary, "for the owner");
            assertThat(text(own.receive(5000))).isEqualTo("for the owner");
        }
    }

    @Test
    void aTemporaryTopicCannotBeDeletedWhileItHasASubscriber() throws Exception {
        try (Connection connection = factory().createConnection()) {
            Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            TemporaryTopic temporary = session.createTemporaryTopic();
            MessageConsumer subscriber = connection.createSession(Session.AUTO_ACKNOWLEDGE).createConsumer(temporary);

            assertThatThrownBy(temporary::delete).isInstanceOf(JMSException.class);

            publishTexts(session, temporary, "still there");
            connection.start();
            assertThat(text(subscriber.receive(5000))).isEqualTo("still there");
            subscriber.close();
            temporary.delete();
            assertThatThrownBy(() -> session.createConsumer(temporary)).as("deleted")
                .isInstanceOf(InvalidDestinationException.class);
        }
    }
}
