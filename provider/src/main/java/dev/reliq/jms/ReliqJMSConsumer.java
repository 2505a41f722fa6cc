package dev.reliq.jms;

import jakarta.jms.BytesMessage;
import jakarta.jms.IllegalStateRuntimeException;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.MessageFormatRuntimeException;
import jakarta.jms.MessageListener;
import jakarta.jms.ObjectMessage;
import jakarta.jms.TextMessage;

/** The simplified API's consumer, over a {@link ReliqMessageConsumer}. */
public class ReliqJMSConsumer implements JMSConsumer {

    private final ReliqMessageConsumer consumer;
    private final boolean listenersAllowed;

    ReliqJMSConsumer(ReliqMessageConsumer consumer, boolean listenersAllowed) {
        this.consumer = consumer;
        this.listenersAllowed = listenersAllowed;
    }

    private void checkListenersAllowed(String method) {
        if (!listenersAllowed) {
            throw new IllegalStateRuntimeException("JMSConsumer." + method + " is not allowed in a Jakarta EE web or EJB"
                + " container (Jakarta Messaging 12.2)");
        }
    }

    @Override
    public String getMessageSelector() {
        return ReliqContext.call(consumer::getMessageSelector);
    }

    @Override
    public MessageListener getMessageListener() {
        checkListenersAllowed("getMessageListener");
        return ReliqContext.call(consumer::getMessageListener);
    }

    @Override
    public void setMessageListener(MessageListener listener) {
        checkListenersAllowed("setMessageListener");
        ReliqContext.run(() -> consumer.setMessageListener(listener));
    }

    @Override
    public Message receive() {
        return ReliqContext.call(consumer::receive);
    }

    @Override
    public Message receive(long timeout) {
        return ReliqContext.call(() -> consumer.receive(timeout));
    }

    @Override
    public Message receiveNoWait() {
        return ReliqContext.call(consumer::receiveNoWait);
    }

    @Override
    public void close() {
        ReliqContext.run(consumer::close);
    }

    @Override
    public <T> T receiveBody(Class<T> c) {
        return receiveBody(c, ReliqMessageConsumer.NO_DEADLINE, false);
    }

    @Override
    public <T> T receiveBody(Class<T> c, long timeout) {
        return receiveBody(c, ReliqMessageConsumer.deadlineAfter(timeout), false);
    }

    @Override
    public <T> T receiveBodyNoWait(Class<T> c) {
        return receiveBody(c, System.nanoTime(), true);
    }

    /**
     * Receives and returns the body. A message whose body cannot be returned as {@code c} (or
     * a plain Message or StreamMessage, which receiveBody cannot return) is not consumed in
     * AUTO/DUPS_OK mode: it goes back to the queue and this throws MessageFormatRuntimeException.
     */
    private <T> T receiveBody(Class<T> c, long deadlineNanos, boolean noWait) {
        Message message = ReliqContext.call(() -> consumer.doReceive(deadlineNanos, noWait, m -> bodyFits(m, c)));
        if (message == null) {
            return null;
        }
        if (!bodyFits(message, c)) {
            throw new MessageFormatRuntimeException("The message received has no body, or one that cannot be returned as "
                + c.getTypeName() + " (" + message.getClass().getSimpleName() + "); receive it with receive() instead");
        }
        return ReliqContext.call(() -> message.getBody(c));
    }

    private static boolean bodyFits(Message message, Class<?> c) {
        if (!(message instanceof TextMessage || message instanceof BytesMessage || message instanceof MapMessage
                || message instanceof ObjectMessage)) {
            return false;
        }
        try {
            // "no body" (null text or object, empty map or bytes) cannot be returned either
            return message.isBodyAssignableTo(c) && message.getBody(c) != null;
        } catch (JMSException | RuntimeException e) {
            return false;
        }
    }
}
