package dev.reliq.queue;

/**
 * A message's payload is larger than the client's {@code maxMessageSize}. Nothing was sent.
 * Raise the limit with the {@code maxMessageSize} URI option, or store large data elsewhere and
 * send a reference to it.
 */
public class MessageTooLargeException extends IllegalArgumentException {

    private final long size;
    private final long limit;

    public MessageTooLargeException(String queue, long size, long limit) {
        super("Message of " + size + " bytes is larger than maxMessageSize (" + limit
            + " bytes) for queue '" + queue + "'; nothing was sent. Raise maxMessageSize or send a"
            + " reference to the data instead");
        this.size = size;
        this.limit = limit;
    }

    public long size() {
        return size;
    }

    public long limit() {
        return limit;
    }
}
