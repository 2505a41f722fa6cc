package dev.reliq.benchmarks;

import java.util.Map;

/**
 * What idle reliq consumers cost Redis, in commands that clients send per second.
 *
 * @param consumers how many idle consumers were open (each its own session and queue)
 * @param connectionPerSecond commands per second of one started connection without consumers
 * @param perConsumerPerSecond the commands per second that each idle consumer adds
 * @param byCommand with the consumers open: commands per second by command, all clients together
 */
record IdleResult(int consumers, double connectionPerSecond, double perConsumerPerSecond,
        Map<String, Double> byCommand) {
}
