package dev.reliq.queue;

/** What an operation on a receipt handle did to its message. */
public enum HandleOutcome {
    /** The message was deleted from the queue. */
    ACKNOWLEDGED,
    /** The visibility deadline was moved. */
    EXTENDED,
    /** The message is ready for delivery again. */
    RELEASED,
    /** The message will be ready again after a delay (redelivery backoff). */
    DELAYED,
    /** The message is now in the dead-letter queue. */
    DEAD_LETTERED,
    /** The message's time-to-live had passed, so it was dropped instead of released. */
    EXPIRED,
    /**
     * Nothing changed: the handle is stale. The message was already acknowledged, or its
     * visibility deadline passed and it is visible (and perhaps delivered) again, or the handle
     * never existed.
     */
    NOT_IN_FLIGHT
}
