package dev.reliq.benchmarks;

/**
 * Send-to-receive latency at a fixed rate, measured from each message's intended send time, so a
 * producer held up by a slow send is not hidden (no coordinated omission).
 *
 * @param messages messages received whose intended send time lies in the measured window; their
 *     latencies make the percentiles (NaN when there are none)
 * @param achievedRate messages received per second during the window
 * @param p50Millis median latency
 * @param p99Millis 99th percentile
 * @param p999Millis 99.9th percentile
 * @param maxMillis the worst
 * @param saturated true when the provider could not keep up with the rate (fewer than 99% of the
 *     window's messages arrived in time); its percentiles then measure a growing queue
 */
record LatencyResult(long messages, double achievedRate, double p50Millis, double p99Millis,
        double p999Millis, double maxMillis, boolean saturated) {
}
