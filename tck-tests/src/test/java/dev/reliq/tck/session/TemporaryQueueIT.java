package dev.reliq.tck.session;

import static dev.reliq.tck.JmsTestSupport.factory;
import static dev.reliq.tck.JmsTestSupport.uniqueName;
import static dev.reliq.tck.Texts.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

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
import jakarta.jms.Queue;
import jakarta.jms.QueueConnection;
import jakarta.jms.QueueRequestor;
import jakarta.jms.QueueSession;
import jakarta.jms.Session;
import jakarta.jms.TemporaryQueue;

import dev.reliq.tck.JmsTestSupport;
import dev.reliq.test.RedisServerExtension;

/**
 * Temporary queues (Jakarta Messaging 3.1 chapter 6, TemporaryQueue javadoc): they carry replies;
 * only the connection that created one consumes from it; they cannot be deleted while a consumer
 * uses them; they go away when deleted, when their connection closes, and when the process that
 * owned them dies; and sending to one that is gone fails.
 */
class TemporaryQueueIT {

    @RegisterExtension
    static final RedisServerExtension REDIS = RedisServerExtension.standalone();

    @Test
    void aTemporaryQueueCarriesTheRepliesToRequests() throws Exception {
        ConnectionFactory factory = factory(REDIS, "");
        try (Connection server = factory.createConnection(); Connection client = factory.createConnection()) {
            Session serving = server.createSession(Session.AUTO_ACKNOWLEDGE);
            Queue requests = serving.createQueue(uniqueName("requests"));
            MessageProducer replier = serving.createProducer(null);
            serving.createConsumer(requests).setMessageListener(request -> {
                try {
                    Message reply = serving.createTextMessage("re: " + text(request));
                    reply.setJMSCorrelationID(request.getJMSMessageID());
                    replier.send(request.getJMSReplyTo(), reply);
                } catch (JMSException e) {
                    throw new IllegalStateException(e);
                }
            });
            server.start();

            Session asking = client.createSession(Session.AUTO_ACKNOWLEDGE);
            TemporaryQueue replies = asking.createTemporaryQueue();
            assertThat(replies.getQueueName()).isNotBlank();
            MessageConsumer answers = asking.createConsumer(replies);
            MessageProducer requester = asking.createProducer(requests);
            client.start();
            for (int i = 1; i <= 3; i++) {
                Message request = asking.createTextMessage("question " + i);
                request.setJMSReplyTo(replies);
                requester.send(request);
                Message reply = answers.receive(5000);
                assertThat(text(reply)).isEqualTo("re: question " + i);
                assertThat(reply.getJMSCorrelationID()).isEqualTo(request.getJMSMessageID());
            }
        }
    }

    @Test
    void aQueueRequestorGetsItsReplyThroughATemporaryQueue() throws Exception {
        ConnectionFactory factory = factory(REDIS, "");
        try (Connection server = factory.createConnection();
                QueueConnection client = (QueueConnection) factory.createConnection()) {
            Session serving = server.createSession(Session.AUTO_ACKNOWLEDGE);
            Queue requests = serving.createQueue(uniqueName("requestor"));
            MessageProducer replier = serving.createProducer(null);
            serving.createConsumer(requests).setMessageListener(request -> {
                try {
                    replier.send(request.getJMSReplyTo(), serving.createTextMessage("pong to " + text(request)));
                } catch (JMSException e) {
                    throw new IllegalStateException(e);
                }
            });
            server.start();

            QueueSession session = client.createQueueSession(false, Session.AUTO_ACKNOWLEDGE);
            client.start();
            QueueRequestor requestor = new QueueRequestor(session, requests);
            Message reply = requestor.request(session.createTextMessage("ping"));
            assertThat(text(reply)).isEqualTo("pong to ping");
            requestor.close();
        }
    }

    @Test
    void temporaryQueuesOfEveryConnectionAreDistinct() throws Exception {
        ConnectionFactory factory = factory(REDIS, "");
        try (Connection one = factory.createConnection(); Connection two = factory.createConnection()) {
            Session s1 = one.createSession();
            TemporaryQueue a = s1.createTemporaryQueue();
            TemporaryQueue b = s1.createTemporaryQueue();
            TemporaryQueue c = two.createSession().createTemporaryQueue();
            assertThat(List.of(a.getQueueName(), b.getQueueName(), c.getQueueName())).doesNotHaveDuplicates();
        }
    }

