package dev.reliq.queue;

import java.time.Instant;
import java.util.Optional;

/**
 * A delivered message. It stays invisible to other consumers until its visibility deadline;
 * acknowledge it with its {@code receiptHandle} before then, or it is delivered again.
 *
 * @param id the message's id in its queue (stable across deliveries)
 * @param receiptHandle names this delivery; it changes on every delivery, and only the current
 *     one can acknowledge, release, extend or dead-letter the message
 * @param deliveries how many times the message has been delivered, this delivery included
 * @param body the payload as sent
 * @param priority 0 to 9
 * @param sentAt when it was sent (Redis server time)
 * @param expiresAt when its time-to-live ends, if it has one
 * @param firstDeliveredAt when it was first delivered (this delivery when {@code deliveries == 1})
 * @param deliveredAt when this delivery happened (Redis server time)
 * @param visibleAgainAt the visibility deadline of this delivery (Redis server time)
 * @param deadLetter present for messages in a dead-letter queue: why and from where they came
 */
public record ReceivedMessage(
        String id,
        String receiptHandle,
        int deliveries,
        byte[] body,
        int priority,
        Instant sentAt,
        Optional<Instant> expiresAt,
        Instant firstDeliveredAt,
        Instant deliveredAt,
        Instant visibleAgainAt,
        Optional<DeadLetterInfo> deadLetter) {

    /** The visibility timeout of this delivery. */
    public java.time.Duration visibilityTimeout() {
        return java.time.Duration.between(deliveredAt, visibleAgainAt);
    }

    /** True when the message was delivered before (JMS calls this redelivered). */
    public boolean isRedelivery() {
        return deliveries > 1;
    }
}
