package dev.reliq.samples.support;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import redis.embedded.RedisServer;
import redis.embedded.core.PortProvider;

/**
 * The Redis 6.2 server bundled in the embedded-redis jar, started on a free port of 127.0.0.1,
 * so the samples run on a machine without Redis. It keeps nothing on disk.
 */
public final class EmbeddedRedis implements AutoCloseable {

    private static final String HOST = "127.0.0.1";
    private static final Pattern VERSION = Pattern.compile("version=([0-9.]+)");
    private static final int ATTEMPTS = 3;

    private final RedisServer server;
    private final int port;
    private final String version;

    private EmbeddedRedis(RedisServer server, int port, String version) {
        this.server = server;
        this.port = port;
        this.version = version;
    }

    /**
     * Starts a server on a free port. The port is free when chosen but could be taken before the
     * server binds it, so a failed start is tried again on another port.
     */
    public static EmbeddedRedis start() throws IOException {
        IOException failure = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int port = PortProvider.newEphemeralPortProvider().get();
            AtomicReference<String> version = new AtomicReference<>("6.2");
            RedisServer server = RedisServer.newRedisServer()
                .bind(HOST)
                .port(port)
                .setting("save \"\"")
                .setting("appendonly no")
                // reads the server's log, so a full pipe never blocks it, and notes its version
                .soutListener(line -> noteVersion(line, version))
                .build();
            try {
                server.start();
                return new EmbeddedRedis(server, port, version.get());
            } catch (IOException e) {
                failure = e;
            }
        }
        throw failure;
    }

    private static void noteVersion(String logLine, AtomicReference<String> version) {
        Matcher matcher = VERSION.matcher(logLine);
        if (matcher.find()) {
            version.set(matcher.group(1));
        }
    }

    public String uri() {
        return "redis://" + HOST + ":" + port;
    }

    public String version() {
        return version;
    }

    @Override
    public void close() throws IOException {
        server.stop();
    }
}
