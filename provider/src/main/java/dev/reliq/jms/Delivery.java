package dev.reliq.jms;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import dev.reliq.queue.ReceivedMessage;
import dev.reliq.queue.ReliableQueue;

/**
 * A message this client received from a queue and has not settled: prefetched by a consumer,
 * or handed to the application and not yet acknowledged. Its lease is renewed in the
 * background until it is settled or held longer than {@code maxLease}.
 */
final class Delivery {

    final ReliableQueue queue;
    final ReceivedMessage received;
    private final long heldSinceNanos = System.nanoTime();
    private volatile long renewAtNanos;
    private volatile boolean leaseLost;

    Delivery(ReliableQueue queue, ReceivedMessage received) {
        this.queue = queue;
        this.received = received;
        this.renewAtNanos = heldSinceNanos + renewalLead(received.visibilityTimeout());
    }

    String handle() {
        return received.receiptHandle();
    }

    Duration visibilityTimeout() {
        return received.visibilityTimeout();
    }

    /** True when a third of the deadline is used up and the message has not been held beyond {@code maxLease}. */
    boolean dueForRenewal(long nowNanos, Duration maxLease) {
        return !leaseLost && nowNanos >= renewAtNanos && nowNanos - heldSinceNanos < maxLease.toNanos();
    }

    void renewed(long nowNanos) {
        renewAtNanos = nowNanos + renewalLead(received.visibilityTimeout());
    }

    /** The visibility deadline passed or the message was otherwise taken back: it belongs to others now. */
    void loseLease() {
        leaseLost = true;
    }

    boolean leaseLost() {
        return leaseLost;
    }

    /**
     * Renew after a third of the visibility timeout: the lease is extended while two thirds of it
     * are left, so a renewal that comes late (the housekeeping tick, a slow call, the gap between
     * Redis stamping the deadline and this client seeing the message) still arrives in time.
     */
    private static long renewalLead(Duration visibility) {
        return Math.max(TimeUnit.MILLISECONDS.toNanos(1), visibility.toNanos() / 3);
    }
}
