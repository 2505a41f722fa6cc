package dev.reliq.benchmarks;

/**
 * Publishing to a reliq topic with nobody consuming: what one publish costs at a number of
 * subscriptions.
 *
 * @param subscriptions how many subscriptions every message went to
 * @param published messages published in the measured window
 * @param seconds the window's length
 * @param latency how long each {@code send} took, as the publisher saw it
 * @param profile where the window's time went, per published message
 * @param scriptMicros Redis time inside scripts per publish (INFO commandstats usec of EVALSHA)
 * @param bytesToRedis bytes clients sent to Redis per publish (INFO stats total_net_input_bytes)
 */
record PublishResult(int subscriptions, long published, double seconds, Timing latency, Profile profile,
        double scriptMicros, double bytesToRedis) {

    double perSecond() {
        return published / seconds;
    }
}
