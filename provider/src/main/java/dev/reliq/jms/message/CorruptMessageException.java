package dev.reliq.jms.message;

/**
 * A payload could not be decoded as a reliq JMS message: it is truncated, was written by a
 * program that does not follow {@code docs/message-format.md}, or was damaged. The message says
 * what was wrong and at which byte offset of the payload, so the producer can be fixed.
 *
 * <p>A consumer cannot repair such a payload; the provider sets it aside (for example in the
 * queue's dead-letter queue) rather than handing it to the application.
 */
public class CorruptMessageException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int offset;

    public CorruptMessageException(String problem, int offset) {
        super("Corrupt reliq JMS message at byte offset " + offset + ": " + problem
            + " (see docs/message-format.md for the format)");
        this.offset = offset;
    }

    /** The byte offset in the payload where decoding failed. */
    public int offset() {
        return offset;
    }
}
