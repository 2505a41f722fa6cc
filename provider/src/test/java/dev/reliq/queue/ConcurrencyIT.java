package dev.reliq.queue;

import static dev.reliq.queue.QueueTestSupport.bytes;
import static dev.reliq.queue.QueueTestSupport.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.reliq.test.RedisServerExtension;

/** Many producers and consumers on one queue, nothing failing: every message exactly once. */
class ConcurrencyIT {

    @RegisterExtension
    static final RedisServerExtension REDIS = RedisServerExtension.standalone();

    private static final int PRODUCERS = 4;
    private static final int CONSUMERS = 8;
    private static final int MESSAGES = 100_000;
    private static final int SEND_BATCH = 100;
    private static final int RECEIVE_BATCH = 32;

    @Test
    void fourProducersAndEightConsumersDeliverEveryMessageExactlyOnce() throws Exception {
        try (QueueClient client = QueueTestSupport.client(REDIS, "visibilityTimeout=5m&poolMaxTotal=16")) {
            ReliableQueue queue = client.queue("concurrency");
            Map<String, Integer> deliveriesPerBody = new ConcurrentHashMap<>();
            LongAdder redeliveries = new LongAdder();
            LongAdder staleAcks = new LongAdder();
            AtomicInteger acknowledged = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(PRODUCERS + CONSUMERS);
            List<Future<?>> work = new ArrayList<>();

            for (int p = 0; p < PRODUCERS; p++) {
                int producer = p;
                work.add(pool.submit(() -> {
                    int perProducer = MESSAGES / PRODUCERS;
                    for (int start = 0; start < perProducer; start += SEND_BATCH) {
                        List<OutgoingMessage> batch = new ArrayList<>(SEND_BATCH);
                        for (int i = start; i < start + SEND_BATCH; i++) {
                            batch.add(OutgoingMessage.of(bytes(producer + "-" + i)));
                        }
                        queue.sendBatch(batch);
                    }
                    return null;
                }));
            }
            for (int c = 0; c < CONSUMERS; c++) {
                work.add(pool.submit(() -> {
                    while (acknowledged.get() < MESSAGES) {
                        List<ReceivedMessage> batch = queue.receive(RECEIVE_BATCH, null, Duration.ofMillis(200));
                        List<String> handles = new ArrayList<>(batch.size());
                        for (ReceivedMessage m : batch) {
                            deliveriesPerBody.merge(text(m.body()), 1, Integer::sum);
                            if (m.deliveries() != 1) {
                                redeliveries.increment();
                            }
                            handles.add(m.receiptHandle());
                        }
                        HandleResults results = queue.acknowledge(handles);
                        staleAcks.add(results.notInFlight().size());
                        acknowledged.addAndGet(handles.size() - results.notInFlight().size());
                    }
                    return null;
                }));
            }
            pool.shutdown();
            assertThat(pool.awaitTermination(5, TimeUnit.MINUTES)).as("finished in time").isTrue();
            for (Future<?> f : work) {
                f.get(); // surfaces any exception from a worker
            }

            assertThat(deliveriesPerBody).hasSize(MESSAGES);
            assertThat(deliveriesPerBody.values()).as("each delivered once").allMatch(n -> n == 1);
            assertThat(redeliveries.sum()).isZero();
            assertThat(staleAcks.sum()).isZero();
            assertThat(acknowledged.get()).isEqualTo(MESSAGES);
            assertThat(queue.stats().total()).isZero();
        }
    }
}
