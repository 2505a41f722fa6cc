package dev.reliq.queue;

/**
 * A Redis URI that cannot be used: its syntax is wrong, or one of its options has a value that is not
 * accepted. The message says what is wrong and what is expected, and shows the URI with its passwords
 * replaced by {@code ***}.
 */
public class InvalidRedisUriException extends IllegalArgumentException {

    private final String redactedUri;

    /**
     * @param redactedUri the URI as given, with passwords already replaced by {@code ***}
     * @param problem what is wrong and what is expected instead
     */
    public InvalidRedisUriException(String redactedUri, String problem) {
        super("Invalid Redis URI " + (redactedUri == null ? "(null)" : "'" + redactedUri + "'") + ": " + problem);
        this.redactedUri = redactedUri;
    }

    /**
     * @return the URI the problem was found in, with passwords replaced by {@code ***}; null if the URI was null
     */
    public String redactedUri() {
        return redactedUri;
    }
}
