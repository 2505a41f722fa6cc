package dev.reliq.benchmarks;

import org.HdrHistogram.Histogram;

/**
 * A distribution of call times, in microseconds.
 *
 * @param samples how many calls were timed
 * @param meanMicros their mean
 * @param p50Micros their median
 * @param p99Micros their 99th percentile
 */
record Timing(long samples, double meanMicros, double p50Micros, double p99Micros) {

    static Timing of(Histogram nanos) {
        return new Timing(nanos.getTotalCount(), nanos.getMean() / 1e3,
            nanos.getValueAtPercentile(50) / 1e3, nanos.getValueAtPercentile(99) / 1e3);
    }
}
