package dev.reliq.queue;

/**
 * Redis refused the credentials when connecting: the user does not exist or is disabled, the password is
 * wrong ({@code WRONGPASS}), the server requires a password none was given for ({@code NOAUTH}), or the user
 * may not run the commands a connection starts with ({@code NOPERM}). The message names the server by its URI
 * with passwords hidden; it never contains a password.
 */
public class RedisAuthenticationException extends RedisConnectionException {

    public RedisAuthenticationException(String message) {
        super(message);
    }

    public RedisAuthenticationException(String message, Throwable cause) {
        super(message, cause);
    }
}