    @Test
    void onlyTheCreatingConnectionConsumesFromATemporaryQueue() throws Exception {
        ConnectionFactory factory = factory(REDIS, "");
        try (Connection owner = factory.createConnection(); Connection other = factory.createConnection()) {
            Session ownerSession = owner.createSession(Session.AUTO_ACKNOWLEDGE);
            TemporaryQueue temporary = ownerSession.createTemporaryQueue();
            Session otherSession = other.createSession(Session.AUTO_ACKNOWLEDGE);

            assertThatThrownBy(() -> otherSession.createConsumer(temporary))
                .isInstanceOf(InvalidDestinationException.class);
            Destination asReplyTo = replyToOf(other, ownerSession, temporary);
            assertThatThrownBy(() -> otherSession.createConsumer(asReplyTo))
                .isInstanceOf(InvalidDestinationException.class);

            // the other connection may send to it, and any session of the owner may consume
            otherSession.createProducer(asReplyTo).send(otherSession.createTextMessage("for the owner"));
            MessageConsumer consumer = owner.createSession(Session.AUTO_ACKNOWLEDGE).createConsumer(temporary);
            owner.start();
            assertThat(text(consumer.receive(5000))).isEqualTo("for the owner");
        }
    }

    @Test
    void aTemporaryQueueWithAConsumerCannotBeDeleted() throws Exception {
        try (Connection connection = factory(REDIS, "").createConnection()) {
            Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            TemporaryQueue temporary = session.createTemporaryQueue();
            MessageConsumer consumer = connection.createSession(Session.AUTO_ACKNOWLEDGE).createConsumer(temporary);
            assertThatThrownBy(temporary::delete).isInstanceOf(JMSException.class);

            session.createProducer(temporary).send(session.createTextMessage("still there"));
            connection.start();
            assertThat(text(consumer.receive(5000))).isEqualTo("still there");
            consumer.close();
            temporary.delete();
        }
    }

    @Test
    void sendingToADeletedTemporaryQueueFails() throws Exception {
        ConnectionFactory factory = factory(REDIS, "");
        try (Connection owner = factory.createConnection(); Connection other = factory.createConnection()) {
            Session ownerSession = owner.createSession(Session.AUTO_ACKNOWLEDGE);
            TemporaryQueue temporary = ownerSession.createTemporaryQueue();
            MessageProducer ownerProducer = ownerSession.createProducer(null);
            Session otherSession = other.createSession(Session.AUTO_ACKNOWLEDGE);
            Destination copy = replyToOf(other, ownerSession, temporary);
            MessageProducer otherProducer = otherSession.createProducer(null);
            otherProducer.send(copy, otherSession.createTextMessage("before"));

            temporary.delete();

            assertThatThrownBy(() -> ownerProducer.send(temporary, ownerSession.createTextMessage("after")))
                .isInstanceOf(InvalidDestinationException.class);
            assertThatThrownBy(() -> otherProducer.send(copy, otherSession.createTextMessage("after")))
                .isInstanceOf(InvalidDestinationException.class);
            assertThatThrownBy(() -> ownerSession.createConsumer(temporary))
                .isInstanceOf(InvalidDestinationException.class);
        }
    }

    @Test
    void closingItsConnectionDeletesATemporaryQueue() throws Exception {
        ConnectionFactory factory = factory(REDIS, "");
        try (Connection other = factory.createConnection()) {
            Session otherSession = other.createSession(Session.AUTO_ACKNOWLEDGE);
            MessageProducer producer = otherSession.createProducer(null);
            Connection owner = factory.createConnection();
            Session ownerSession = owner.createSession(Session.AUTO_ACKNOWLEDGE);
            Destination copy = replyToOf(other, ownerSession, ownerSession.createTemporaryQueue());
            producer.send(copy, otherSession.createTextMessage("while open"));

            owner.close();

            assertThatThrownBy(() -> producer.send(copy, otherSession.createTextMessage("after close")))
                .isInstanceOf(InvalidDestinationException.class);
        }
    }

