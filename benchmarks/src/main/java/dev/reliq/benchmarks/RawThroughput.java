package dev.reliq.benchmarks;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Response;

/**
 * The limit: what the same Redis moves with no reliability at all. Producers pipeline LPUSH
 * and consumers pipeline RPOP, {@value #PIPELINE} commands per round trip, each on a Jedis
 * connection of its own, with the same in-flight limit as the JMS runs.
 */
final class RawThroughput {

    static final int PIPELINE = 100;
    private static final long JOIN_MILLIS = 30_000;

    private RawThroughput() {
    }

    static Throughput run(RedisServerProcess redis, Shape shape, Settings settings) {
        byte[] key = ("bench-raw-" + shape + "-" + System.nanoTime()).getBytes(StandardCharsets.UTF_8);
        Duration longest = settings.warmUp().plus(settings.measure()).plusSeconds(60);
        RunState state = new RunState(settings.inFlightLimit(), longest);
        Workers workers = new Workers(state);
        List<Jedis> connections = new ArrayList<>();
        try {
            for (int i = 0; i < shape.consumers(); i++) {
                Jedis jedis = redis.connect();
                connections.add(jedis);
                workers.start("raw-consumer-" + i, () -> consume(jedis, key, state));
            }
            for (int i = 0; i < shape.producers(); i++) {
                Jedis jedis = redis.connect();
                connections.add(jedis);
                workers.start("raw-producer-" + i, () -> produce(jedis, key, state));
            }
            Throughput throughput = Throughput.measure(state, settings, redis);
            state.stop();
            workers.join(JOIN_MILLIS);
            if (state.failure() != null) {
                throw new IllegalStateException("raw " + shape + " failed: " + state.failure(), state.failure());
            }
            return throughput;
        } finally {
            state.stop();
            workers.join(JOIN_MILLIS);
            try (Jedis admin = redis.connect()) {
                admin.del(key);
            }
            connections.forEach(Jedis::close);
        }
    }

    private static void produce(Jedis jedis, byte[] key, RunState state) {
        byte[] payload = Payloads.kib();
        while (state.awaitRoom()) {
            Pipeline pipeline = jedis.pipelined();
            for (int i = 0; i < PIPELINE; i++) {
                pipeline.lpush(key, payload);
            }
            pipeline.sync();
            state.sent(PIPELINE);
        }
    }

    private static void consume(Jedis jedis, byte[] key, RunState state) {
        List<Response<byte[]>> replies = new ArrayList<>(PIPELINE);
        while (state.running()) {
            Pipeline pipeline = jedis.pipelined();
            replies.clear();
            for (int i = 0; i < PIPELINE; i++) {
                replies.add(pipeline.rpop(key));
            }
            pipeline.sync();
            int got = 0;
            for (Response<byte[]> reply : replies) {
                if (reply.get() != null) {
                    got++;
                }
            }
            state.consumed(got);
            if (got == 0) {
                LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(100)); // empty: do not spin on Redis
            }
        }
    }
}
