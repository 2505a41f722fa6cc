package dev.reliq.appserver;

import dev.reliq.test.RedisServerExtension;

/**
 * The Redis an application server's suite shares: one persistent server (append-only file,
 * fsync always), started before the first deployment is built, since the deployments carry its
 * address, and stopped when the test JVM exits.
 */
final class AppServerRedis {

    private static final RedisServerExtension REDIS = RedisServerExtension.persistent();

    private AppServerRedis() {
    }

    static RedisServerExtension get() {
        return REDIS.startShared("appserver-" + System.getProperty("reliq.appserver", "unknown"));
    }

    /** The URL the beans and connection factories in the server use. */
    static String uri() {
        return get().uri() + "?keyPrefix=" + get().keyPrefix();
    }
}
