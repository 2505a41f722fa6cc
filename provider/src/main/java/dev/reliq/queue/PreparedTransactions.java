package dev.reliq.queue;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Records of prepared two-phase transactions ({@code <prefix>:xa:prepared}, a hash from a
 * transaction branch's name to an opaque record). A transaction manager that crashed between
 * prepare and commit finds its in-doubt branches here when it recovers, and the record holds
 * what committing them still has to do.
 */
public final class PreparedTransactions {

    private final QueueClient client;

    PreparedTransactions(QueueClient client) {
        this.client = client;
    }

    /** Stores (or replaces) the record of a prepared branch. */
    public void store(String branch, byte[] record) {
        try {
            client.redis().hset(key(), bytes(branch), record);
        } catch (JedisException e) {
            throw failure("store", e);
        }
    }

    /** The record of a prepared branch, if there is one. */
    public Optional<byte[]> load(String branch) {
        try {
            return Optional.ofNullable(client.redis().hget(key(), bytes(branch)));
        } catch (JedisException e) {
            throw failure("load", e);
        }
    }

    /** Every prepared branch with its record, in no particular order. */
    public Map<String, byte[]> all() {
        try {
            Map<String, byte[]> out = new LinkedHashMap<>();
            client.redis().hgetAll(key()).forEach((k, v) -> out.put(new String(k, StandardCharsets.UTF_8), v));
            return out;
        } catch (JedisException e) {
            throw failure("list", e);
        }
    }

    /** Forgets a branch (committed, rolled back or forgotten). True when it was there. */
    public boolean remove(String branch) {
        try {
            return client.redis().hdel(key(), bytes(branch)) == 1;
        } catch (JedisException e) {
            throw failure("remove", e);
        }
    }

    private byte[] key() {
        return bytes(client.options().keyPrefix() + ":xa:prepared");
    }

    private RuntimeException failure(String op, JedisException e) {
        if (e instanceof JedisConnectionException) {
            client.connectionFailed();
            return new RedisConnectionException("prepared transaction " + op + " failed: Redis at "
                + client.redactedUri() + " is unreachable (" + e.getMessage() + ")", e);
        }
        return new ReliqQueueException("prepared transaction " + op + " failed: " + e.getMessage(), e);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
