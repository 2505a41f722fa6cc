package dev.reliq.test;

import java.nio.file.Path;

/** Starts each mode of {@link RedisServerExtension} from the tier {@link SourceChoice} picks. */
final class Deployments {

    private Deployments() {
    }

    static RedisDeployment standalone(Path dir) {
        RedisSource source = SourceChoice.anyServer(SourceChoice.Machine.current());
        return switch (source) {
            case URL -> UrlRedis.connect(SourceChoice.configuredUrl().orElseThrow());
            case DOCKER -> DockerRedis.start();
            case PATH, EMBEDDED -> SingleServer.start(source, RedisBinary.of(source), dir, RedisProcess.EPHEMERAL);
        };
    }

    static RedisDeployment persistent(Path dir) {
        RedisSource source = SourceChoice.launchedProcess(SourceChoice.Machine.current(), "persistent()");
        return SingleServer.start(source, RedisBinary.of(source), dir, RedisProcess.DURABLE);
    }

    static RedisDeployment cluster(Path dir) {
        RedisSource source = SourceChoice.launchedProcess(SourceChoice.Machine.current(), "cluster()");
        return RedisCluster.start(source, RedisBinary.of(source), dir);
    }

    static RedisDeployment sentinel(Path dir) {
        RedisSource source = SourceChoice.launchedProcess(SourceChoice.Machine.current(), "sentinel()");
        return RedisSentinel.start(source, RedisBinary.of(source), dir);
    }

    /*
     * Always the PATH binary, whatever tier is forced: TLS in the embedded binaries depends on the
     * platform (the linux-amd64 one loads the system's libssl.so.3, the darwin-arm64 one Homebrew's),
     * and the TLS tests are about reliq's client side, not about Redis versions.
     */
    static RedisDeployment tls(Path dir) {
        Path binary = RedisBinary.onPath().orElseThrow(() -> new IllegalStateException(
                "tls() runs the redis-server on the PATH, and there is none; install a Redis built with TLS"
                        + " (Debian's redis-server is)"));
        return SingleServer.startTls(binary, dir, TestCertificates.generate(dir.resolve("certs")));
    }
}
