package dev.reliq.benchmarks;

import java.time.Duration;
import java.util.List;

/**
 * How the topic fan-out scenario runs. Its warm-up is longer than the throughput runs' in quick
 * mode: a publisher faster than its consumers fills the in-flight limit first, and until it has,
 * more messages are published than delivered. Its runs are shorter than the throughput runs' in
 * full mode, to keep that mode's length in bounds.
 *
 * @param subscriptions the subscription counts S of the fan-out rows, each subscription with one consumer
 * @param sharedDurable the subscription count of the row with shared durable subscriptions; 0 for no such row
 * @param warmUp how long a fan-out run goes before it is measured
 * @param measure how long a fan-out run is measured
 * @param publishAlone the subscription counts of the reliq-only rows that publish with nobody consuming
 * @param publishWindow how long each of those rows is measured, after a warm-up of a quarter of it
 */
record FanOutSettings(
        List<Integer> subscriptions,
        int sharedDurable,
        Duration warmUp,
        Duration measure,
        List<Integer> publishAlone,
        Duration publishWindow) {

    FanOutSettings {
        subscriptions = List.copyOf(subscriptions);
        publishAlone = List.copyOf(publishAlone);
    }

    static FanOutSettings quick() {
        return new FanOutSettings(List.of(1, 10, 100), 10, Duration.ofSeconds(2), Duration.ofSeconds(3),
            List.of(1, 10, 100, 1_000), Duration.ofSeconds(2));
    }

    static FanOutSettings full() {
        return new FanOutSettings(List.of(1, 10, 100), 10, Duration.ofSeconds(3), Duration.ofSeconds(7),
            List.of(1, 10, 100, 1_000), Duration.ofSeconds(5));
    }

    static FanOutSettings smoke() {
        return new FanOutSettings(List.of(1, 4), 4, Duration.ofMillis(200), Duration.ofMillis(500),
            List.of(1, 8), Duration.ofMillis(500));
    }
}
