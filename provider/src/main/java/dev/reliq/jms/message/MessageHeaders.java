package dev.reliq.jms.message;

import jakarta.jms.DeliveryMode;
import jakarta.jms.Destination;
import jakarta.jms.Message;

/**
 * The header fields of a message, as plain fields for {@link ReliqMessage} and the codec.
 * Defaults are those of a new message: persistent, priority 4, everything else unset.
 */
final class MessageHeaders {

    String messageId;
    long timestamp;
    /** A {@code String}, a {@code byte[]}, or null. */
    Object correlationId;
    Destination replyTo;
    Destination destination;
    int deliveryMode = DeliveryMode.PERSISTENT;
    boolean redelivered;
    String type;
    long expiration;
    long deliveryTime;
    int priority = Message.DEFAULT_PRIORITY;
}
