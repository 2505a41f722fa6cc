package dev.reliq.benchmarks;

/**
 * The measured window of a fan-out run. The run's {@link RunState} counts deliveries: a publish
 * adds one expected delivery per subscription, a consumer's receive takes one away, so the
 * in-flight limit holds the deliveries outstanding over all subscriptions.
 *
 * @param published messages the publisher sent in the window
 * @param deliveries messages the consumers received in the window, over all subscriptions
 * @param seconds the window's length
 * @param profile where the window's time went, per published message
 */
record FanOutThroughput(long published, long deliveries, double seconds, Profile profile) {

    double publishedPerSecond() {
        return published / seconds;
    }

    double deliveriesPerSecond() {
        return deliveries / seconds;
    }

    /** Redis CPU µs per delivery: the window's Redis CPU spread over deliveries instead of publishes. */
    double redisCpuMicrosPerDelivery() {
        return deliveries == 0 ? Double.NaN : profile.redisCpuMicros() * Math.max(1, published) / deliveries;
    }

    /**
     * Waits out the warm-up, then counts what the publisher sends and the consumers receive during
     * the measured window.
     *
     * @param subscriptions how many deliveries one publish counts for in {@code state}
     * @param redis the Redis server the run uses, for the profile; null for none
     */
    static FanOutThroughput measure(RunState state, int subscriptions, FanOutSettings settings,
            RedisServerProcess redis) {
        try (Profiler profiler = new Profiler(redis)) {
            Workers.sleep(settings.warmUp());
            long sentBefore = state.sent();
            long consumedBefore = state.consumed();
            long start = System.nanoTime();
            profiler.start();
            Workers.sleep(settings.measure());
            long published = (state.sent() - sentBefore) / subscriptions;
            long deliveries = state.consumed() - consumedBefore;
            double seconds = (System.nanoTime() - start) / 1e9;
            return new FanOutThroughput(published, deliveries, seconds, profiler.end(Math.max(1, published)));
        }
    }
}
