package dev.reliq.jms.message;

import java.util.Enumeration;

import jakarta.jms.BytesMessage;
import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.MessageEOFException;
import jakarta.jms.ObjectMessage;
import jakarta.jms.StreamMessage;
import jakarta.jms.TextMessage;

/**
 * Copies messages another provider implemented into reliq messages, through the standard
 * interfaces only, as a provider must accept them (Jakarta Messaging 3.1, section 3.12).
 */
final class ForeignMessages {

    private ForeignMessages() {
    }

    static ReliqMessage copyOf(Message foreign) throws JMSException {
        if (foreign instanceof ReliqMessage reliq) {
            return decodeOwnEncoding(reliq);
        }
        ReliqMessage copy = copyBody(foreign);
        copyHeaders(foreign, copy);
        copyProperties(foreign, copy);
        return copy;
    }

    private static ReliqMessage decodeOwnEncoding(ReliqMessage message) throws JMSException {
        try {
            return MessageCodec.decode(MessageCodec.encode(message));
        } catch (CorruptMessageException e) {
            throw ReliqMessage.linked(new JMSException("Copying the message failed: " + e.getMessage()), e);
        }
    }

    private static ReliqMessage copyBody(Message foreign) throws JMSException {
        if (foreign instanceof TextMessage text) {
            ReliqTextMessage copy = new ReliqTextMessage();
            copy.setText(text.getText());
            return copy;
        }
        if (foreign instanceof BytesMessage bytes) {
            ReliqBytesMessage copy = new ReliqBytesMessage();
            bytes.reset();
            byte[] buffer = new byte[8192];
            for (int count = bytes.readBytes(buffer); count > 0; count = bytes.readBytes(buffer)) {
                copy.writeBytes(buffer, 0, count);
            }
            bytes.reset();
            return copy;
        }
        if (foreign instanceof MapMessage map) {
            ReliqMapMessage copy = new ReliqMapMessage();
            for (Enumeration<?> names = map.getMapNames(); names.hasMoreElements(); ) {
                String name = (String) names.nextElement();
                copy.setObject(name, map.getObject(name));
            }
            return copy;
        }
        if (foreign instanceof StreamMessage stream) {
            ReliqStreamMessage copy = new ReliqStreamMessage();
            stream.reset();
            try {
                while (true) {
                    copy.writeObject(stream.readObject());
                }
            } catch (MessageEOFException end) {
                // every field is copied
            }
            stream.reset();
            return copy;
        }
        if (foreign instanceof ObjectMessage object) {
            ReliqObjectMessage copy = new ReliqObjectMessage();
            copy.setObject(object.getObject());
            return copy;
        }
        return new ReliqMessage();
    }

    private static void copyHeaders(Message foreign, ReliqMessage copy) throws JMSException {
        copy.setJMSMessageID(foreign.getJMSMessageID());
        copy.setJMSTimestamp(foreign.getJMSTimestamp());
        String correlationId = foreign.getJMSCorrelationID();
        if (correlationId != null) {
            copy.setJMSCorrelationID(correlationId);
        } else {
            copy.setJMSCorrelationIDAsBytes(correlationIdAsBytes(foreign));
        }
        copy.setJMSReplyTo(Destinations.toReliq(foreign.getJMSReplyTo()));
        copy.setJMSDestination(Destinations.toReliq(foreign.getJMSDestination()));
        copy.setJMSDeliveryMode(foreign.getJMSDeliveryMode());
        copy.setJMSRedelivered(foreign.getJMSRedelivered());
        copy.setJMSType(foreign.getJMSType());
        copy.setJMSExpiration(foreign.getJMSExpiration());
        copy.setJMSDeliveryTime(foreign.getJMSDeliveryTime());
        copy.setJMSPriority(foreign.getJMSPriority());
    }

    /** Providers without native byte correlation IDs may refuse the call; that means there is none. */
    private static byte[] correlationIdAsBytes(Message foreign) {
        try {
            return foreign.getJMSCorrelationIDAsBytes();
        } catch (JMSException | UnsupportedOperationException e) {
            return null;
        }
    }

    private static void copyProperties(Message foreign, ReliqMessage copy) throws JMSException {
        for (Enumeration<?> names = foreign.getPropertyNames(); names.hasMoreElements(); ) {
            String name = (String) names.nextElement();
            try {
                copy.setObjectProperty(name, foreign.getObjectProperty(name));
            } catch (IllegalArgumentException e) {
                throw ReliqMessage.linked(new jakarta.jms.MessageFormatException("The message's property '" + name
                    + "' cannot be sent with reliq: " + e.getMessage()), e);
            }
        }
    }
}
