package dev.reliq.jms;

import java.util.List;

import dev.reliq.queue.OutgoingMessage;
import dev.reliq.queue.ReliableQueue;
import dev.reliq.queue.ReliableTopic;

/** Where a producer's messages go: a queue, or a topic's subscriptions. */
sealed interface SendTarget {

    /** The queue's or topic's name. */
    String name();

    boolean isTopic();

    /** Stores the messages atomically in one call. */
    void sendBatch(List<OutgoingMessage> messages);

    record ToQueue(ReliableQueue queue) implements SendTarget {
        @Override
        public String name() {
            return queue.name();
        }

        @Override
        public boolean isTopic() {
            return false;
        }

        @Override
        public void sendBatch(List<OutgoingMessage> messages) {
            queue.sendBatch(messages);
        }
    }

    record ToTopic(ReliableTopic topic, FanOut fanOut) implements SendTarget {
        @Override
        public String name() {
            return topic.name();
        }

        @Override
        public boolean isTopic() {
            return true;
        }

        @Override
        public void sendBatch(List<OutgoingMessage> messages) {
            topic.publish(messages, fanOut);
        }
    }
}
