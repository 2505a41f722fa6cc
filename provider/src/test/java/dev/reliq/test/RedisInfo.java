package dev.reliq.test;

import java.util.Optional;

/** Reads fields out of the text that {@code INFO} and {@code CLUSTER INFO} return. */
final class RedisInfo {

    private RedisInfo() {
    }

    /** The value of {@code name} in {@code info}, which holds lines like {@code redis_version:7.0.15}. */
    static Optional<String> field(String info, String name) {
        String prefix = name + ":";
        return info.lines()
                .filter(line -> line.startsWith(prefix))
                .map(line -> line.substring(prefix.length()).trim())
                .findFirst();
    }

    /** The {@code redis_version} in the output of {@code INFO server}. */
    static String version(String serverInfo) {
        return field(serverInfo, "redis_version")
                .orElseThrow(() -> new IllegalStateException("INFO server has no redis_version: " + serverInfo));
    }
}
