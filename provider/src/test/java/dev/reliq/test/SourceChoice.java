package dev.reliq.test;

import java.util.Optional;
import java.util.function.BooleanSupplier;

import org.testcontainers.DockerClientFactory;

/**
 * Decides which {@link RedisSource} serves a mode of {@link RedisServerExtension}, from what the
 * machine offers and from {@value RedisSource#FORCE_PROPERTY}.
 */
final class SourceChoice {

    /** Asking Docker can take seconds when no engine runs, so each JVM asks once. */
    private static Boolean dockerAnswers;

    /**
     * What the machine offers.
     *
     * @param forced   the tier named by {@value RedisSource#FORCE_PROPERTY}, if any
     * @param url      the Redis named by {@value RedisSource#URL_PROPERTY} or {@code REDIS_URL}, if any
     * @param docker   whether a Docker engine answers; only asked when the earlier tiers do not apply
     * @param path     whether a {@code redis-server} is on the {@code PATH}
     * @param embedded whether the embedded-redis jar has a binary for this OS and processor
     */
    record Machine(Optional<RedisSource> forced, Optional<String> url, BooleanSupplier docker, boolean path,
                   boolean embedded) {

        static Machine current() {
            Optional<RedisSource> forced = nonBlank(System.getProperty(RedisSource.FORCE_PROPERTY))
                    .map(RedisSource::parse);
            return new Machine(forced, configuredUrl(), SourceChoice::dockerAnswers,
                    RedisBinary.onPath().isPresent(), RedisBinary.embeddedResource().isPresent());
        }
    }

    private SourceChoice() {
    }

    /** The tier for a single server that tests only talk to: the first of URL, Docker, PATH, embedded. */
    static RedisSource anyServer(Machine machine) {
        if (machine.forced().isPresent()) {
            return requireAvailable(machine.forced().get(), machine);
        }
        if (machine.url().isPresent()) {
            return RedisSource.URL;
        }
        if (machine.docker().getAsBoolean()) {
            return RedisSource.DOCKER;
        }
        if (machine.path()) {
            return RedisSource.PATH;
        }
        return requireAvailable(RedisSource.EMBEDDED, machine);
    }

    /**
     * The tier for a mode that launches its own processes, to kill them or to start several:
     * the first of PATH and embedded.
     */
    static RedisSource launchedProcess(Machine machine, String mode) {
        if (machine.forced().isPresent()) {
            RedisSource forced = machine.forced().get();
            if (forced == RedisSource.URL || forced == RedisSource.DOCKER) {
                throw new IllegalStateException(mode + " launches its own redis-server processes, so -D"
                        + RedisSource.FORCE_PROPERTY + "=" + forced.propertyValue()
                        + " cannot serve it; force path or embedded, or leave the property unset");
            }
            return requireAvailable(forced, machine);
        }
        return machine.path() ? RedisSource.PATH : requireAvailable(RedisSource.EMBEDDED, machine);
    }

    /** The configured Redis URL, the system property winning over the environment variable. */
    static Optional<String> configuredUrl() {
        return nonBlank(System.getProperty(RedisSource.URL_PROPERTY)).or(() -> nonBlank(System.getenv("REDIS_URL")));
    }

    private static RedisSource requireAvailable(RedisSource source, Machine machine) {
        String forced = "-D" + RedisSource.FORCE_PROPERTY + "=" + source.propertyValue();
        boolean available = switch (source) {
            case URL -> machine.url().isPresent();
            case DOCKER -> machine.docker().getAsBoolean();
            case PATH -> machine.path();
            case EMBEDDED -> machine.embedded();
        };
        if (available) {
            return source;
        }
        throw new IllegalStateException(switch (source) {
            case URL -> forced + " but neither REDIS_URL nor -D" + RedisSource.URL_PROPERTY + " names a Redis";
            case DOCKER -> forced + " but no Docker engine answers; start Docker or choose another tier";
            case PATH -> forced + " but there is no redis-server on the PATH";
            case EMBEDDED -> "The embedded-redis jar has no redis-server for " + System.getProperty("os.name") + "/"
                    + System.getProperty("os.arch") + "; install redis-server on the PATH or set REDIS_URL";
        });
    }

    private static synchronized boolean dockerAnswers() {
        if (dockerAnswers == null) {
            dockerAnswers = DockerClientFactory.instance().isDockerAvailable();
        }
        return dockerAnswers;
    }

    private static Optional<String> nonBlank(String value) {
        return Optional.ofNullable(value).map(String::trim).filter(v -> !v.isEmpty());
    }
}
