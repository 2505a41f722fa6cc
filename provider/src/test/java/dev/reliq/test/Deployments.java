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
     * Like the other launched modes: the PATH binary, else the embedded one. Both are built with
     * TLS here (the embedded linux-amd64 binary loads the system's libssl.so.3, which it needs to
     * start at all); a binary without TLS fails to start with a message that says so.
     */
    static RedisDeployment tls(Path dir) {
        RedisSource source = SourceChoice.launchedProcess(SourceChoice.Machine.current(), "tls()");
        return SingleServer.startTls(source, RedisBinary.of(source), dir, TestCertificates.generate(dir.resolve("certs")));
    }
}
