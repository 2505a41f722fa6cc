package dev.reliq.queue;

import static dev.reliq.queue.QueueTestSupport.bytes;
import static dev.reliq.queue.QueueTestSupport.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.reliq.test.RedisServerExtension;

/**
 * redis-server killed with SIGKILL and restarted, with AOF {@code appendfsync always}: ready,
 * delayed and in-flight messages all survive with their state, and clients carry on.
 */
class RedisCrashIT {

    @RegisterExtension
    static final RedisServerExtension REDIS = RedisServerExtension.persistent();

    @Test
    void readyDelayedAndInFlightMessagesSurviveAKilledRedis() {
        try (QueueClient client = QueueTestSupport.client(REDIS, "visibilityTimeout=4s&sweepInterval=0")) {
            ReliableQueue queue = client.queue("durable");
            queue.sendBatch(List.of(OutgoingMessage.of(bytes("held-1")), OutgoingMessage.of(bytes("held-2")),
                OutgoingMessage.of(bytes("acked"))));
            List<ReceivedMessage> held = queue.receive(3);
            assertThat(queue.acknowledge(held.get(2).receiptHandle())).isEqualTo(HandleOutcome.ACKNOWLEDGED);
            queue.sendBatch(List.of(OutgoingMessage.of(bytes("ready-1")), OutgoingMessage.of(bytes("ready-2")).withPriority(8),
                OutgoingMessage.of(bytes("delayed-1")).withDelay(Duration.ofSeconds(4)),
                OutgoingMessage.of(bytes("delayed-2")).withDelay(Duration.ofSeconds(4))));
            QueueStats before = queue.stats();
            assertThat(before.ready()).isEqualTo(2);
            assertThat(before.delayed()).isEqualTo(2);
            assertThat(before.inFlight()).isEqualTo(2);

            REDIS.kill();
            assertThatThrownBy(() -> queue.send(bytes("while down")))
                .isInstanceOf(RedisConnectionException.class)
                .hasMessageContaining("send on queue 'durable'")
                .hasMessageContaining("unreachable");
            REDIS.restart();

            // the same client carries on once its pooled connections reconnect
            await().atMost(Duration.ofSeconds(20)).ignoreExceptions().until(() -> queue.stats() != null);
            QueueStats after = queue.stats();
            assertThat(after.ready()).isEqualTo(2);
            assertThat(after.delayed()).isEqualTo(2);
            assertThat(after.inFlight()).isEqualTo(2);

            List<ReceivedMessage> ready = queue.receive(10);
            assertThat(ready).extracting(m -> text(m.body())).containsExactly("ready-2", "ready-1");
            assertThat(queue.acknowledge(held.get(0).receiptHandle()))
                .as("an in-flight message kept its receipt handle and deadline").isEqualTo(HandleOutcome.ACKNOWLEDGED);

            List<ReceivedMessage> later = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (later.size() < 3 && System.nanoTime() < deadline) {
                later.addAll(queue.receive(10, null, Duration.ofSeconds(10)));
            }
            assertThat(later).extracting(m -> text(m.body())).containsExactlyInAnyOrder("held-2", "delayed-1", "delayed-2");
            ReceivedMessage redelivered = later.stream().filter(m -> text(m.body()).equals("held-2")).findFirst().orElseThrow();
            assertThat(redelivered.deliveries()).isEqualTo(2);
            assertThat(redelivered.id()).isEqualTo(held.get(1).id());

            List<String> handles = new ArrayList<>(ready.stream().map(ReceivedMessage::receiptHandle).toList());
            handles.addAll(later.stream().map(ReceivedMessage::receiptHandle).toList());
            assertThat(queue.acknowledge(handles).allInFlight()).isTrue();
            assertThat(queue.stats().total()).isZero();
            assertThat(queue.receive(10)).as("the message acknowledged before the crash stays gone").isEmpty();
        }
    }

    @Test
    void oneCallFailingWhileRedisIsDownIsEnoughForTheNextCallsToWorkOnceItIsBack() throws Exception {
        try (QueueClient client = QueueTestSupport.client(REDIS, "sweepInterval=0")) {
            ReliableQueue queue = client.queue("after-restart");
            // several pooled connections, all idle when Redis dies
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                Thread t = new Thread(() -> queue.send(bytes("before")));
                threads.add(t);
                t.start();
            }
            for (Thread t : threads) {
                t.join();
            }

            REDIS.kill();
            assertThatThrownBy(queue::stats).isInstanceOf(RedisConnectionException.class);
            REDIS.start();

            for (int i = 0; i < 6; i++) {
                assertThat(queue.stats().ready()).as("call %d after the restart", i + 1).isEqualTo(6);
            }
        }
    }
}
