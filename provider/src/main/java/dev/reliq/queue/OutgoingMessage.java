package dev.reliq.queue;

import java.time.Duration;
import java.util.Objects;

/**
 * A message to send: an opaque payload and how to deliver it.
 *
 * @param body the payload, stored as given
 * @param priority 0 (lowest) to 9 (highest); higher priorities are delivered first, and
 *     messages of one priority in the order they were sent (default 4, as in JMS)
 * @param delay the message stays invisible until this delay has passed (default: none)
 * @param timeToLive the message is never delivered once this time has passed since it was sent;
 *     {@link Duration#ZERO} means it never expires (default)
 */
public record OutgoingMessage(byte[] body, int priority, Duration delay, Duration timeToLive) {

    public static final int DEFAULT_PRIORITY = 4;

    public OutgoingMessage {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(delay, "delay");
        Objects.requireNonNull(timeToLive, "timeToLive");
        if (priority < 0 || priority > 9) {
            throw new IllegalArgumentException("priority must be 0 to 9, got " + priority);
        }
        if (delay.isNegative() || timeToLive.isNegative()) {
            throw new IllegalArgumentException("delay and timeToLive must not be negative");
        }
    }

    /** A message with the default priority, no delay and no expiry. */
    public static OutgoingMessage of(byte[] body) {
        return new OutgoingMessage(body, DEFAULT_PRIORITY, Duration.ZERO, Duration.ZERO);
    }

    public OutgoingMessage withPriority(int value) {
        return new OutgoingMessage(body, value, delay, timeToLive);
    }

    public OutgoingMessage withDelay(Duration value) {
        return new OutgoingMessage(body, priority, value, timeToLive);
    }

    public OutgoingMessage withTimeToLive(Duration value) {
        return new OutgoingMessage(body, priority, delay, value);
    }
}
