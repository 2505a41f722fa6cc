package dev.reliq.jms;

import java.time.Duration;

import jakarta.jms.CompletionListener;
import jakarta.jms.DeliveryMode;
import jakarta.jms.Destination;
import jakarta.jms.IllegalStateException;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageFormatException;
import jakarta.jms.Queue;
import jakarta.jms.QueueSender;
import jakarta.jms.Topic;
import jakarta.jms.TopicPublisher;

import dev.reliq.queue.OutgoingMessage;

/**
 * A producer, for one destination or (created with null) for any. Sending sets the message's
 * headers (JMSDestination, JMSDeliveryMode, JMSPriority, JMSMessageID, JMSTimestamp,
 * JMSExpiration, JMSDeliveryTime) on the message object given, then stores it in the queue, or
 * holds it back until commit in a transacted session. Persistent and non-persistent messages
 * are stored alike: as durably as the Redis server keeps its data.
 */
public class ReliqMessageProducer implements QueueSender, TopicPublisher {

    private final ReliqSession session;
    private final ReliqDestination destination;
    private volatile boolean closed;
    private int deliveryMode = DeliveryMode.PERSISTENT;
    private int priority = Message.DEFAULT_PRIORITY;
    private long timeToLive = Message.DEFAULT_TIME_TO_LIVE;
    private long deliveryDelay = Message.DEFAULT_DELIVERY_DELAY;
    private boolean disableMessageId;
    private boolean disableMessageTimestamp;

    ReliqMessageProducer(ReliqSession session, ReliqDestination destination) {
        this.session = session;
        this.destination = destination;
    }

    private void checkOpen() throws IllegalStateException {
        if (closed || session.isClosed()) {
            throw JmsExceptions.closed("message producer");
        }
    }

    // ------------------------------------------------------------------ settings

    @Override
    public void setDisableMessageID(boolean value) throws JMSException {
        checkOpen();
        disableMessageId = value;
    }

    @Override
    public boolean getDisableMessageID() throws JMSException {
        checkOpen();
        return disableMessageId;
    }

    @Override
    public void setDisableMessageTimestamp(boolean value) throws JMSException {
        checkOpen();
        disableMessageTimestamp = value;
    }

    @Override
    public boolean getDisableMessageTimestamp() throws JMSException {
        checkOpen();
        return disableMessageTimestamp;
    }

    @Override
    public void setDeliveryMode(int mode) throws JMSException {
        checkOpen();
        deliveryMode = validDeliveryMode(mode);
    }

    @Override
    public int getDeliveryMode() throws JMSException {
        checkOpen();
        return deliveryMode;
    }

    @Override
    public void setPriority(int value) throws JMSException {
        checkOpen();
        priority = validPriority(value);
    }

    @Override
    public int getPriority() throws JMSException {
        checkOpen();
        return priority;
    }

    @Override
    public void setTimeToLive(long value) throws JMSException {
        checkOpen();
        timeToLive = value;
    }

    @Override
    public long getTimeToLive() throws JMSException {
        checkOpen();
        return timeToLive;
    }

    @Override
    public void setDeliveryDelay(long value) throws JMSException {
        checkOpen();
        deliveryDelay = value;
    }

    @Override
    public long getDeliveryDelay() throws JMSException {
        checkOpen();
        return deliveryDelay;
    }

    @Override
    public Destination getDestination() throws JMSException {
        checkOpen();
        return destination;
    }

    @Override
    public Queue getQueue() throws JMSException {
        checkOpen();
        return destination instanceof Queue q ? q : null;
    }

    @Override
    public Topic getTopic() throws JMSException {
        checkOpen();
        return destination instanceof Topic t ? t : null;
    }

    static int validDeliveryMode(int mode) throws JMSException {
        if (mode != DeliveryMode.PERSISTENT && mode != DeliveryMode.NON_PERSISTENT) {
            throw new JMSException("Invalid delivery mode " + mode + ": use DeliveryMode.PERSISTENT (2) or NON_PERSISTENT (1)");
        }
        return mode;
    }

    static int validPriority(int value) throws JMSException {
        if (value < 0 || value > 9) {
            throw new JMSException("Invalid priority " + value + ": JMS priorities are 0 (lowest) to 9 (highest)");
        }
        return value;
    }

    // ------------------------------------------------------------------ sending

    @Override
    public void send(Message message) throws JMSException {
        send(message, deliveryMode, priority, timeToLive);
    }

    @Override
    public void send(Message message, int mode, int prio, long ttl) throws JMSException {
        checkOpen();
        if (destination == null) {
            throw new UnsupportedOperationException("This producer has no destination: use send(destination, message)");
        }
        sendTo(destination, message, mode, prio, ttl, null);
    }

    @Override
    public void send(Destination target, Message message) throws JMSException {
        send(target, message, deliveryMode, priority, timeToLive);
    }

