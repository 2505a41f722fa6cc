package dev.reliq.queue;

import java.time.Duration;
import java.util.Map;

import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * Queues that live only as long as a lease (JMS temporary queues live as long as their
 * connection), and non-durable topic subscriptions, which live as long as a consumer is
 * attached. A registry hash {@code <prefix>:ephemeral-queues} maps each such queue to the lease
 * of its owner ({@code subscription:<lease>} for an unshared subscription, {@code subscription:}
 * for a shared one, which lives while any attached consumer's lease is held); {@link #reap}
 * deletes those whose owners are gone, so a crashed process leaves no queue behind.
 *
 * <p>Reaping takes turns: one client of a Redis and key prefix at a time holds the lease
 * {@value #REAPER_LEASE} and examines the registry, so its cost does not grow with the number of
 * connections (each checking every entry would cost connections × entries lease lookups).
 */
public final class EphemeralQueues {

    private static final String SUBSCRIPTION = "subscription:";
    static final String REAPER_LEASE = "ephemeral-queues-reaper";
    /** Registry entries one HSCAN asks for. */
    private static final int PAGE = 100;

    private final QueueClient client;
    private volatile String cursor = ScanParams.SCAN_POINTER_START;

    EphemeralQueues(QueueClient client) {
        this.client = client;
    }

    /** Records that {@code queue} lives only while the lease {@code ownerLease} is held. */
    public void register(String queue, String ownerLease) {
        run("register", () -> client.redis().hset(registryKey(), queue, ownerLease));
    }

    /** True while {@code queue} is registered (it was created and not deleted or reaped). */
    public boolean isRegistered(String queue) {
        return run("isRegistered", () -> client.redis().hexists(registryKey(), queue));
    }

    /**
     * Records that the topic subscription {@code queue} lives only while lease {@code ownerLease}
     * is held, or, when it is null, while any consumer attached to it is alive.
     */
    public void registerSubscription(String queue, String ownerLease) {
        register(queue, SUBSCRIPTION + (ownerLease == null ? "" : ownerLease));
    }

    /** Deletes {@code queue} (and its dead-letter queue; a subscription leaves its topic first) and forgets it. */
    public void delete(String queue) {
        String owner = run("delete", () -> client.redis().hget(registryKey(), queue));
        if (owner != null && owner.startsWith(SUBSCRIPTION)) {
            client.topic(ReliableTopic.topicOf(queue)).unsubscribe(queue, true);
            run("delete", () -> client.redis().hdel(registryKey(), queue));
            return;
        }
        ReliableQueue q = client.queue(queue);
        String prefix = client.options().keyPrefix();
        run("delete", () -> {
            q.deadLetterQueue().delete();
            q.delete();
            // A temporary destination's name is its own hash tag, used by nothing else: its shared
            // hash (id counter; a temporary topic's registry version) and a temporary topic's
            // registry go with it, or every request/reply would leave a key behind.
            client.redis().unlink(QueueKeys.sharedKey(prefix, QueueKeys.tagOf(queue)),
                QueueKeys.topicKey(prefix, ReliableTopic.encode(queue), "subscriptions"));
            return client.redis().hdel(registryKey(), queue);
        });
    }

    private boolean ownerAlive(String queue, String owner) {
        if (!owner.startsWith(SUBSCRIPTION)) {
            return client.leases().isHeld(owner);
        }
        String lease = owner.substring(SUBSCRIPTION.length());
        if (!lease.isEmpty() && client.leases().isHeld(lease)) {
            return true;
        }
        return client.topic(ReliableTopic.topicOf(queue)).liveConsumers(queue) > 0;
    }

    /**
     * True when it is {@code reaper}'s turn to clean up after dead clients: no other client holds
     * the reaper's lease, and {@code reaper} now holds it (taken or renewed) for {@code period}.
     */
    public boolean takeTurn(String reaper, Duration period) {
        return client.leases().acquire(REAPER_LEASE, reaper, period);
    }

    /** Gives up {@code reaper}'s turn (a closing connection), so another client can take it at once. */
    public void endTurn(String reaper) {
        client.leases().release(REAPER_LEASE, reaper);
    }

    /**
     * Examines up to {@code budget} registered queues, continuing where this client stopped last
     * (it stops early after a full pass), and deletes those whose owner is gone. Returns how many
     * were deleted. Meant for the client whose turn it is.
     */
    public int reap(int budget) {
        return run("reap", () -> {
            int examined = 0;
            int reaped = 0;
            do {
                ScanResult<Map.Entry<String, String>> page = client.redis().hscan(registryKey(), cursor,
                    new ScanParams().count(Math.min(PAGE, budget - examined)));
                cursor = page.getCursor();
                for (Map.Entry<String, String> entry : page.getResult()) {
                    examined++;
                    if (!ownerAlive(entry.getKey(), entry.getValue())) {
                        delete(entry.getKey());
                        reaped++;
                    }
                }
            } while (examined < budget && !cursor.equals(ScanParams.SCAN_POINTER_START));
            return reaped;
        });
    }

    private String registryKey() {
        return client.options().keyPrefix() + ":ephemeral-queues";
    }

    private <T> T run(String op, java.util.function.Supplier<T> call) {
        return client.call("ephemeral queues " + op, call);
    }
}
