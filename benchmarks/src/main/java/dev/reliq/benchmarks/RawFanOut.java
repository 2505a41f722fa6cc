package dev.reliq.benchmarks;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;

/**
 * The fan-out limit: the fan-out a Redis user writes without reliability. Every subscriber has
 * a list of its own; the publisher LPUSHes each message onto every list, pipelined, with a round
 * trip every {@value RawThroughput#PIPELINE} commands (or every message, when there are more
 * subscribers than that). Each consumer, on its own connection, pops up to
 * {@value RawThroughput#PIPELINE} messages per round trip from its own list, and waits in BRPOP
 * while the list is empty. The payload is copied into every list, and a consumer that dies loses
 * what it popped.
 *
 * <p>The consumers do not pipeline single RPOPs as the queue limit's do: a hundred consumers
 * that each get a message or two per round trip would keep Redis busy answering empty pops,
 * and the figure would measure that rather than what Redis can fan out.
 */
final class RawFanOut {

    private static final long JOIN_MILLIS = 30_000;
    /** How long an idle consumer blocks before it looks at the run's state again. */
    private static final double WAIT_SECONDS = 0.1;

    private RawFanOut() {
    }

    static FanOutThroughput run(RedisServerProcess redis, int subscriptions, Settings settings) {
        String prefix = "bench-raw-fanout-" + System.nanoTime() + "-";
        List<byte[]> keys = new ArrayList<>(subscriptions);
        for (int i = 0; i < subscriptions; i++) {
            keys.add((prefix + i).getBytes(StandardCharsets.UTF_8));
        }
        FanOutSettings fanOut = settings.fanOut();
        Duration longest = fanOut.warmUp().plus(fanOut.measure()).plusSeconds(60);
        RunState state = new RunState(settings.inFlightLimit(), longest);
        Workers workers = new Workers(state);
        List<Jedis> connections = new ArrayList<>();
        try {
            for (int i = 0; i < subscriptions; i++) {
                Jedis jedis = redis.connect();
                connections.add(jedis);
                byte[] key = keys.get(i);
                workers.start("raw-subscriber-" + i, () -> consume(jedis, key, state));
            }
            Jedis publisher = redis.connect();
            connections.add(publisher);
            workers.start("raw-publisher", () -> publish(publisher, keys, state));

            FanOutThroughput measured = FanOutThroughput.measure(state, subscriptions, fanOut, redis);
            state.stop();
            workers.join(JOIN_MILLIS);
            if (state.failure() != null) {
                throw new IllegalStateException("raw fan-out to " + subscriptions + " failed: " + state.failure(),
                    state.failure());
            }
            return measured;
        } finally {
            state.stop();
            workers.join(JOIN_MILLIS);
            try (Jedis admin = redis.connect()) {
                admin.del(keys.toArray(byte[][]::new));
            }
            connections.forEach(Jedis::close);
        }
    }

    /** RPOP with a count: up to a pipeline's worth in one command, and nothing wasted on an empty list. */
    private static void consume(Jedis jedis, byte[] key, RunState state) {
        while (state.running()) {
            List<byte[]> popped = jedis.rpop(key, RawThroughput.PIPELINE);
            if (popped != null && !popped.isEmpty()) {
                state.consumed(popped.size());
            } else if (jedis.brpop(WAIT_SECONDS, key) != null) {
                state.consumed(1);
            }
        }
    }

    private static void publish(Jedis jedis, List<byte[]> keys, RunState state) {
        byte[] payload = Payloads.kib();
        int messagesPerTrip = Math.max(1, RawThroughput.PIPELINE / keys.size());
        while (state.awaitRoom()) {
            Pipeline pipeline = jedis.pipelined();
            for (int m = 0; m < messagesPerTrip; m++) {
                for (byte[] key : keys) {
                    pipeline.lpush(key, payload);
                }
            }
            pipeline.sync();
            state.sent((long) messagesPerTrip * keys.size());
        }
    }
}
