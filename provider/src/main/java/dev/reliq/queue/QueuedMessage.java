package dev.reliq.queue;

import java.time.Instant;
import java.util.Optional;

/**
 * A ready message seen by {@link ReliableQueue#browse}; browsing changes nothing.
 *
 * @param position where the message stands in delivery order; pass the last one seen to
 *     {@link ReliableQueue#browse(String, int)} for the next page
 * @param id the message's id in its queue
 * @param body the payload as sent
 * @param priority 0 to 9
 * @param sentAt when it was sent
 * @param expiresAt when its time-to-live ends, if it has one
 * @param deliveries how many times it has been delivered so far
 * @param deadLetter present for messages in a dead-letter queue
 */
public record QueuedMessage(
        String position,
        String id,
        byte[] body,
        int priority,
        Instant sentAt,
        Optional<Instant> expiresAt,
        int deliveries,
        Optional<DeadLetterInfo> deadLetter) {
}
