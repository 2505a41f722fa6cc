package dev.reliq.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import redis.clients.jedis.Jedis;
import redis.clients.jedis.RedisSentinelClient;
import redis.clients.jedis.UnifiedJedis;

/**
 * One master and one sentinel that monitors it under {@link RedisServerExtension#SENTINEL_MASTER_NAME}.
 * Clients find the master by asking the sentinel, as they would in production.
 */
final class RedisSentinel implements RedisDeployment {

    private static final Duration DISCOVERY = Duration.ofSeconds(30);

    private final RedisSource source;
    private final RedisProcess master;
    private final RedisProcess sentinel;
    private final String version;

    private RedisSentinel(RedisSource source, RedisProcess master, RedisProcess sentinel) {
        this.source = source;
        this.master = master;
        this.sentinel = sentinel;
        try (Jedis jedis = master.connect()) {
            this.version = RedisInfo.version(jedis.info("server"));
        }
    }

    /** Launches the master and the sentinel under {@code dir} and returns once the sentinel reports the master. */
    static RedisSentinel start(RedisSource source, Path binary, Path dir) {
        RedisProcess master = new RedisProcess(binary, dir.resolve("master"), LoopbackPorts.free(),
                RedisProcess.EPHEMERAL, null);
        Path sentinelDir = dir.resolve("sentinel");
        RedisProcess sentinel = new RedisProcess(binary, sentinelDir, LoopbackPorts.free(),
                List.of(writeConfig(sentinelDir, master.port()).toString(), "--sentinel"), null);
        try {
            master.start();
            sentinel.start();
            Polling.await("the sentinel to report " + RedisServerExtension.SENTINEL_MASTER_NAME, DISCOVERY,
                    () -> reportsMaster(sentinel, master.port()));
            return new RedisSentinel(source, master, sentinel);
        } catch (RuntimeException e) {
            sentinel.close();
            master.close();
            throw e;
        }
    }

    /* A sentinel rewrites its configuration file as it learns, so it must be a real, writable file. */
    private static Path writeConfig(Path dir, int masterPort) {
        try {
            Files.createDirectories(dir);
            return Files.writeString(dir.resolve("sentinel.conf"), "sentinel monitor "
                    + RedisServerExtension.SENTINEL_MASTER_NAME + " " + RedisProcess.HOST + " " + masterPort + " 1\n");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the sentinel configuration in " + dir, e);
        }
    }

    private static boolean reportsMaster(RedisProcess sentinel, int masterPort) {
        try (Jedis jedis = sentinel.connect()) {
            List<String> address = jedis.sentinelGetMasterAddrByName(RedisServerExtension.SENTINEL_MASTER_NAME);
            return List.of(RedisProcess.HOST, String.valueOf(masterPort)).equals(address);
        }
    }

    @Override
    public RedisSource source() {
        return source;
    }

    @Override
    public String uri() {
        return "redis-sentinel://" + RedisProcess.HOST + ":" + sentinel.port() + "?masterName="
                + RedisServerExtension.SENTINEL_MASTER_NAME;
    }

    @Override
    public String host() {
        return RedisProcess.HOST;
    }

    @Override
    public List<Integer> ports() {
        return List.of(sentinel.port());
    }

    @Override
    public String version() {
        return version;
    }

    @Override
    public UnifiedJedis newClient() {
        return RedisSentinelClient.builder()
                .masterName(RedisServerExtension.SENTINEL_MASTER_NAME)
                .sentinels(Set.of(sentinel.address()))
                .build();
    }

    /** The master: killing it is how a test takes Redis away from sentinel clients. */
    @Override
    public Optional<RedisProcess> controlledServer() {
        return Optional.of(master);
    }

    @Override
    public Optional<Integer> masterPort() {
        return Optional.of(master.port());
    }

    @Override
    public boolean isProcessControlled() {
        return true;
    }

    @Override
    public void close() {
        sentinel.close();
        master.close();
    }
}
