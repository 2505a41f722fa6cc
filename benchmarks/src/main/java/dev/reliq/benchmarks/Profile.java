package dev.reliq.benchmarks;

import java.util.Map;

/**
 * Where a throughput run's time went, per message consumed in the measured window.
 *
 * @param jvmCpuMicros CPU time of this JVM: the clients, and for the Artemis rows the broker too
 * @param redisCpuMicros CPU time of the Redis server (user + system); NaN where no Redis is involved
 * @param redisCalls commands clients sent to Redis, by command (commands run inside reliq's Lua
 *     scripts are not counted: the EVALSHA that ran them is)
 */
record Profile(double jvmCpuMicros, double redisCpuMicros, Map<String, Double> redisCalls) {

    double totalRedisCalls() {
        return redisCalls.values().stream().mapToDouble(Double::doubleValue).sum();
    }
}
