package dev.reliq.queue;

import java.time.Instant;
import java.util.List;

import dev.reliq.test.RedisServerExtension;

/** Small helpers for tests that talk to the fixture's Redis. */
final class QueueTestSupport {

    private QueueTestSupport() {
    }

    /** A client on the fixture's Redis, isolated by its key prefix, with extra URI options. */
    static QueueClient client(RedisServerExtension redis, String options) {
        return QueueClient.connect(uri(redis, options));
    }

    static String uri(RedisServerExtension redis, String options) {
        String base = redis.uri();
        String separator = base.contains("?") ? "&" : "?";
        return base + separator + "keyPrefix=" + redis.keyPrefix() + (options.isEmpty() ? "" : "&" + options);
    }

    /** The Redis server's clock, which every deadline in reliq is measured by. */
    static Instant serverNow(RedisServerExtension redis) {
        @SuppressWarnings("unchecked")
        List<Object> time = (List<Object>) redis.jedis().eval("return redis.call('TIME')",
            List.of(redis.keyPrefix() + ":clock"), List.of());
        long seconds = Long.parseLong(String.valueOf(time.get(0)));
        long micros = Long.parseLong(String.valueOf(time.get(1)));
        return Instant.ofEpochSecond(seconds, micros * 1000);
    }

    static byte[] bytes(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    static String text(byte[] b) {
        return new String(b, java.nio.charset.StandardCharsets.UTF_8);
    }
}
