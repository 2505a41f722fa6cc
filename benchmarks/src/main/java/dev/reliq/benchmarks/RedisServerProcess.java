package dev.reliq.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import redis.clients.jedis.Jedis;

/**
 * A {@code redis-server} process of the benchmark's own, on a free port of 127.0.0.1, in a
 * temporary directory that is removed when it stops.
 */
final class RedisServerProcess implements AutoCloseable {

    static final String HOST = "127.0.0.1";

    /** Keeps nothing on disk. */
    static final List<String> NO_PERSISTENCE = List.of("--save", "", "--appendonly", "no");
    /** Appends every write to the AOF and fsyncs it once a second (no RDB snapshots). */
    static final List<String> AOF_EVERYSEC = List.of("--save", "", "--appendonly", "yes", "--appendfsync", "everysec");

    private static final int ATTEMPTS = 3;
    private static final long STARTUP_MILLIS = 15_000;
    private static final long EXIT_MILLIS = 15_000;

    /** A run cut short (Ctrl-C) kills its servers rather than leaving them behind. */
    private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(Process::destroyForcibly),
            "benchmark-redis-reaper"));
    }

    private final String name;
    private final Process process;
    private final Path dir;
    private final int port;
    private final String version;

    private RedisServerProcess(String name, Process process, Path dir, int port, String version) {
        this.name = name;
        this.process = process;
        this.dir = dir;
        this.port = port;
        this.version = version;
    }

    /**
     * Starts a server with {@code options}. The port is free when chosen but could be taken
     * before the server binds it, so a failed start is tried again on another port.
     */
    static RedisServerProcess start(RedisExecutable executable, String name, List<String> options) {
        Path dir = TempDirs.create("redis-" + name);
        IllegalStateException failure = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int port = LoopbackPorts.free();
            List<String> command = new ArrayList<>(List.of(executable.path().toString(),
                "--port", Integer.toString(port), "--bind", HOST, "--dir", dir.toString(), "--daemonize", "no"));
            command.addAll(options);
            Process process;
            try {
                process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(Redirect.appendTo(dir.resolve("redis.log").toFile()))
                    .start();
            } catch (IOException e) {
                TempDirs.delete(dir);
                throw new UncheckedIOException("Cannot run " + executable.path(), e);
            }
            RUNNING.add(process);
            String version = awaitReady(process, port);
            if (version != null) {
                return new RedisServerProcess(name, process, dir, port, version);
            }
            stop(process);
            failure = new IllegalStateException("redis-server (" + name + ") did not start on port " + port
                + "; see " + dir.resolve("redis.log"));
        }
        TempDirs.delete(dir);
        throw failure;
    }

    /** The server's version once it answers, or null when it exited or never answered. */
    private static String awaitReady(Process process, int port) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(STARTUP_MILLIS);
        while (System.nanoTime() < deadline && process.isAlive()) {
            try (Jedis jedis = new Jedis(HOST, port)) {
                jedis.ping();
                return RedisInfo.field(jedis.info("server"), "redis_version");
            } catch (RuntimeException notYet) {
                sleep(50);
            }
        }
        return null;
    }

    String name() {
        return name;
    }

    int port() {
        return port;
    }

    String version() {
        return version;
    }

    String uri() {
        return "redis://" + HOST + ":" + port;
    }

    /** A plain connection, for the raw rows and for INFO; the caller closes it. */
    Jedis connect() {
        return new Jedis(HOST, port);
    }

    @Override
    public void close() {
        stop(process);
        TempDirs.delete(dir);
    }

    private static void stop(Process process) {
        process.destroy(); // SIGTERM: Redis shuts down cleanly
        try {
            if (!process.waitFor(EXIT_MILLIS, TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(EXIT_MILLIS, TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        RUNNING.remove(process);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for redis-server", e);
        }
    }
}
