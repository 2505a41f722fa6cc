package dev.reliq.test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import redis.clients.jedis.RedisClient;
import redis.clients.jedis.UnifiedJedis;

/** One launched {@code redis-server}: the standalone, persistent and TLS modes. */
final class SingleServer implements RedisDeployment {

    private final RedisSource source;
    private final RedisProcess server;
    private final TestCertificates certificates;
    private final String version;

    private SingleServer(RedisSource source, RedisProcess server, TestCertificates certificates) {
        this.source = source;
        this.server = server;
        this.certificates = certificates;
        try (var jedis = server.connect()) {
            this.version = RedisInfo.version(jedis.info("server"));
        }
    }

    /** A server that speaks plain RESP on a free port. */
    static SingleServer start(RedisSource source, Path binary, Path dir, List<String> options) {
        RedisProcess server = new RedisProcess(binary, dir, LoopbackPorts.free(), options, null);
        server.start();
        return running(source, server, null);
    }

    /** A server that speaks TLS only, with a certificate from {@code certificates}. */
    static SingleServer startTls(RedisSource source, Path binary, Path dir, TestCertificates certificates) {
        List<String> options = new ArrayList<>(RedisProcess.EPHEMERAL);
        options.addAll(List.of(
                "--tls-cert-file", certificates.serverCertificate().toString(),
                "--tls-key-file", certificates.serverKey().toString(),
                "--tls-ca-cert-file", certificates.caCertificate().toString(),
                "--tls-auth-clients", "no"));
        RedisProcess server = new RedisProcess(binary, dir, LoopbackPorts.free(), options, certificates.sslOptions());
        try {
            server.start();
        } catch (RuntimeException e) {
            throw new IllegalStateException("tls() could not start " + binary + " with TLS; it needs a redis-server"
                    + " built with TLS support (BUILD_TLS=yes, as Debian's and Homebrew's are) and OpenSSL on the"
                    + " machine", e);
        }
        return running(source, server, certificates);
    }

    private static SingleServer running(RedisSource source, RedisProcess server, TestCertificates certificates) {
        try {
            return new SingleServer(source, server, certificates);
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    @Override
    public RedisSource source() {
        return source;
    }

    @Override
    public String uri() {
        // TLS: the certificate names localhost only (see TestCertificates)
        return certificates == null ? "redis://" + RedisProcess.HOST + ":" + server.port()
                : "rediss://localhost:" + server.port();
    }

    @Override
    public String host() {
        return certificates == null ? RedisProcess.HOST : "localhost";
    }

    @Override
    public List<Integer> ports() {
        return List.of(server.port());
    }

    @Override
    public String version() {
        return version;
    }

    @Override
    public UnifiedJedis newClient() {
        return RedisClient.builder().hostAndPort(server.address()).clientConfig(server.clientConfig()).build();
    }

    @Override
    public Optional<RedisProcess> controlledServer() {
        return Optional.of(server);
    }

    @Override
    public Optional<TestCertificates> certificates() {
        return Optional.ofNullable(certificates);
    }

    @Override
    public boolean isProcessControlled() {
        return true;
    }

    @Override
    public void close() {
        server.close();
    }
}
