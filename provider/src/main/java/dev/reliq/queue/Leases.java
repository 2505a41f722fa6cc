package dev.reliq.queue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import redis.clients.jedis.exceptions.JedisException;

/**
 * Named leases in Redis ({@code <prefix>:lease:<name>}): one owner at a time, for a while.
 * reliq's JMS layer uses them for client IDs in use and for connections that are alive, so
 * that what belongs to a crashed process is freed once its lease lapses.
 */
public final class Leases {

    private final QueueClient client;

    Leases(QueueClient client) {
        this.client = client;
    }

    /** Takes the lease, or renews it if {@code owner} holds it. False when someone else holds it. */
    public boolean acquire(String name, String owner, Duration ttl) {
        return call("acquire", name, owner, ttl);
    }

    /** Extends the lease. False when {@code owner} does not hold it (it lapsed, or another owner took it). */
    public boolean renew(String name, String owner, Duration ttl) {
        return call("renew", name, owner, ttl);
    }

    /** Ends the lease if {@code owner} holds it. */
    public boolean release(String name, String owner) {
        return call("release", name, owner, Duration.ZERO);
    }

    /** True while anybody holds the lease. */
    public boolean isHeld(String name) {
        try {
            return client.redis().exists(key(name));
        } catch (JedisException e) {
            throw failure("isHeld", name, e);
        }
    }

    private boolean call(String op, String name, String owner, Duration ttl) {
        byte[] key = key(name).getBytes(StandardCharsets.UTF_8);
        List<byte[]> args = List.of(bytes(op), bytes(owner), bytes(Long.toString(Math.max(1, ttl.toMillis()))));
        try {
            return Long.valueOf(1).equals(QueueScripts.LEASE.execute(client.redis(), List.of(key), args));
        } catch (JedisException e) {
            throw failure(op, name, e);
        }
    }

    private String key(String name) {
        return client.options().keyPrefix() + ":lease:" + name;
    }

    private RuntimeException failure(String op, String name, JedisException e) {
        if (e instanceof redis.clients.jedis.exceptions.JedisConnectionException) {
            client.connectionFailed();
            return new RedisConnectionException("lease " + op + " of '" + name + "' failed: Redis at "
                + client.redactedUri() + " is unreachable (" + e.getMessage() + ")", e);
        }
        return new ReliqQueueException("lease " + op + " of '" + name + "' failed: " + e.getMessage(), e);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
