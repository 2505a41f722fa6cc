package dev.reliq.jms;

import java.util.ArrayDeque;
import java.util.Enumeration;
import java.util.NoSuchElementException;

import jakarta.jms.IllegalStateException;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;

import dev.reliq.jms.message.CorruptMessageException;
import dev.reliq.jms.message.ReliqMessage;
import dev.reliq.jms.selector.MessageSelector;
import dev.reliq.queue.BrowsePage;
import dev.reliq.queue.QueuedMessage;
import dev.reliq.queue.ReliableQueue;

/**
 * Looks at the ready messages of a queue, in delivery order, without taking them. The
 * enumeration reads the queue a page at a time as it goes, so it shows messages that arrive
 * while it runs if they come after its position; messages in flight are not shown.
 */
public class ReliqQueueBrowser implements QueueBrowser {

    private static final int PAGE = 100;

    private final ReliqSession session;
    private final Queue queue;
    private final ReliableQueue reliable;
    private final MessageSelector selector;
    private volatile boolean closed;

    ReliqQueueBrowser(ReliqSession session, Queue queue, ReliableQueue reliable, MessageSelector selector) {
        this.session = session;
        this.queue = queue;
        this.reliable = reliable;
        this.selector = selector;
    }

    private void checkOpen() throws IllegalStateException {
        if (closed || session.isClosed()) {
            throw JmsExceptions.closed("queue browser");
        }
    }

    @Override
    public Queue getQueue() throws JMSException {
        checkOpen();
        return queue;
    }

    @Override
    public String getMessageSelector() throws JMSException {
        checkOpen();
        return selector.selectsAll() ? null : selector.text();
    }

    @Override
    public Enumeration<Message> getEnumeration() throws JMSException {
        checkOpen();
        return new Pages();
    }

    @Override
    public void close() throws JMSException {
        closed = true;
        session.browserClosed(this);
    }

    void markClosed() {
        closed = true;
    }

    /** Reads pages lazily; unreadable and non-matching messages are skipped. */
    private final class Pages implements Enumeration<Message> {
        private final ArrayDeque<Message> buffered = new ArrayDeque<>();
        private String cursor;
        private boolean exhausted;

        @Override
        public boolean hasMoreElements() {
            while (buffered.isEmpty() && !exhausted && !closed) {
                BrowsePage page;
                try {
                    page = reliable.browse(cursor, PAGE);
                } catch (RuntimeException e) {
                    throw new java.lang.IllegalStateException(JmsExceptions.fromQueue(e).getMessage(), e);
                }
                for (QueuedMessage queued : page.messages()) {
                    try {
                        ReliqMessage message = MessageBridge.browsed(queued, session.connection.objectMessagePolicy());
                        if (selector.matches(message)) {
                            buffered.add(message);
                        }
                    } catch (CorruptMessageException unreadable) {
                        // a consumer dead-letters it; a browser only skips it
                    }
                }
                cursor = page.nextCursor().orElse(null);
                exhausted = cursor == null;
            }
            return !buffered.isEmpty();
        }

        @Override
        public Message nextElement() {
            if (!hasMoreElements()) {
                throw new NoSuchElementException("No more messages in " + queue);
            }
            return buffered.poll();
        }
    }

    @Override
    public String toString() {
        return "ReliqQueueBrowser[" + queue + "]";
    }
}
