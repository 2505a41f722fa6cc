package dev.reliq.test;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Where the Redis handed to a test comes from, in the order {@link RedisServerExtension} tries
 * them. The system property {@value #FORCE_PROPERTY} names one of them ({@code url}, {@code docker},
 * {@code path}, {@code embedded}) to use that tier only; if it cannot provide Redis the test
 * class fails instead of falling back to another tier.
 */
public enum RedisSource {

    /** The server named by the {@code REDIS_URL} environment variable or {@value #URL_PROPERTY}. */
    URL,
    /** A {@code redis:7} container started through Testcontainers when a Docker engine answers. */
    DOCKER,
    /** The {@code redis-server} found on the {@code PATH}. */
    PATH,
    /** The Redis 6.2 binary bundled in the embedded-redis jar: the oldest Redis reliq supports. */
    EMBEDDED;

    /** The system property that forces one tier. */
    public static final String FORCE_PROPERTY = "reliq.test.redis";

    /** The system property that names a Redis to use; it wins over {@code REDIS_URL}. */
    public static final String URL_PROPERTY = "reliq.test.redis.url";

    /** Reads a value of {@value #FORCE_PROPERTY}, failing with the accepted values when it is not one. */
    static RedisSource parse(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            String accepted = Arrays.stream(values())
                    .map(source -> source.name().toLowerCase(Locale.ROOT))
                    .collect(Collectors.joining(", "));
            throw new IllegalArgumentException("-D" + FORCE_PROPERTY + "=" + value
                    + " is not a Redis tier; use one of " + accepted + ", or leave it unset", e);
        }
    }

    /** The spelling used in {@value #FORCE_PROPERTY}. */
    String propertyValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
