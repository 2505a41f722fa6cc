package dev.reliq.jms;

import java.io.Serializable;

import jakarta.jms.BytesMessage;
import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.ObjectMessage;
import jakarta.jms.StreamMessage;
import jakarta.jms.TextMessage;

import dev.reliq.jms.message.CorruptMessageException;
import dev.reliq.jms.message.MessageCodec;
import dev.reliq.jms.message.ObjectMessagePolicy;
import dev.reliq.jms.message.ReliqBytesMessage;
import dev.reliq.jms.message.ReliqMapMessage;
import dev.reliq.jms.message.ReliqMessage;
import dev.reliq.jms.message.ReliqObjectMessage;
import dev.reliq.jms.message.ReliqStreamMessage;
import dev.reliq.jms.message.ReliqTextMessage;
import dev.reliq.jms.selector.MessageSelector;
import dev.reliq.queue.DeadLetterInfo;
import dev.reliq.queue.QueuedMessage;
import dev.reliq.queue.ReceivedMessage;

/**
 * Where the session meets the message model: creating, encoding for a queue, and turning a
 * received payload into a JMS message with its delivery headers.
 */
final class MessageBridge {

    /** Properties a message from a dead-letter queue carries, saying why and from where it came. */
    static final String DLQ_REASON = "JMS_ReliqDeadLetterReason";
    static final String DLQ_DETAIL = "JMS_ReliqDeadLetterDetail";
    static final String DLQ_ORIGIN = "JMS_ReliqDeadLetterOrigin";
    static final String DLQ_DELIVERIES = "JMS_ReliqDeadLetterDeliveries";
    static final String DLQ_FIRST_DELIVERY = "JMS_ReliqDeadLetterFirstDeliveryTime";
    static final String DLQ_LAST_DELIVERY = "JMS_ReliqDeadLetterLastDeliveryTime";
    static final String DLQ_TIME = "JMS_ReliqDeadLetterTime";

    private MessageBridge() {
    }

    static Message newMessage() {
        return new ReliqMessage();
    }

    static BytesMessage newBytesMessage() {
        return new ReliqBytesMessage();
    }

    static MapMessage newMapMessage() {
        return new ReliqMapMessage();
    }

    static StreamMessage newStreamMessage() {
        return new ReliqStreamMessage();
    }

    static ObjectMessage newObjectMessage(Serializable object) throws JMSException {
        ReliqObjectMessage message = new ReliqObjectMessage();
        if (object != null) {
            message.setObject(object);
        }
        return message;
    }

    static TextMessage newTextMessage(String text) throws JMSException {
        ReliqTextMessage message = new ReliqTextMessage();
        if (text != null) {
            message.setText(text);
        }
        return message;
    }

    /** The payload stored in Redis; a message of another provider is copied first. */
    static byte[] encode(Message message) throws JMSException {
        ReliqMessage reliq = message instanceof ReliqMessage own ? own : ReliqMessage.copyOf(message);
        return MessageCodec.encode(reliq);
    }

    /** A decoded message, or the reason it could not be decoded. */
    record Decoded(ReliqMessage message, String problem) {
    }

    /**
     * Decodes a received payload and sets what the delivery decides: JMSRedelivered and
     * JMSXDeliveryCount from the queue's delivery count, the dead-letter properties, the
     * ObjectMessage allow list, and the acknowledgement hook; then makes it read-only.
     */
    static Decoded decode(Delivery delivery, ReliqSession session) throws JMSException {
        ReceivedMessage received = delivery.received;
        ReliqMessage message;
        try {
            message = MessageCodec.decode(received.body());
        } catch (CorruptMessageException e) {
            return new Decoded(null, "not a JMS message: " + e.getMessage());
        }
        message.setJMSRedelivered(received.deliveries() > 1);
        message.setDeliveryCount(received.deliveries());
        if (received.deadLetter().isPresent()) {
            addDeadLetterProperties(message, received.deadLetter().get());
        }
        if (message instanceof ReliqObjectMessage object) {
            object.setObjectMessagePolicy(session.connection.objectMessagePolicy());
        }
        message.setAcknowledger(session::acknowledgeAll);
        message.markReceived();
        return new Decoded(message, null);
    }

    /**
     * A queued message as a browser shows it, before any consumer took it: read-only, with the
     * delivery count it would have if delivered now, the browsing connection's ObjectMessage
     * allow list and, in a dead-letter queue, the dead-letter properties a consumer would see.
     *
     * @throws CorruptMessageException when the payload is not a JMS message
     */
    static ReliqMessage browsed(QueuedMessage queued, ObjectMessagePolicy policy) throws CorruptMessageException {
        ReliqMessage message = withDeadLetterProperties(queued);
        message.setDeliveryCount(queued.deliveries() + 1);
        if (message instanceof ReliqObjectMessage object) {
            object.setObjectMessagePolicy(policy);
        }
        message.markReceived();
        return message;
    }

    /**
     * Whether a queued message matches a selector, seeing what a consumer would see: headers,
     * properties and, in a dead-letter queue, the dead-letter properties. A payload that cannot
     * be decoded "matches", so a selecting consumer claims it and it goes to the dead-letter
     * queue instead of blocking the queue.
     */
    static boolean matches(MessageSelector selector, QueuedMessage candidate) {
        try {
            return selector.matches(withDeadLetterProperties(candidate));
        } catch (CorruptMessageException e) {
            return true;
        }
    }

    private static ReliqMessage withDeadLetterProperties(QueuedMessage queued) throws CorruptMessageException {
        ReliqMessage message = MessageCodec.decode(queued.body());
        if (queued.deadLetter().isPresent()) {
            addDeadLetterProperties(message, queued.deadLetter().get());
        }
        return message;
    }

    /** Sets the JMS_ReliqDeadLetter* properties; works before the message is marked received. */
    private static void addDeadLetterProperties(ReliqMessage message, DeadLetterInfo info) {
        try {
            message.setStringProperty(DLQ_REASON, info.reason());
            if (!info.detail().isEmpty()) {
                message.setStringProperty(DLQ_DETAIL, info.detail());
            }
            message.setStringProperty(DLQ_ORIGIN, info.originQueue());
            message.setIntProperty(DLQ_DELIVERIES, info.deliveries());
            if (info.firstDeliveredAt().isPresent()) {
                message.setLongProperty(DLQ_FIRST_DELIVERY, info.firstDeliveredAt().get().toEpochMilli());
            }
            if (info.lastDeliveredAt().isPresent()) {
                message.setLongProperty(DLQ_LAST_DELIVERY, info.lastDeliveredAt().get().toEpochMilli());
            }
            message.setLongProperty(DLQ_TIME, info.deadLetteredAt().toEpochMilli());
        } catch (JMSException e) {
            throw new IllegalStateException("A decoded message refused a dead-letter property", e);
        }
    }

    /**
     * Whether a stored payload matches a selector, from its headers and properties alone.
     * Prefer {@link #matches(MessageSelector, QueuedMessage)}, which sees the dead-letter
     * properties too. A payload that cannot be decoded "matches" (see there).
     */
    static boolean matches(MessageSelector selector, byte[] payload) {
        try {
            return selector.matches(MessageCodec.decode(payload));
        } catch (CorruptMessageException e) {
            return true;
        }
    }
}
