package dev.reliq.benchmarks;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.List;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;

import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;

import dev.reliq.jms.ReliqConnectionFactory;
import dev.reliq.queue.OutgoingMessage;
import dev.reliq.queue.QueueClient;
import dev.reliq.queue.ReliableQueue;

/**
 * Redis {@code used_memory} before and after storing N messages of 1 KiB, per message: in a plain
 * list (the limit), through the core API, and as JMS BytesMessages (whose encoding adds the
 * JMS headers). One message is stored before the first reading, so a queue's fixed cost (its
 * attributes, counters and index keys) is not charged to the messages.
 */
final class MemoryPerMessage {

    private static final int BATCH = 500;
    private static final Duration SETTLE = Duration.ofMillis(300);

    private MemoryPerMessage() {
    }

    static List<MemoryResult> run(RedisServerProcess redis, Settings settings) throws Exception {
        int n = settings.memoryMessages();
        try (Jedis info = redis.connect()) {
            return List.of(raw(redis, info, n), core(redis, info, n), jms(redis, info, n));
        }
    }

    private static MemoryResult raw(RedisServerProcess redis, Jedis info, int n) {
        byte[] key = ("bench-memory-raw-" + System.nanoTime()).getBytes(StandardCharsets.UTF_8);
        byte[] payload = Payloads.kib();
        try (Jedis jedis = redis.connect()) {
            jedis.lpush(key, payload);
            long before = settledMemory(info);
            for (int stored = 0; stored < n; stored += BATCH) {
                Pipeline pipeline = jedis.pipelined();
                for (int i = 0; i < Math.min(BATCH, n - stored); i++) {
                    pipeline.lpush(key, payload);
                }
                pipeline.sync();
            }
            long after = settledMemory(info);
            jedis.del(key);
            return new MemoryResult("Redis list (LPUSH)", n, (after - before) / (double) n);
        }
    }

    private static MemoryResult core(RedisServerProcess redis, Jedis info, int n) {
        try (QueueClient client = QueueClient.connect(redis.uri())) {
            ReliableQueue queue = client.queue("bench-memory-core-" + System.nanoTime());
            byte[] payload = Payloads.kib();
            queue.send(payload);
            long before = settledMemory(info);
            List<OutgoingMessage> batch = Collections.nCopies(BATCH, OutgoingMessage.of(payload));
            for (int stored = 0; stored < n; stored += BATCH) {
                queue.sendBatch(batch.subList(0, Math.min(BATCH, n - stored)));
            }
            long after = settledMemory(info);
            queue.delete();
            return new MemoryResult("reliq core (sendBatch)", n, (after - before) / (double) n);
        }
    }

    private static MemoryResult jms(RedisServerProcess redis, Jedis info, int n) throws Exception {
        String queueName = "bench-memory-jms-" + System.nanoTime();
        Connection connection = new ReliqConnectionFactory(redis.uri()).createConnection();
        try {
            // transacted only to store in batches; a message is stored the same way either way
            Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
            MessageProducer producer = session.createProducer(session.createQueue(queueName));
            byte[] payload = Payloads.kib();
            BytesMessage first = session.createBytesMessage();
            first.writeBytes(payload);
            producer.send(first);
            session.commit();
            long before = settledMemory(info);
            for (int stored = 1; stored <= n; stored++) {
                BytesMessage message = session.createBytesMessage();
                message.writeBytes(payload);
                producer.send(message);
                if (stored % BATCH == 0 || stored == n) {
                    session.commit();
                }
            }
            long after = settledMemory(info);
            return new MemoryResult("reliq JMS (BytesMessage)", n, (after - before) / (double) n);
        } finally {
            JmsThroughput.closeQuietly(connection);
            try (QueueClient client = QueueClient.connect(redis.uri())) {
                client.queue(queueName).delete();
            }
        }
    }

    private static long settledMemory(Jedis info) {
        Workers.sleep(SETTLE);
        return RedisInfo.usedMemory(info);
    }
}
