package dev.reliq.jms;

import java.time.Duration;

import dev.reliq.queue.OutgoingMessage;

/**
 * A message a transacted session holds back until commit. Its delivery delay and time-to-live
 * count from the send, as its JMSDeliveryTime and JMSExpiration say, not from the commit.
 */
record PendingSend(SendTarget target, OutgoingMessage message, long sentAtNanos) {

    PendingSend(SendTarget target, OutgoingMessage message) {
        this(target, message, System.nanoTime());
    }

    /** The message to store now: what is left of its delay and of its time-to-live. */
    OutgoingMessage asOfNow() {
        Duration elapsed = Duration.ofNanos(System.nanoTime() - sentAtNanos);
        Duration delay = message.delay().minus(elapsed);
        Duration timeToLive = message.timeToLive();
        if (!timeToLive.isZero()) {
            // at least 1ms: a zero time-to-live would mean "never expires"
            timeToLive = Duration.ofMillis(Math.max(1, timeToLive.minus(elapsed).toMillis()));
        }
        return new OutgoingMessage(message.body(), message.priority(), delay.isNegative() ? Duration.ZERO : delay,
            timeToLive);
    }
}
