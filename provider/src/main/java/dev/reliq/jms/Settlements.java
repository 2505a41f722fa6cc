package dev.reliq.jms;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import jakarta.jms.JMSException;

import dev.reliq.queue.HandleOutcome;
import dev.reliq.queue.HandleResults;
import dev.reliq.queue.ReliableQueue;

/**
 * Settling held messages with their queues: one call per queue for a batch, and every message
 * whose handle turned out stale marked as having lost its lease.
 */
final class Settlements {

    private Settlements() {
    }

    /** One settlement call on one queue's share of a batch. */
    @FunctionalInterface
    interface Settlement {
        HandleResults apply(ReliableQueue queue, List<Delivery> deliveries);
    }

    /** Settles deliveries queue by queue; returns a description of each one whose lease was lost. */
    static List<String> settleAll(List<Delivery> deliveries, Settlement settlement) throws JMSException {
        List<String> lost = new ArrayList<>();
        for (Map.Entry<ReliableQueue, List<Delivery>> group : byQueue(deliveries).entrySet()) {
            HandleResults results;
            try {
                results = settlement.apply(group.getKey(), group.getValue());
            } catch (RuntimeException e) {
                throw JmsExceptions.fromQueue(e);
            }
            for (Delivery d : group.getValue()) {
                if (results.outcome(d.handle()) == HandleOutcome.NOT_IN_FLIGHT) {
                    d.loseLease();
                    lost.add(group.getKey().name() + " message " + d.received.id());
                }
            }
        }
        return lost;
    }

    /** Settles deliveries of one queue with one call. */
    static HandleResults settle(ReliableQueue queue, List<Delivery> deliveries,
            Function<ReliableQueue, HandleResults> call) throws JMSException {
        try {
            HandleResults results = call.apply(queue);
            deliveries.forEach(d -> {
                if (results.outcome(d.handle()) == HandleOutcome.NOT_IN_FLIGHT) {
                    d.loseLease();
                }
            });
            return results;
        } catch (RuntimeException e) {
            throw JmsExceptions.fromQueue(e);
        }
    }

    /** Acknowledges one delivery (AUTO/DUPS_OK). */
    static HandleResults acknowledge(Delivery delivery) throws JMSException {
        return settle(delivery.queue, List.of(delivery), q -> q.acknowledge(List.of(delivery.handle())));
    }

    /** Releases one delivery for redelivery after the queue's backoff (a listener that threw). */
    static HandleResults release(Delivery delivery) throws JMSException {
        return settle(delivery.queue, List.of(delivery), q -> q.release(List.of(delivery.handle())));
    }

    static Map<ReliableQueue, List<Delivery>> byQueue(List<Delivery> deliveries) {
        Map<ReliableQueue, List<Delivery>> groups = new LinkedHashMap<>();
        for (Delivery d : deliveries) {
            groups.computeIfAbsent(d.queue, q -> new ArrayList<>()).add(d);
        }
        return groups;
    }

    static List<String> handles(List<Delivery> deliveries) {
        List<String> handles = new ArrayList<>(deliveries.size());
        deliveries.forEach(d -> handles.add(d.handle()));
        return handles;
    }

    static JMSException leaseLost(String what, List<String> lost) {
        return new JMSException("Too late: " + lost.size() + " message(s) could not be " + what + " because their lease"
            + " was lost (the visibility timeout or maxLease passed) and they were made visible again; they will be,"
            + " or were, delivered again: " + lost, "RELIQ_LEASE_LOST");
    }
}
