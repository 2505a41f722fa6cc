package dev.reliq.tck.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;

import dev.reliq.jms.ReliqConnectionFactory;
import dev.reliq.tck.JmsTestSupport;
import dev.reliq.test.RedisServerExtension;

/**
 * A CLIENT_ACKNOWLEDGE consumer JVM killed with SIGKILL before acknowledging: after the
 * visibility timeout every message it held is delivered again, with JMSRedelivered=true and
 * JMSXDeliveryCount=2, and none is lost.
 */
class ClientAcknowledgeCrashIT {

    @RegisterExtension
    static final RedisServerExtension REDIS = RedisServerExtension.standalone();

    private static final int MESSAGES = 10;

    @Test
    void messagesOfAKilledConsumerAreRedeliveredAfterTheVisibilityTimeout() throws Exception {
        String uri = JmsTestSupport.uri(REDIS, "visibilityTimeout=2s&prefetch=1");
        String queueName = JmsTestSupport.uniqueName("crash");
        Set<String> sent = new HashSet<>();
        try (Connection connection = new ReliqConnectionFactory(uri).createConnection()) {
            Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            Queue queue = session.createQueue(queueName);
            MessageProducer producer = session.createProducer(queue);
            for (int i = 0; i < MESSAGES; i++) {
                Message m = session.createTextMessage("order-" + i);
                producer.send(m);
                sent.add(m.getJMSMessageID());
            }

            Set<String> held = new HashSet<>();
            Process consumer = start(uri, queueName);
            try (BufferedReader out = new BufferedReader(new InputStreamReader(consumer.getInputStream(), StandardCharsets.UTF_8))) {
                CompletableFuture.runAsync(() -> readUntilHolding(out, held)).get(60, TimeUnit.SECONDS);
            } finally {
                consumer.destroyForcibly(); // SIGKILL: nothing is acknowledged or given back
                assertThat(consumer.waitFor(30, TimeUnit.SECONDS)).isTrue();
            }
            assertThat(consumer.exitValue()).isEqualTo(137);
            assertThat(held).isEqualTo(sent);

            MessageConsumer survivor = session.createConsumer(queue);
            connection.start();
            List<Message> redelivered = new ArrayList<>();
            for (int i = 0; i < MESSAGES; i++) {
                Message m = survivor.receive(15_000);
                assertThat(m).as("message %d of %d came back", i + 1, MESSAGES).isNotNull();
                redelivered.add(m);
            }
            assertThat(survivor.receive(500)).isNull();
            Set<String> ids = new HashSet<>();
            for (Message m : redelivered) {
                ids.add(m.getJMSMessageID());
                assertThat(m.getJMSRedelivered()).isTrue();
                assertThat(m.getIntProperty("JMSXDeliveryCount")).isEqualTo(2);
            }
            assertThat(ids).isEqualTo(sent);
        }
    }

    private static void readUntilHolding(BufferedReader out, Set<String> ids) {
        try {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith("RECEIVED ")) {
                    ids.add(line.substring("RECEIVED ".length()));
                } else if (line.equals("HOLDING")) {
                    return;
                }
            }
            throw new IllegalStateException("the consumer exited before holding its messages");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Process start(String uri, String queue) throws java.io.IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return new ProcessBuilder(java, "-cp", classpath, HoldingJmsConsumer.class.getName(), uri, queue,
                Integer.toString(MESSAGES))
            .redirectError(new File("target/holding-consumer.err"))
            .start();
    }
}
