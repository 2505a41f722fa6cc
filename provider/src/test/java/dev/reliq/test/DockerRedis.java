package dev.reliq.test;

import java.time.Duration;
import java.util.List;

import org.testcontainers.containers.GenericContainer;
import org.testcontainers.utility.DockerImageName;

import redis.clients.jedis.RedisClient;
import redis.clients.jedis.UnifiedJedis;

/** A {@code redis:7} container started through Testcontainers, reached on the port Docker maps. */
final class DockerRedis implements RedisDeployment {

    private static final DockerImageName IMAGE = DockerImageName.parse("redis:7");
    /** The port inside the container; Docker maps it to a free port on the host. */
    private static final int CONTAINER_PORT = 6379;
    private static final Duration STARTUP = Duration.ofSeconds(30);

    private final GenericContainer<?> container;
    private final String version;

    private DockerRedis(GenericContainer<?> container) {
        this.container = container;
        Polling.await("the redis:7 container to answer PING", STARTUP, () -> {
            try (UnifiedJedis jedis = newClient()) {
                return "PONG".equals(jedis.ping());
            }
        });
        try (UnifiedJedis jedis = newClient()) {
            this.version = RedisInfo.version(jedis.info("server"));
        }
    }

    /** Starts a container that keeps nothing on disk. */
    static DockerRedis start() {
        GenericContainer<?> container = new GenericContainer<>(IMAGE)
                .withExposedPorts(CONTAINER_PORT)
                .withCommand("redis-server", "--save", "", "--appendonly", "no");
        container.start();
        try {
            return new DockerRedis(container);
        } catch (RuntimeException e) {
            container.stop();
            throw e;
        }
    }

    @Override
    public RedisSource source() {
        return RedisSource.DOCKER;
    }

    @Override
    public String uri() {
        return "redis://" + host() + ":" + port();
    }

    @Override
    public String host() {
        return container.getHost();
    }

    @Override
    public List<Integer> ports() {
        return List.of(port());
    }

    @Override
    public String version() {
        return version;
    }

    @Override
    public UnifiedJedis newClient() {
        return RedisClient.create(host(), port());
    }

    @Override
    public boolean isProcessControlled() {
        return false;
    }

    @Override
    public void close() {
        container.stop();
    }

    private int port() {
        return container.getMappedPort(CONTAINER_PORT);
    }
}
