package dev.reliq.queue;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Records of transactions that were decided but may not be finished: a hash from a name to an
 * opaque record of what committing still has to do. Two of them exist:
 * {@code <prefix>:xa:prepared} holds prepared two-phase transaction branches, which a transaction
 * manager that crashed between prepare and commit finds when it recovers; and
 * {@code <prefix>:tx:committing} holds local transactions while their commit runs, which another
 * client finishes when the committing connection died half way.
 */
public final class PreparedTransactions {

    static final String XA_PREPARED = "xa:prepared";
    static final String COMMITTING = "tx:committing";

    private final QueueClient client;
    private final String name;

    PreparedTransactions(QueueClient client, String name) {
        this.client = client;
        this.name = name;
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

    /**
     * Moves the record {@code from} to the name {@code to} and returns it, atomically: of several
     * clients that take the same record, one gets it and the others get nothing.
     */
    public Optional<byte[]> take(String from, String to) {
        try {
            Object record = QueueScripts.TAKE_RECORD.execute(client.redis(), List.of(key()), List.of(bytes(from), bytes(to)));
            return Optional.ofNullable((byte[]) record);
        } catch (JedisException e) {
            throw failure("take", e);
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
        return bytes(client.options().keyPrefix() + ":" + name);
    }

    private RuntimeException failure(String op, JedisException e) {
        if (e instanceof JedisConnectionException) {
            client.connectionFailed();
            return new RedisConnectionException(name + " " + op + " failed: Redis at "
                + client.redactedUri() + " is unreachable (" + e.getMessage() + ")", e);
        }
        return new ReliqQueueException(name + " " + op + " failed: " + e.getMessage(), e);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
