package dev.reliq.queue;

/**
 * Redis could not be reached or would not serve the connection: the server is down or unreachable, a
 * timeout expired, TLS could not be established, or the configured database or trust store is unusable.
 * The message names the server by its URI with passwords hidden, and says what to check.
 *
 * <p>Credentials that Redis refuses are reported by the subclass {@link RedisAuthenticationException}.
 */
public class RedisConnectionException extends ReliqQueueException {

    public RedisConnectionException(String message) {
        super(message);
    }

    public RedisConnectionException(String message, Throwable cause) {
        super(message, cause);
    }
}
