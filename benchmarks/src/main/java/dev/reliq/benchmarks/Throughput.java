package dev.reliq.benchmarks;

/**
 * The measured window of a throughput run.
 *
 * @param messages messages consumed (and acknowledged or committed) in the window
 * @param seconds the window's length
 * @param profile where the window's time went
 */
record Throughput(long messages, double seconds, Profile profile) {

    double perSecond() {
        return messages / seconds;
    }

    /**
     * Waits out the warm-up, then counts what the consumers finish during the measured window.
     *
     * @param redis the Redis server the run uses, for the profile; null for none
     */
    static Throughput measure(RunState state, Settings settings, RedisServerProcess redis) {
        try (Profiler profiler = new Profiler(redis)) {
            Workers.sleep(settings.warmUp());
            long before = state.consumed();
            long start = System.nanoTime();
            profiler.start();
            Workers.sleep(settings.measure());
            long after = state.consumed();
            double seconds = (System.nanoTime() - start) / 1e9;
            return new Throughput(after - before, seconds, profiler.end(Math.max(1, after - before)));
        }
    }
}
