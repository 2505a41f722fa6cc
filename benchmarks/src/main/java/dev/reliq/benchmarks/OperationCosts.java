package dev.reliq.benchmarks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import redis.clients.jedis.Jedis;

import dev.reliq.queue.OutgoingMessage;
import dev.reliq.queue.QueueClient;
import dev.reliq.queue.ReliableQueue;

/**
 * The core operations the JMS provider is made of, each timed alone from one thread: how long
 * Redis spends in the script (INFO commandstats: EVALSHA's usec over its calls) and how long the
 * caller waits. Together with the calls per message of the throughput profile, this says where
 * a message's time goes.
 */
final class OperationCosts {

    private static final int BATCH = 32;
    private static final int PREFETCH = 16;

    private OperationCosts() {
    }

    static List<OperationCost> run(RedisServerProcess redis, Settings settings) {
        int n = Math.max(BATCH * 4, settings.samples());
        byte[] payload = Payloads.kib();
        List<OperationCost> costs = new ArrayList<>();
        // no background sweep: its EVALSHAs would be counted with the operations'
        try (QueueClient client = QueueClient.connect(redis.uri() + "?sweepInterval=0");
             Jedis stats = redis.connect()) {
            ReliableQueue queue = client.queue("bench-operations-" + System.nanoTime());
            try {
                List<OutgoingMessage> batch = Collections.nCopies(BATCH, OutgoingMessage.of(payload));
                // the same calls untimed first, so the JIT has compiled the client's side
                for (int i = 0; i < n; i++) {
                    queue.send(payload);
                    queue.acknowledge(queue.receive(1).get(0).receiptHandle());
                }
                for (int i = 0; i < n / BATCH; i++) {
                    queue.sendBatch(batch);
                    queue.acknowledge(receiveHandles(queue, BATCH));
                }

                costs.add(time("send(1)", 1, n, stats, () -> queue.send(payload)));
                List<String> handles = new ArrayList<>(n);
                costs.add(time("receive(1)", 1, n, stats,
                    () -> queue.receive(1).forEach(m -> handles.add(m.receiptHandle()))));
                Iterator<String> single = handles.iterator();
                costs.add(time("acknowledge(1)", 1, handles.size(), stats, () -> queue.acknowledge(single.next())));

                costs.add(time("sendBatch(32)", BATCH, n / BATCH, stats, () -> queue.sendBatch(batch)));
                List<String> prefetched = new ArrayList<>(n);
                costs.add(time("receive(16)", PREFETCH, n / PREFETCH, stats,
                    () -> queue.receive(PREFETCH).forEach(m -> prefetched.add(m.receiptHandle()))));
                Iterator<List<String>> groups = partition(prefetched, BATCH).iterator();
                costs.add(time("acknowledge(32)", BATCH, prefetched.size() / BATCH, stats,
                    () -> queue.acknowledge(groups.next())));
            } finally {
                queue.delete();
            }
        }
        return costs;
    }

    private static List<String> receiveHandles(ReliableQueue queue, int n) {
        List<String> handles = new ArrayList<>(n);
        for (int attempts = 0; handles.size() < n && attempts < n; attempts++) {
            queue.receive(n - handles.size()).forEach(m -> handles.add(m.receiptHandle()));
        }
        return handles;
    }

    private static List<List<String>> partition(List<String> all, int size) {
        List<List<String>> parts = new ArrayList<>();
        for (int i = 0; i + size <= all.size(); i += size) {
            parts.add(all.subList(i, i + size));
        }
        return parts;
    }

    private static OperationCost time(String operation, int messagesPerCall, int calls, Jedis stats, Runnable call) {
        Map<String, Long> usecBefore = RedisInfo.commandUsec(stats);
        Map<String, Long> callsBefore = RedisInfo.commandCalls(stats);
        long start = System.nanoTime();
        for (int i = 0; i < calls; i++) {
            call.run();
        }
        double elapsedMicros = (System.nanoTime() - start) / 1e3;
        long usec = RedisInfo.commandUsec(stats).getOrDefault("evalsha", 0L) - usecBefore.getOrDefault("evalsha", 0L);
        long scripts = RedisInfo.commandCalls(stats).getOrDefault("evalsha", 0L) - callsBefore.getOrDefault("evalsha", 0L);
        return new OperationCost(operation, messagesPerCall, usec / (double) Math.max(1, scripts),
            elapsedMicros / Math.max(1, calls));
    }
}
