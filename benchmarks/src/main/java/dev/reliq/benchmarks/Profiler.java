package dev.reliq.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import redis.clients.jedis.Jedis;

/**
 * Reads CPU times and Redis's command counts at the start and the end of a measured window. With
 * no Redis (the Artemis rows) it reads the JVM's CPU time only.
 */
final class Profiler implements AutoCloseable {

    private static volatile Set<String> scriptCommands;

    private final Jedis redis;
    private long jvmCpuStart;
    private double redisCpuStart;
    private Map<String, Long> callsStart;

    /** @param redis the server to read INFO from, or null */
    Profiler(RedisServerProcess redis) {
        this.redis = redis == null ? null : redis.connect();
    }

    void start() {
        jvmCpuStart = jvmCpuNanos();
        if (redis != null) {
            redisCpuStart = redisCpuSeconds();
            callsStart = RedisInfo.commandCalls(redis);
        }
    }

    Profile end(long messages) {
        double jvmMicros = (jvmCpuNanos() - jvmCpuStart) / 1e3 / messages;
        if (redis == null) {
            return new Profile(jvmMicros, Double.NaN, Map.of());
        }
        double redisMicros = (redisCpuSeconds() - redisCpuStart) * 1e6 / messages;
        Map<String, Long> callsEnd = RedisInfo.commandCalls(redis);
        Set<String> inScripts = scriptCommands();
        Map<String, Double> perMessage = new TreeMap<>();
        callsEnd.forEach((command, calls) -> {
            long delta = calls - callsStart.getOrDefault(command, 0L);
            if (delta > 0 && !inScripts.contains(command) && !command.equals("info")) {
                perMessage.put(command, delta / (double) messages);
            }
        });
        return new Profile(jvmMicros, redisMicros, perMessage);
    }

    private double redisCpuSeconds() {
        String cpu = redis.info("cpu");
        return Double.parseDouble(RedisInfo.field(cpu, "used_cpu_sys"))
            + Double.parseDouble(RedisInfo.field(cpu, "used_cpu_user"));
    }

    private static long jvmCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return 0;
    }

    static Set<String> scriptCommands() {
        Set<String> commands = scriptCommands;
        if (commands == null) {
            commands = ScriptCommands.load();
            scriptCommands = commands;
        }
        return commands;
    }

    @Override
    public void close() {
        if (redis != null) {
            redis.close();
        }
    }
}
