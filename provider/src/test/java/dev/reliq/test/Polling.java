package dev.reliq.test;

import java.time.Duration;

import redis.clients.jedis.exceptions.JedisException;

/**
 * Waits for a condition on Redis by asking again and again until a deadline, instead of sleeping
 * for a guessed time. A {@link JedisException} while asking means "not yet" (the server may not
 * listen yet, or still be loading); any other exception ends the wait at once.
 */
final class Polling {

    private static final Duration INTERVAL = Duration.ofMillis(25);

    /** A question about Redis that becomes true once it is ready. */
    @FunctionalInterface
    interface Condition {
        boolean holds();
    }

    private Polling() {
    }

    /** Returns once {@code condition} holds; fails naming {@code what} if it does not within {@code timeout}. */
    static void await(String what, Duration timeout, Condition condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        JedisException lastError = null;
        while (true) {
            try {
                if (condition.holds()) {
                    return;
                }
                lastError = null;
            } catch (JedisException e) {
                lastError = e;
            }
            if (System.nanoTime() - deadline > 0) {
                String cause = lastError == null ? "" : "; last error: " + lastError;
                throw new IllegalStateException("Gave up after " + timeout.toSeconds() + " s waiting for " + what + cause,
                        lastError);
            }
            pause();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(INTERVAL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for Redis", e);
        }
    }
}
