package dev.reliq.test;

import java.util.List;
import java.util.Optional;

import redis.clients.jedis.UnifiedJedis;

/**
 * A running Redis of one shape (a server, a cluster, a master watched by a sentinel) as
 * {@link RedisServerExtension} hands it out. Closing it stops what the fixture started.
 */
interface RedisDeployment extends AutoCloseable {

    RedisSource source();

    /** The address a reliq connection factory is given. */
    String uri();

    String host();

    /** The ports in {@link #uri()}, in the same order. */
    List<Integer> ports();

    /** The {@code redis_version} of the server(s). */
    String version();

    /** A new client that reaches the data, as an application would; the caller closes it. */
    UnifiedJedis newClient();

    /** The one server that {@code kill()} and {@code start()} act on, when the fixture launched it. */
    default Optional<RedisProcess> controlledServer() {
        return Optional.empty();
    }

    /** The certificates clients must trust, for a TLS server. */
    default Optional<TestCertificates> certificates() {
        return Optional.empty();
    }

    /** The port of the master that a sentinel watches. */
    default Optional<Integer> masterPort() {
        return Optional.empty();
    }

    /** Whether the fixture launched these servers itself (and can see their logs under target/redis). */
    boolean isProcessControlled();

    @Override
    void close();
}