    @Override
    public void send(Destination target, Message message, int mode, int prio, long ttl) throws JMSException {
        checkOpen();
        if (destination != null) {
            throw new UnsupportedOperationException("This producer sends to " + destination
                + "; create a producer without destination to choose one per message");
        }
        if (target == null) {
            throw new InvalidDestinationException("The destination must not be null");
        }
        sendTo(ReliqSession.toReliq(target), message, mode, prio, ttl, null);
    }

    @Override
    public void send(Message message, CompletionListener completionListener) throws JMSException {
        send(message, deliveryMode, priority, timeToLive, completionListener);
    }

    @Override
    public void send(Message message, int mode, int prio, long ttl, CompletionListener completionListener)
            throws JMSException {
        checkOpen();
        requireListener(completionListener);
        if (destination == null) {
            throw new UnsupportedOperationException("This producer has no destination: use send(destination, message, listener)");
        }
        sendTo(destination, message, mode, prio, ttl, completionListener);
    }

    @Override
    public void send(Destination target, Message message, CompletionListener completionListener) throws JMSException {
        send(target, message, deliveryMode, priority, timeToLive, completionListener);
    }

    @Override
    public void send(Destination target, Message message, int mode, int prio, long ttl,
            CompletionListener completionListener) throws JMSException {
        checkOpen();
        requireListener(completionListener);
        if (destination != null) {
            throw new UnsupportedOperationException("This producer sends to " + destination
                + "; create a producer without destination to choose one per message");
        }
        if (target == null) {
            throw new InvalidDestinationException("The destination must not be null");
        }
        sendTo(ReliqSession.toReliq(target), message, mode, prio, ttl, completionListener);
    }

    private static void requireListener(CompletionListener listener) {
        if (listener == null) {
            throw new IllegalArgumentException("The CompletionListener must not be null");
        }
    }

    /**
     * Sets the headers, encodes and stores the message. With a completion listener, the send is
     * done before this returns and the listener is told on the session's callback thread, in
     * send order.
     */
    private void sendTo(ReliqDestination target, Message message, int mode, int prio, long ttl,
            CompletionListener completionListener) throws JMSException {
        if (message == null) {
            throw new MessageFormatException("The message to send must not be null");
        }
        validDeliveryMode(mode);
        validPriority(prio);
        long now = System.currentTimeMillis();
        message.setJMSDestination(target);
        message.setJMSDeliveryMode(mode);
        message.setJMSPriority(prio);
        message.setJMSExpiration(ttl > 0 ? now + ttl : 0);
        message.setJMSTimestamp(disableMessageTimestamp ? 0 : now);
        message.setJMSMessageID(disableMessageId ? null : session.connection.newMessageId());
        message.setJMSDeliveryTime(now + Math.max(0, deliveryDelay));
        byte[] payload = MessageBridge.encode(message);
        OutgoingMessage outgoing = new OutgoingMessage(payload, prio, Duration.ofMillis(Math.max(0, deliveryDelay)),
            Duration.ofMillis(Math.max(0, ttl)));
        if (completionListener == null) {
            session.send(target, outgoing);
            return;
        }
        try {
            session.send(target, outgoing);
        } catch (JMSException e) {
            session.complete(() -> completionListener.onException(message, e));
            return;
        }
        session.complete(() -> completionListener.onCompletion(message));
    }

    // ------------------------------------------------------------------ legacy interfaces

    @Override
    public void send(Queue queue, Message message) throws JMSException {
        send((Destination) queue, message);
    }

    @Override
    public void send(Queue queue, Message message, int mode, int prio, long ttl) throws JMSException {
        send((Destination) queue, message, mode, prio, ttl);
    }

    @Override
    public void publish(Message message) throws JMSException {
        send(message);
    }

    @Override
    public void publish(Message message, int mode, int prio, long ttl) throws JMSException {
        send(message, mode, prio, ttl);
    }

    @Override
    public void publish(Topic topic, Message message) throws JMSException {
        send(topic, message);
    }

    @Override
    public void publish(Topic topic, Message message, int mode, int prio, long ttl) throws JMSException {
        send(topic, message, mode, prio, ttl);
    }

    // ------------------------------------------------------------------ close

    /**
     * Closes the producer once the CompletionListener callbacks of its asynchronous sends have
     * returned, as the specification of asynchronous send requires.
     */
    @Override
    public void close() throws JMSException {
        if (closed) {
            return;
        }
        if (session.isCompletionCallbackThread()) {
            throw new IllegalStateException("A CompletionListener must not close its own producer");
        }
        session.awaitCompletions();
        closed = true;
        session.producerClosed(this);
    }

    void markClosed() {
        closed = true;
    }

    @Override
    public String toString() {
        return "ReliqMessageProducer[" + (destination == null ? "any destination" : destination) + "]";
    }
}
