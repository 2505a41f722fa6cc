package dev.reliq.benchmarks;

import java.util.HashMap;
import java.util.Map;

import redis.clients.jedis.Jedis;

/** Reads the fields the benchmark needs from Redis's INFO. */
final class RedisInfo {

    private RedisInfo() {
    }

    /** The value of {@code name} in an INFO reply, or null. */
    static String field(String info, String name) {
        for (String line : info.split("\r?\n")) {
            if (line.startsWith(name + ":")) {
                return line.substring(name.length() + 1).trim();
            }
        }
        return null;
    }

    /** {@code used_memory}, in bytes. */
    static long usedMemory(Jedis jedis) {
        return Long.parseLong(field(jedis.info("memory"), "used_memory"));
    }

    /** The calls of every command so far, from INFO commandstats, by lower-case command name. */
    static Map<String, Long> commandCalls(Jedis jedis) {
        return commandStat(jedis, "calls");
    }

    /** The microseconds Redis spent in every command so far (for EVALSHA: in the script). */
    static Map<String, Long> commandUsec(Jedis jedis) {
        return commandStat(jedis, "usec");
    }

    private static Map<String, Long> commandStat(Jedis jedis, String stat) {
        Map<String, Long> values = new HashMap<>();
        for (String line : jedis.info("commandstats").split("\r?\n")) {
            // cmdstat_evalsha:calls=12,usec=345,usec_per_call=28.75,rejected_calls=0,failed_calls=0
            if (!line.startsWith("cmdstat_")) {
                continue;
            }
            int colon = line.indexOf(':');
            for (String field : line.substring(colon + 1).split(",")) {
                if (field.startsWith(stat + "=")) {
                    String command = line.substring("cmdstat_".length(), colon);
                    values.put(command, Long.parseLong(field.substring(stat.length() + 1)));
                }
            }
        }
        return values;
    }
}
