package dev.reliq.samples.mdb;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * What {@link OrderMdb} did since the application started, for {@code GET /status}: every
 * order it was handed (a redelivered order counts once per delivery) and the orders it
 * processed. Kept in memory, outside any transaction, so a delivery that failed is counted too.
 */
@ApplicationScoped
public class OrderLog {

    private final Map<String, Integer> attempts = new ConcurrentHashMap<>();
    private final List<String> processed = new CopyOnWriteArrayList<>();

    void attempted(String order) {
        attempts.merge(order, 1, Integer::sum);
    }

    void processed(String order) {
        processed.add(order);
    }

    /** Deliveries per order, in no particular order. */
    public Map<String, Integer> attempts() {
        return Map.copyOf(attempts);
    }

    /** Processed orders, in the order they were processed. */
    public List<String> processed() {
        return List.copyOf(processed);
    }
}
