package dev.reliq.tck.topic;

import static dev.reliq.tck.topic.TopicTexts.publishTexts;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;

import dev.reliq.jms.ReliqConnection;
import dev.reliq.queue.QueueStats;
import dev.reliq.queue.ReliableQueue;
import dev.reliq.tck.JmsTestSupport;
import dev.reliq.test.RedisServerExtension;

/**
 * A subscription is a reliable queue with its own dead-letter queue: a message one subscriber
 * keeps failing lands in that subscription's dead-letter queue, readable as a plain JMS queue,
 * while the other subscriptions of the topic are not affected.
 */
class SubscriptionDeadLettersIT {

    @RegisterExtension
    static final RedisServerExtension REDIS = RedisServerExtension.standalone();

    @Test
    void aMessageASubscriberKeepsFailingMovesToThatSubscriptionsDeadLetterQueue() throws Exception {
        String clientId = JmsTestSupport.uniqueName("dlq-client");
        ConnectionFactory factory = JmsTestSupport.factory(REDIS, "maxDeliveries=2&clientID=" + clientId);
        try (Connection connection = factory.createConnection()) {
            connection.start();
            Session failing = connection.createSession(Session.CLIENT_ACKNOWLEDGE);
            Session healthy = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            Topic topic = failing.createTopic(JmsTestSupport.uniqueName("poison"));
            MessageConsumer audit = failing.createDurableConsumer(topic, "audit");
            MessageConsumer billing = healthy.createDurableConsumer(topic, "billing");
            publishTexts(JmsTestSupport.factory(REDIS, ""), topic, "poison");

            for (int delivery = 1; delivery <= 2; delivery++) {
                Message m = audit.receive(5_000);
                assertThat(m.getIntProperty("JMSXDeliveryCount")).isEqualTo(delivery);
                failing.recover();
            }
            assertThat(audit.receive(300)).as("after maxDeliveries the subscriber does not get it again").isNull();
            assertThat(((TextMessage) billing.receive(5_000)).getText()).as("another subscription is not affected")
                .isEqualTo("poison");

            String deadLetterQueue = topic.getTopicName() + "::" + clientId + ":audit.DLQ";
            MessageConsumer deadLetters = healthy.createConsumer(healthy.createQueue(deadLetterQueue));
            Message dead = deadLetters.receive(5_000);
            assertThat(((TextMessage) dead).getText()).isEqualTo("poison");
            assertThat(dead.getStringProperty("JMS_ReliqDeadLetterReason")).isEqualTo("maxDeliveries");
            assertThat(dead.getStringProperty("JMS_ReliqDeadLetterOrigin")).isEqualTo(topic.getTopicName() + "::" + clientId
                + ":audit");

            ReliableQueue subscription = ((ReliqConnection) connection).reliableQueue(topic.getTopicName() + "::"
                + clientId + ":audit");
            QueueStats stats = subscription.stats();
            assertThat(stats.deadLetteredTotal()).isEqualTo(1);
            assertThat(stats.total()).isZero();
        }
    }
}
