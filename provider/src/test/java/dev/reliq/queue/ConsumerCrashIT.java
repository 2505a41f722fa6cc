package dev.reliq.queue;

import static dev.reliq.queue.QueueTestSupport.bytes;
import static dev.reliq.queue.QueueTestSupport.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.reliq.test.RedisServerExtension;

/** A consumer JVM killed with SIGKILL while holding messages: they come back, none lost. */
class ConsumerCrashIT {

    @RegisterExtension
    static final RedisServerExtension REDIS = RedisServerExtension.standalone();

    private static final int MESSAGES = 20;

    @Test
    void messagesHeldByAKilledConsumerAreRedeliveredAfterTheVisibilityTimeout() throws Exception {
        String uri = QueueTestSupport.uri(REDIS, "visibilityTimeout=3s&sweepInterval=0");
        try (QueueClient client = QueueClient.connect(uri)) {
            ReliableQueue queue = client.queue("crash");
            queue.sendBatch(IntStream.range(0, MESSAGES).mapToObj(i -> OutgoingMessage.of(bytes("order-" + i))).toList());

            Process consumer = startConsumer(uri, "crash", MESSAGES);
            Set<String> heldByTheDeadConsumer = new HashSet<>();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(consumer.getInputStream(),
                    StandardCharsets.UTF_8))) {
                CompletableFuture<Void> holding = CompletableFuture.runAsync(() -> readUntilHolding(out, heldByTheDeadConsumer));
                holding.get(60, TimeUnit.SECONDS);
            } finally {
                consumer.destroyForcibly(); // SIGKILL: no shutdown hook, no release, no ack
                assertThat(consumer.waitFor(30, TimeUnit.SECONDS)).isTrue();
            }
            assertThat(consumer.exitValue()).as("killed by SIGKILL").isEqualTo(137);
            assertThat(heldByTheDeadConsumer).hasSize(MESSAGES);
            assertThat(queue.receive(MESSAGES)).as("invisible until the visibility timeout passes").isEmpty();

            List<ReceivedMessage> recovered = new ArrayList<>();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (recovered.size() < MESSAGES && System.nanoTime() < deadline) {
                recovered.addAll(queue.receive(MESSAGES, null, Duration.ofSeconds(10)));
            }
            assertThat(recovered).extracting(ReceivedMessage::id).containsExactlyInAnyOrderElementsOf(heldByTheDeadConsumer);
            assertThat(recovered).extracting(ReceivedMessage::deliveries).containsOnly(2);
            assertThat(recovered).extracting(m -> text(m.body())).doesNotHaveDuplicates();

            assertThat(queue.acknowledge(recovered.stream().map(ReceivedMessage::receiptHandle).toList()).allInFlight()).isTrue();
            assertThat(queue.stats().total()).isZero();
        }
    }

    private static void readUntilHolding(BufferedReader out, Set<String> ids) {
        try {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith("RECEIVED ")) {
                    ids.add(line.split(" ")[1]);
                } else if (line.equals("HOLDING")) {
                    return;
                }
            }
            throw new IllegalStateException("consumer exited before holding its messages");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Process startConsumer(String uri, String queue, int count) throws java.io.IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return new ProcessBuilder(java, "-cp", classpath, CrashingConsumer.class.getName(), uri, queue,
                Integer.toString(count))
            .redirectError(new File("target/crashing-consumer.err"))
            .start();
    }
}
