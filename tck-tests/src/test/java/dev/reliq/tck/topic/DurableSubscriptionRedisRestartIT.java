package dev.reliq.tck.topic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;

import dev.reliq.tck.JmsTestSupport;
import dev.reliq.test.RedisServerExtension;

/**
 * A durable subscription in a Redis that persists its data (AOF, fsync always) survives
 * redis-server being killed with SIGKILL and restarted: the messages it had not acknowledged are
 * still there, its registration too, so messages published after the restart reach it.
 */
class DurableSubscriptionRedisRestartIT {

    @RegisterExtension
    static final RedisServerExtension REDIS = RedisServerExtension.persistent();

    @Test
    void durableSubscriptionKeepsItsMessagesAndKeepsReceivingAfterRedisIsKilledAndRestarted() throws Exception {
        String topicName = JmsTestSupport.uniqueName("restart");
        String clientId = JmsTestSupport.uniqueName("restart-client");
        ConnectionFactory factory = JmsTestSupport.factory(REDIS, "clientID=" + clientId);
        try (Connection connection = factory.createConnection()) {
            connection.start();
            Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            Topic topic = session.createTopic(topicName);
            MessageConsumer subscriber = session.createDurableConsumer(topic, "audit");
            MessageProducer producer = session.createProducer(topic);
            for (int i = 1; i <= 10; i++) {
                producer.send(session.createTextMessage("before-" + i));
            }
            for (int i = 1; i <= 4; i++) {
                assertThat(((TextMessage) subscriber.receive(5_000)).getText()).isEqualTo("before-" + i);
            }
            subscriber.close();
        }

        REDIS.kill();
        REDIS.restart();

        try (Connection connection = factory.createConnection()) {
            connection.start();
            Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            Topic topic = session.createTopic(topicName);
            session.createProducer(topic).send(session.createTextMessage("after"));
            MessageConsumer subscriber = session.createDurableConsumer(topic, "audit");
            List<String> received = new ArrayList<>();
            for (Message m = subscriber.receive(5_000); m != null; m = subscriber.receive(500)) {
                received.add(((TextMessage) m).getText());
            }
            assertThat(received).containsExactly("before-5", "before-6", "before-7", "before-8", "before-9",
                "before-10", "after");
        }
    }
}
