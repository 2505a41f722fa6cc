package dev.reliq.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.SslOptions;

/**
 * One {@code redis-server} process that the fixture launches on a loopback port, in a directory
 * of its own that keeps its log (and its data, when persistent) after the test for post-mortem.
 * It can be killed and started again on the same port and directory, which replays its AOF.
 */
final class RedisProcess implements AutoCloseable {

    /** Options for a server that keeps nothing on disk. */
    static final List<String> EPHEMERAL = List.of("--save", "", "--appendonly", "no");

    /** Options for a server that writes every command to its AOF before answering. */
    static final List<String> DURABLE = List.of("--save", "", "--appendonly", "yes", "--appendfsync", "always");

    static final String HOST = "127.0.0.1";

    private static final Duration STARTUP = Duration.ofSeconds(30);
    private static final Duration EXIT = Duration.ofSeconds(10);
    private static final String LOG = "redis.log";
    private static final String OUTPUT = "output.log";

    /** Servers still running when the JVM exits (a test run cut short) are killed rather than orphaned. */
    private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(Process::destroyForcibly),
                "redis-process-reaper"));
    }

    private final Path binary;
    private final Path dir;
    private final int port;
    private final List<String> options;
    private final SslOptions tls;
    private Process process;

    /**
     * @param binary  the {@code redis-server} to run
     * @param dir     the working directory; created if missing
     * @param port    the loopback port clients use
     * @param options further options; a config file, if any, must come first
     * @param tls     when not null, the server listens for TLS only and clients connect with these options
     */
    RedisProcess(Path binary, Path dir, int port, List<String> options, SslOptions tls) {
        this.binary = binary;
        this.dir = dir;
        this.port = port;
        this.options = List.copyOf(options);
        this.tls = tls;
    }

    int port() {
        return port;
    }

    Path dir() {
        return dir;
    }

    /** Where clients dial; over TLS by name, the only identity the test certificate carries. */
    HostAndPort address() {
        return new HostAndPort(tls == null ? HOST : "localhost", port);
    }

    /** How a client connects: plain, or TLS trusting the test CA. */
    JedisClientConfig clientConfig() {
        return DefaultJedisClientConfig.builder().sslOptions(tls).build();
    }

    /** A new single connection to this server, speaking the server's default protocol; the caller closes it. */
    Jedis connect() {
        return new Jedis(address(), DefaultJedisClientConfig.builder().sslOptions(tls).serverDefaultProtocol().build());
    }

    synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** Launches the server and returns once it answers PING and has finished loading its data. */
    synchronized void start() {
        if (isRunning()) {
            throw new IllegalStateException("redis-server on port " + port + " is already running");
        }
        try {
            Files.createDirectories(dir);
            process = new ProcessBuilder(command())
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(Redirect.appendTo(dir.resolve(OUTPUT).toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not launch " + binary + " in " + dir, e);
        }
        RUNNING.add(process);
        try {
            awaitReady();
        } catch (RuntimeException e) {
            kill();
            throw e;
        }
    }

    /** Kills the server with SIGKILL, as a crash would, and waits until it is gone. */
    synchronized void kill() {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        awaitExit();
    }

    /** Stops the server with SIGTERM, killing it if it does not exit in time. */
    @Override
    public synchronized void close() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(EXIT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        awaitExit();
    }

    private List<String> command() {
        List<String> command = new ArrayList<>();
        command.add(binary.toString());
        command.addAll(options);
        if (tls == null) {
            command.addAll(List.of("--port", String.valueOf(port)));
        } else {
            command.addAll(List.of("--port", "0", "--tls-port", String.valueOf(port)));
        }
        command.addAll(List.of("--bind", HOST, "--dir", dir.toString(), "--logfile", dir.resolve(LOG).toString(),
                "--daemonize", "no"));
        return command;
    }

    private void awaitReady() {
        Polling.await("redis-server on port " + port + " to answer PING (log: " + dir.resolve(LOG) + ")", STARTUP,
                () -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException("redis-server on port " + port + " exited with status "
                                + process.exitValue() + " while starting:\n" + logTail());
                    }
                    try (Jedis jedis = connect()) {
                        jedis.ping();
                        // A restarted server answers PING while it replays its AOF; tests need the data back.
                        // Sentinels have no persistence section and so never report loading.
                        return !jedis.info("persistence").contains("loading:1");
                    }
                });
    }

    private void awaitExit() {
        try {
            if (!process.waitFor(EXIT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("redis-server on port " + port + " (pid " + process.pid()
                        + ") did not exit within " + EXIT.toSeconds() + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for redis-server to exit", e);
        }
        RUNNING.remove(process);
    }

    private String logTail() {
        StringBuilder tail = new StringBuilder();
        for (String name : List.of(OUTPUT, LOG)) {
            Path file = dir.resolve(name);
            try {
                if (Files.exists(file)) {
                    List<String> lines = Files.readAllLines(file);
                    tail.append("--- ").append(file).append('\n');
                    lines.subList(Math.max(0, lines.size() - 15), lines.size())
                            .forEach(line -> tail.append(line).append('\n'));
                }
            } catch (IOException e) {
                tail.append("(could not read ").append(file).append(": ").append(e.getMessage()).append(")\n");
            }
        }
        return tail.toString();
    }
}
