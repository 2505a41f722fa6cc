package dev.reliq.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import jakarta.jms.Connection;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;

import redis.clients.jedis.Jedis;

import dev.reliq.jms.ReliqConnectionFactory;
import dev.reliq.queue.QueueClient;

/**
 * The Redis commands an idle consumer costs, from INFO commandstats: first a started
 * connection alone, then the same with idle consumers, each with a listener on an empty queue of
 * its own. Only commands clients send are counted (see {@link ScriptCommands}); the benchmark's
 * own INFO calls are left out too.
 */
final class IdleCost {

    private static final Duration SETTLE = Duration.ofSeconds(2);

    private IdleCost() {
    }

    static IdleResult run(RedisServerProcess redis, Settings settings) throws Exception {
        Set<String> inScripts = Profiler.scriptCommands();
        ReliqConnectionFactory factory = new ReliqConnectionFactory(redis.uri());
        List<String> queues = new ArrayList<>();
        try (Jedis stats = redis.connect()) {
            Connection connection = factory.createConnection();
            try {
                connection.start();
                Workers.sleep(SETTLE);
                Map<String, Double> alone = rates(stats, settings.idleWindow(), inScripts);
                int n = settings.idleConsumers();
                List<MessageConsumer> consumers = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
                    String queue = "bench-idle-" + i + "-" + System.nanoTime();
                    queues.add(queue);
                    MessageConsumer consumer = session.createConsumer(session.createQueue(queue));
                    consumer.setMessageListener(message -> {
                        throw new IllegalStateException("an idle queue received a message");
                    });
                    consumers.add(consumer);
                }
                Workers.sleep(SETTLE);
                Map<String, Double> withConsumers = rates(stats, settings.idleWindow(), inScripts);
                double connectionAlone = sum(alone);
                return new IdleResult(n, connectionAlone, (sum(withConsumers) - connectionAlone) / n, withConsumers);
            } finally {
                JmsThroughput.closeQuietly(connection);
                try (QueueClient client = QueueClient.connect(redis.uri())) {
                    queues.forEach(q -> client.queue(q).delete());
                }
            }
        }
    }

    /** Commands per second that clients sent during {@code window}, by command. */
    private static Map<String, Double> rates(Jedis stats, Duration window, Set<String> inScripts) {
        Map<String, Long> before = RedisInfo.commandCalls(stats);
        long start = System.nanoTime();
        Workers.sleep(window);
        Map<String, Long> after = RedisInfo.commandCalls(stats);
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<String, Double> rates = new TreeMap<>();
        after.forEach((command, calls) -> {
            long delta = calls - before.getOrDefault(command, 0L);
            // our own INFO calls (the one that read "before" is counted in "after")
            if (command.equals("info")) {
                delta -= 1;
            }
            if (delta > 0 && !inScripts.contains(command)) {
                rates.put(command, delta / seconds);
            }
        });
        return rates;
    }

    private static double sum(Map<String, Double> rates) {
        return rates.values().stream().mapToDouble(Double::doubleValue).sum();
    }
}
