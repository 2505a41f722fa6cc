package dev.reliq.benchmarks;

import java.time.Duration;

/**
 * How long and how big each scenario runs. {@link #quick()} takes about four minutes,
 * {@link #full()} about twenty minutes, and {@link #smoke()} runs every scenario for about a
 * second with tiny counts, only to prove that the harness still works.
 *
 * @param mode the name printed in the report
 * @param warmUp how long a throughput run goes before it is measured
 * @param measure how long a throughput run is measured
 * @param inFlightLimit producers wait while this many messages are sent and not yet consumed, so
 *     a run measures what producers and consumers sustain together, not how fast a queue fills;
 *     in a fan-out run, while this many deliveries are due, over all subscriptions
 * @param latencyRate the fixed send rate of the latency runs, messages per second
 * @param latencyWarmUp how long a latency run goes before it is measured
 * @param latencyMeasure how long a latency run is measured
 * @param backlogDepth how many messages wait in the queue for the deep half of the backlog test
 * @param samples how many calls are timed: receive+acknowledge pairs at each depth of the backlog
 *     test, and calls of each operation in the operation-cost test
 * @param idleConsumers how many idle consumers the idle-cost test opens
 * @param idleWindow how long the idle-cost test counts Redis commands, with and without consumers;
 *     a multiple of the 5 s sweep interval, so every window holds the same number of sweeps
 * @param memoryMessages how many 1 KiB messages the memory test stores
 * @param fanOut how the topic fan-out scenario runs
 */
record Settings(
        String mode,
        Duration warmUp,
        Duration measure,
        int inFlightLimit,
        int latencyRate,
        Duration latencyWarmUp,
        Duration latencyMeasure,
        int backlogDepth,
        int samples,
        int idleConsumers,
        Duration idleWindow,
        int memoryMessages,
        FanOutSettings fanOut) {

    static Settings quick() {
        return new Settings("quick", Duration.ofSeconds(1), Duration.ofSeconds(2), 10_000,
            5_000, Duration.ofSeconds(1), Duration.ofSeconds(3),
            1_000_000, 2_000, 4, Duration.ofSeconds(5), 10_000, FanOutSettings.quick());
    }

    static Settings full() {
        return new Settings("full", Duration.ofSeconds(5), Duration.ofSeconds(15), 10_000,
            5_000, Duration.ofSeconds(5), Duration.ofSeconds(20),
            1_000_000, 20_000, 16, Duration.ofSeconds(30), 100_000, FanOutSettings.full());
    }

    static Settings smoke() {
        return new Settings("smoke", Duration.ofMillis(200), Duration.ofMillis(500), 2_000,
            5_000, Duration.ofMillis(200), Duration.ofMillis(500),
            2_000, 100, 2, Duration.ofSeconds(1), 500, FanOutSettings.smoke());
    }
}
