package dev.reliq.queue;

/** A queue operation failed; the message says which operation, on which queue, and why. */
public class ReliqQueueException extends RuntimeException {

    public ReliqQueueException(String message) {
        super(message);
    }

    public ReliqQueueException(String message, Throwable cause) {
        super(message, cause);
    }
}
