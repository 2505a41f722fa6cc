package dev.reliq.test;

import java.net.URI;
import java.util.List;

import redis.clients.jedis.RedisClient;
import redis.clients.jedis.UnifiedJedis;

/**
 * A Redis that someone else runs, named by {@code REDIS_URL}. Test classes share it, which is
 * why every test writes under its own {@link RedisServerExtension#keyPrefix()}.
 */
final class UrlRedis implements RedisDeployment {

    private final String url;
    private final URI parsed;
    private final String version;

    private UrlRedis(String url) {
        this.url = url;
        this.parsed = URI.create(url);
        if (parsed.getHost() == null || parsed.getPort() < 0) {
            throw new IllegalArgumentException("REDIS_URL " + url + " names no host and port;"
                    + " write it as redis://host:port (or rediss:// for TLS)");
        }
        try (UnifiedJedis jedis = newClient()) {
            this.version = RedisInfo.version(jedis.info("server"));
        } catch (RuntimeException e) {
            throw new IllegalStateException("The Redis at REDIS_URL " + url + " does not answer: " + e.getMessage(), e);
        }
    }

    /** Checks that the Redis at {@code url} answers. */
    static UrlRedis connect(String url) {
        return new UrlRedis(url);
    }

    @Override
    public RedisSource source() {
        return RedisSource.URL;
    }

    @Override
    public String uri() {
        return url;
    }

    @Override
    public String host() {
        return parsed.getHost();
    }

    @Override
    public List<Integer> ports() {
        return List.of(parsed.getPort());
    }

    @Override
    public String version() {
        return version;
    }

    @Override
    public UnifiedJedis newClient() {
        return RedisClient.create(parsed);
    }

    @Override
    public boolean isProcessControlled() {
        return false;
    }

    /** Leaves the server running: it is not ours. */
    @Override
    public void close() {
    }
}