    @Test
    void deletedTemporaryQueuesAndTopicsLeaveNoKeyInRedis() throws Exception {
        String queueName;
        String topicName;
        try (Connection connection = factory(REDIS, "").createConnection()) {
            connection.start();
            Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            jakarta.jms.TemporaryQueue queue = session.createTemporaryQueue();
            jakarta.jms.TemporaryTopic topic = session.createTemporaryTopic();
            queueName = queue.getQueueName();
            topicName = topic.getTopicName();
            MessageConsumer queueConsumer = session.createConsumer(queue);
            MessageConsumer topicConsumer = session.createConsumer(topic);
            session.createProducer(queue).send(session.createTextMessage("to the queue"));
            session.createProducer(topic).send(session.createTextMessage("to the topic"));
            assertThat(queueConsumer.receive(5_000)).isNotNull();
            assertThat(topicConsumer.receive(5_000)).isNotNull();
            assertThat(REDIS.jedis().keys(REDIS.keyPrefix() + ":*" + queueName + "*")).as("while it exists").isNotEmpty();
            queueConsumer.close();
            topicConsumer.close();
            queue.delete();
            topic.delete();
        }
        assertThat(REDIS.jedis().keys(REDIS.keyPrefix() + ":*" + queueName + "*")).as("keys of " + queueName).isEmpty();
        assertThat(REDIS.jedis().keys(REDIS.keyPrefix() + ":*" + topicName + "*")).as("keys of " + topicName).isEmpty();
    }

    @Test
    void theTemporaryQueueOfAProcessThatDiedIsReaped() throws Exception {
        String uri = JmsTestSupport.uri(REDIS, "");
        String requestQueue = uniqueName("reap-requests");
        Process owner = start(uri, requestQueue);
        try {
            InputStreamReader output = new InputStreamReader(owner.getInputStream(), StandardCharsets.UTF_8);
            try (BufferedReader out = new BufferedReader(output)) {
                String line = CompletableFuture.supplyAsync(() -> readLine(out)).get(60, TimeUnit.SECONDS);
                assertThat(line).isEqualTo("READY");
            }
            try (Connection connection = factory(REDIS, "").createConnection()) {
                Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
                MessageConsumer requests = session.createConsumer(session.createQueue(requestQueue));
                connection.start();
                Message request = requests.receive(10_000);
                assertThat(request).isNotNull();
                Destination replyTo = request.getJMSReplyTo();
                assertThat(replyTo).isInstanceOf(TemporaryQueue.class);
                MessageProducer producer = session.createProducer(replyTo);
                producer.send(session.createTextMessage("while the owner lives"));

                owner.destroyForcibly(); // SIGKILL: the connection is never closed
                assertThat(owner.waitFor(30, TimeUnit.SECONDS)).isTrue();

                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                    assertThatThrownBy(() -> producer.send(session.createTextMessage("to a dead owner")))
                        .isInstanceOf(InvalidDestinationException.class));
            }
        } finally {
            owner.destroyForcibly();
        }
    }

    /** The temporary queue as another connection sees it: from the JMSReplyTo of a message it received. */
    private static Destination replyToOf(Connection receiver, Session owning, TemporaryQueue temporary) throws Exception {
        Queue carrier = owning.createQueue(uniqueName("carrier"));
        Message message = owning.createMessage();
        message.setJMSReplyTo(temporary);
        owning.createProducer(carrier).send(message);
        Session receiving = receiver.createSession(Session.AUTO_ACKNOWLEDGE);
        MessageConsumer consumer = receiving.createConsumer(carrier);
        receiver.start();
        Message received = consumer.receive(5000);
        receiving.close();
        assertThat(received).isNotNull();
        assertThat(received.getJMSReplyTo()).isInstanceOf(TemporaryQueue.class).isEqualTo(temporary);
        return received.getJMSReplyTo();
    }

    private static String readLine(BufferedReader reader) {
        try {
            return reader.readLine();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Process start(String uri, String queue) throws java.io.IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return new ProcessBuilder(java, "-cp", classpath, TemporaryQueueOwner.class.getName(), uri, queue)
            .redirectError(new File("target/temporary-queue-owner.err"))
            .start();
    }
}
