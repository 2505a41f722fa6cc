package dev.reliq.queue;

import java.time.Duration;
import java.util.Optional;

/**
 * A queue's counts at one moment (read atomically).
 *
 * @param ready messages waiting to be delivered now
 * @param delayed messages waiting for their delivery delay or redelivery backoff
 * @param inFlight delivered messages awaiting acknowledgement (including ones whose visibility
 *     deadline passed moments ago and that the next receive makes ready again)
 * @param deadLettered messages currently in the queue's dead-letter queue
 * @param oldestReadyAge how long the oldest ready message has waited since it was sent
 * @param expiredTotal messages dropped because their time-to-live passed, since the queue began
 * @param deadLetteredTotal messages moved to the dead-letter queue, since the queue began
 */
public record QueueStats(
        long ready,
        long delayed,
        long inFlight,
        long deadLettered,
        Optional<Duration> oldestReadyAge,
        long expiredTotal,
        long deadLetteredTotal) {

    /** Messages in the queue, in any state (not counting its dead-letter queue). */
    public long total() {
        return ready + delayed + inFlight;
    }
}
