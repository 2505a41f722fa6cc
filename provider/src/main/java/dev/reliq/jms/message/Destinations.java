package dev.reliq.jms.message;

import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import jakarta.jms.Queue;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TemporaryTopic;
import jakarta.jms.Topic;

import dev.reliq.jms.ReliqDestination;
import dev.reliq.jms.ReliqQueue;
import dev.reliq.jms.ReliqTopic;

/** Destinations in headers, as the text form of {@link ReliqDestination#toUri()}. */
final class Destinations {

    private Destinations() {
    }

    /**
     * The reliq destination for a header value: itself, or a reliq queue or topic of the same
     * name for one of another provider. Null when there is none, for a temporary destination of
     * another provider (which the specification lets a provider drop) or one without a name.
     */
    static ReliqDestination toReliq(Destination destination) {
        if (destination == null || destination instanceof ReliqDestination) {
            return (ReliqDestination) destination;
        }
        try {
            if (destination instanceof TemporaryQueue || destination instanceof TemporaryTopic) {
                return null;
            }
            if (destination instanceof Queue queue && nonEmpty(queue.getQueueName())) {
                return new ReliqQueue(queue.getQueueName());
            }
            if (destination instanceof Topic topic && nonEmpty(topic.getTopicName())) {
                return new ReliqTopic(topic.getTopicName());
            }
        } catch (JMSException e) {
            return null;
        }
        return null;
    }

    static String toUri(Destination destination) {
        ReliqDestination reliq = toReliq(destination);
        return reliq == null ? null : reliq.toUri();
    }

    static ReliqDestination fromUri(String uri, String header, int offset) throws CorruptMessageException {
        try {
            return ReliqDestination.fromUri(uri);
        } catch (IllegalArgumentException e) {
            throw new CorruptMessageException(header + " is '" + uri + "', which is not a destination such as"
                + " queue://name or topic://name", offset);
        }
    }

    private static boolean nonEmpty(String name) {
        return name != null && !name.isEmpty();
    }
}
