package dev.reliq.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;

import org.HdrHistogram.Histogram;

import redis.clients.jedis.Jedis;

import dev.reliq.jms.ReliqConnectionFactory;
import dev.reliq.queue.QueueClient;
import dev.reliq.queue.ReliableTopic;
import dev.reliq.queue.TopicSubscription;

/**
 * The cost of a reliq publish by itself, as the number of subscriptions grows: one JMS publisher
 * sends 1 KiB BytesMessages one by one to a topic with S durable subscriptions that nobody
 * consumes from, on the Redis without persistence. With no consumers, every Redis call in the
 * window is a publish, so Redis's CPU and script time per message are the publish's alone. The
 * subscriptions are made through the core API by a client that does not sweep them, so no
 * recovery call is counted either.
 */
final class PublishAlone {

    private static final long HIGHEST_NANOS = TimeUnit.SECONDS.toNanos(60);

    private PublishAlone() {
    }

    static PublishResult run(RedisServerProcess redis, int subscriptions, FanOutSettings settings) throws Exception {
        String topicName = "bench-publish-" + subscriptions + "-" + System.nanoTime();
        List<String> queues = new ArrayList<>(subscriptions);
        try (QueueClient admin = QueueClient.connect(redis.uri() + "?sweepInterval=0");
             Jedis stats = redis.connect()) {
            ReliableTopic topic = admin.topic(topicName);
            try {
                for (int i = 0; i < subscriptions; i++) {
                    String name = "alone-" + i;
                    String queue = topic.subscriptionQueue("", name, true);
                    topic.subscribe(new TopicSubscription(queue, name, "", true, false, "", false, ""));
                    queues.add(queue);
                }
                return publish(redis, stats, topicName, subscriptions, settings);
            } finally {
                for (String queue : queues) {
                    topic.unsubscribe(queue, true);
                }
            }
        }
    }

    private static PublishResult publish(RedisServerProcess redis, Jedis stats, String topicName, int subscriptions,
            FanOutSettings settings) throws Exception {
        Connection connection = new ReliqConnectionFactory(redis.uri()).createConnection();
        try (Profiler profiler = new Profiler(redis)) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer producer = session.createProducer(session.createTopic(topicName));
            byte[] payload = Payloads.kib();
            long warmUpEnd = System.nanoTime() + settings.publishWindow().toNanos() / 4;
            while (System.nanoTime() < warmUpEnd) {
                producer.send(message(session, payload));
            }

            Histogram nanos = new Histogram(HIGHEST_NANOS, 3);
            long scriptUsecBefore = RedisInfo.commandUsec(stats).getOrDefault("evalsha", 0L);
            long bytesBefore = inputBytes(stats);
            profiler.start();
            long start = System.nanoTime();
            long end = start + settings.publishWindow().toNanos();
            long published = 0;
            for (long now = start; now < end; published++) {
                BytesMessage message = message(session, payload);
                long before = System.nanoTime();
                producer.send(message);
                now = System.nanoTime();
                nanos.recordValue(Math.min(HIGHEST_NANOS, now - before));
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            Profile profile = profiler.end(published);
            double scriptMicros = (RedisInfo.commandUsec(stats).getOrDefault("evalsha", 0L) - scriptUsecBefore)
                / (double) published;
            double bytes = (inputBytes(stats) - bytesBefore) / (double) published;
            return new PublishResult(subscriptions, published, seconds, Timing.of(nanos), profile, scriptMicros, bytes);
        } finally {
            JmsThroughput.closeQuietly(connection);
        }
    }

    private static BytesMessage message(Session session, byte[] payload) throws Exception {
        BytesMessage message = session.createBytesMessage();
        message.writeBytes(payload);
        return message;
    }

    private static long inputBytes(Jedis stats) {
        return Long.parseLong(RedisInfo.field(stats.info("stats"), "total_net_input_bytes"));
    }
}
