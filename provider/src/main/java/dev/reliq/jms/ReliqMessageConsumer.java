package dev.reliq.jms;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.jms.IllegalStateException;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.Queue;
import jakarta.jms.QueueReceiver;
import jakarta.jms.Topic;
import jakarta.jms.TopicSubscriber;

import dev.reliq.jms.selector.MessageSelector;
import dev.reliq.queue.BrowsePage;
import dev.reliq.queue.QueuedMessage;
import dev.reliq.queue.ReceivedMessage;
import dev.reliq.queue.ReliableQueue;

/**
 * A consumer of a queue, or of a topic subscription (which is a queue too). It takes up to {@code prefetch} messages from Redis at a time, and only
 * while its connection is started; prefetched messages are invisible to other consumers and
 * their leases are renewed, and closing the consumer gives back those it never delivered
 * without counting a delivery. With a message selector it looks for matching messages without
 * taking the others, which keep their place in the queue for other consumers.
 */
public class ReliqMessageConsumer implements QueueReceiver, TopicSubscriber {

    private static final Logger log = LoggerFactory.getLogger(ReliqMessageConsumer.class);
    /** How long one fetch waits; waiting loops fetch again, so a waiting receive costs about one call per poll interval. */
    private static final long FETCH_WAIT_MILLIS = 60_000;
    /** Ready messages a selector consumer examines per fetch before it yields. */
    private static final int SELECTOR_SCAN_LIMIT = 1000;
    private static final int SELECTOR_PAGE = 100;
    /** The deadline of a receive without timeout. */
    static final long NO_DEADLINE = Long.MAX_VALUE;

    private final ReliqSession session;
    private final ReliqDestination destination;
    private final ReliableQueue queue;
    private final MessageSelector selector;
    private final int prefetch;
    private final ArrayDeque<Delivery> prefetched = new ArrayDeque<>();
    private final BooleanSupplier mustStopWaiting;
    private volatile MessageListener listener;
    /** Where a selecting consumer's scan of the queue goes on (null: from the head). */
    private String selectorCursor;
    private Thread listenerThread;
    private volatile boolean closed;
    /** The subscription read, for a topic consumer; its selector was applied when messages were published. */
    private final TopicSubscriptions.Attached subscription;

    ReliqMessageConsumer(ReliqSession session, ReliqDestination destination, ReliableQueue queue, MessageSelector selector) {
        this(session, destination, queue, selector, null);
    }

    /** A consumer of a topic subscription, whose queue is {@code queue}. */
    ReliqMessageConsumer(ReliqSession session, ReliqDestination destination, ReliableQueue queue,
            TopicSubscriptions.Attached subscription) {
        this(session, destination, queue, MessageSelector.all(), subscription);
    }

    private ReliqMessageConsumer(ReliqSession session, ReliqDestination destination, ReliableQueue queue,
            MessageSelector selector, TopicSubscriptions.Attached subscription) {
        this.session = session;
        this.destination = destination;
        this.queue = queue;
        this.selector = selector;
        this.subscription = subscription;
        this.prefetch = session.connection.settings().prefetch();
        this.mustStopWaiting = () -> isClosed() || !session.connection.isStarted() || listenerChanged();
    }

    private volatile boolean listenerChanged;

    private boolean listenerChanged() {
        return listenerChanged;
    }

    ReliqDestination destination() {
        return destination;
    }

    boolean isClosed() {
        return closed || session.isClosed();
    }

    private void checkOpen() throws IllegalStateException {
        if (isClosed()) {
            throw JmsExceptions.closed("message consumer");
        }
    }

    @Override
    public String getMessageSelector() throws JMSException {
        checkOpen();
        if (subscription != null) {
            String text = subscription.subscription().selector();
            return text.isEmpty() ? null : text;
        }
        return selector.selectsAll() ? null : selector.text();
    }

    // ------------------------------------------------------------------ receive

    @Override
    public Message receive() throws JMSException {
        return receive(0);
    }

    /** Waits up to {@code timeout} ms (0: without limit) while the connection is started; null when nothing came. */
    @Override
    public Message receive(long timeout) throws JMSException {
        return doReceive(deadlineAfter(timeout), false);
    }

    /** The deadline of a receive with {@code timeout} ms; 0 (or less) means none, as in JMS. */
    static long deadlineAfter(long timeoutMillis) {
        if (timeoutMillis <= 0) {
            return NO_DEADLINE;
        }
        long now = System.nanoTime();
        long deadline = now + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        return deadline < now ? NO_DEADLINE : deadline; // a timeout too long to count in nanoseconds
    }

    private static long millisLeft(long deadlineNanos) {
        if (deadlineNanos == NO_DEADLINE) {
            return Long.MAX_VALUE;
        }
        return Math.max(0, TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime()));
    }

    private static boolean passed(long deadlineNanos) {
        return deadlineNanos != NO_DEADLINE && System.nanoTime() - deadlineNanos >= 0;
    }

    @Override
    public Message receiveNoWait() throws JMSException {
        return doReceive(System.nanoTime(), true);
    }

    Message doReceive(long deadlineNanos, boolean noWait) throws JMSException {
        return doReceive(deadlineNanos, noWait, message -> true);
    }

    /** Receives; a message {@code accept} refuses is given back (AUTO/DUPS_OK) and still returned. */
    Message doReceive(long deadlineNanos, boolean noWait, java.util.function.Predicate<Message> accept) throws JMSException {
        checkOpen();
        if (listener != null) {
            throw new IllegalStateException("receive is not allowed while a MessageListener is set on this consumer");
        }
        while (true) {
            if (isClosed()) {
                return null;
            }
            if (!session.connection.awaitStarted(deadlineNanos, this::isClosed)) {
                return null;
            }
            Delivery delivery = takePrefetched();
            if (delivery == null) {
                long leftMillis = noWait ? 0 : millisLeft(deadlineNanos);
                fetch(Math.min(leftMillis, FETCH_WAIT_MILLIS));
                delivery = takePrefetched();
                if (delivery == null) {
                    if (noWait || passed(deadlineNanos)) {
                        return null;
                    }
                    continue;
                }
            }
            Message message = session.deliverForReceive(delivery, accept, this::putBack);
            if (message != null) {
                return message;
            }
        }
    }

    // ------------------------------------------------------------------ prefetch

    /**
     * The next prefetched message still ours and not expired. A message whose time-to-live
     * passed while it waited here is never delivered: it is acknowledged away, as the queue
     * would have dropped it.
     */
    private Delivery takePrefetched() {
        while (true) {
            Delivery delivery;
            synchronized (this) {
                delivery = prefetched.poll();
            }
            if (delivery == null) {
                return null;
            }
            if (delivery.leaseLost()) {
                continue;
            }
            if (delivery.received.expiresAt().filter(t -> t.toEpochMilli() <= System.currentTimeMillis()).isPresent()) {
                dropExpired(delivery);
                continue;
            }
            return delivery;
        }
    }

    private void dropExpired(Delivery delivery) {
        try {
            queue.acknowledge(delivery.handle());
        } catch (RuntimeException e) {
            log.debug("Expired message {} of {} not removed now; the queue drops it when it comes back",
                delivery.received.id(), destination, e);
        }
    }

    private synchronized void putBack(Delivery delivery) {
        prefetched.addFirst(delivery);
    }

    /** Takes messages from Redis into the prefetch buffer, waiting up to {@code waitMillis} for the first. */
    private void fetch(long waitMillis) throws JMSException {
        List<ReceivedMessage> received;
        try {
            received = selector.selectsAll()
                ? queue.receive(prefetch, null, Duration.ofMillis(waitMillis), mustStopWaiting)
                : selectMatching(waitMillis);
        } catch (RuntimeException e) {
            session.connection.reportLost(e);
            throw JmsExceptions.fromQueue(e);
        }
        if (received.isEmpty()) {
            return;
        }
        List<Delivery> deliveries = new ArrayList<>(received.size());
        received.forEach(r -> deliveries.add(new Delivery(queue, r)));
        synchronized (this) {
            if (!isClosed()) {
                prefetched.addAll(deliveries);
                return;
            }
        }
        giveBack(deliveries); // closed while fetching
    }

    /**
     * Browses the ready messages in delivery order, evaluates the selector on each, and claims
     * the matching ones; the others are not touched. A scan goes on from where the last one
     * stopped, so a match far down a long queue is found, examining at most
     * {@code SELECTOR_SCAN_LIMIT} messages per fetch; at the end of the queue it starts again
     * from the head once, then waits for news. Unreadable messages are claimed too, so they
     * reach the dead-letter queue instead of being examined forever.
     */
    private List<ReceivedMessage> selectMatching(long waitMillis) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMillis);
        boolean fromHead = selectorCursor == null;
        while (true) {
            long seen = queue.wakeVersion();
            List<String> matching = new ArrayList<>();
            int examined = 0;
            boolean atEnd = false;
            while (matching.size() < prefetch && examined < SELECTOR_SCAN_LIMIT) {
                BrowsePage page = queue.browse(selectorCursor, SELECTOR_PAGE);
                for (QueuedMessage candidate : page.messages()) {
                    examined++;
                    selectorCursor = candidate.position();
                    if (MessageBridge.matches(selector, candidate)) {
                        matching.add(candidate.id());
                        if (matching.size() >= prefetch) {
                            break;
                        }
                    }
                }
                if (page.nextCursor().isEmpty() && matching.size() < prefetch) {
                    atEnd = true;
                    break;
                }
                if (matching.size() < prefetch) {
                    selectorCursor = page.nextCursor().get();
                }
            }
            if (!matching.isEmpty()) {
                List<ReceivedMessage> claimed = queue.claim(matching, null);
                if (!claimed.isEmpty()) {
                    return claimed;
                }
                continue; // others took them first: look on
            }
            if (!atEnd) {
                return List.of(); // the scan limit: the caller fetches again and the scan goes on
            }
            selectorCursor = null;
            if (!fromHead) {
                fromHead = true; // messages may have arrived or come back before where this scan began
                continue;
            }
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (left <= 0 || mustStopWaiting.getAsBoolean()) {
                return List.of();
            }
            queue.awaitWake(seen, Duration.ofMillis(left));
            if (mustStopWaiting.getAsBoolean()) {
                return List.of();
            }
        }
    }

    /** Gives prefetched messages back at once, without counting a delivery (recover, close). */
    void releasePrefetched() {
        List<Delivery> drained;
        synchronized (this) {
            drained = new ArrayList<>(prefetched);
            prefetched.clear();
        }
        giveBack(drained);
    }

    private void giveBack(List<Delivery> deliveries) {
        List<String> handles = new ArrayList<>();
        for (Delivery d : deliveries) {
            if (!d.leaseLost()) {
                handles.add(d.handle());
            }
        }
        if (handles.isEmpty()) {
            return;
        }
        try {
            queue.releaseUndelivered(handles);
        } catch (RuntimeException e) {
            log.debug("Prefetched messages of {} not given back now; they return after their visibility timeout",
                destination, e);
        }
    }

    synchronized void collectDueForRenewal(long nowNanos, Duration maxLease, List<Delivery> due) {
        for (Delivery d : prefetched) {
            if (d.dueForRenewal(nowNanos, maxLease)) {
                due.add(d);
            }
        }
    }

    /** Makes this consumer's waiting receive or listener thread look at its state again. */
    void wake() {
        queue.wakeWaiters();
        session.connection.wakeStartWaiters();
    }

    // ------------------------------------------------------------------ listener

    @Override
    public MessageListener getMessageListener() throws JMSException {
        checkOpen();
        return listener;
    }

    /**
     * Sets (or, with null, removes) the listener. Messages are delivered to it one at a time per
     * session, on a thread of the consumer, while the connection is started.
     */
    @Override
    public void setMessageListener(MessageListener newListener) throws JMSException {
        checkOpen();
        Thread previous;
        synchronized (this) {
            previous = listenerThread;
            listener = newListener;
            listenerChanged = true;
            listenerThread = null;
        }
        wake();
        if (previous != null && previous != Thread.currentThread()) {
            joinQuietly(previous);
        }
        synchronized (this) {
            listenerChanged = false;
            if (newListener != null && !isClosed()) {
                listenerThread = new Thread(() -> listen(newListener), "reliq-listener-" + destination.name());
                listenerThread.setDaemon(true);
                listenerThread.start();
            }
        }
    }

    private void listen(MessageListener own) {
        while (!isClosed() && listener == own && !listenerChanged) {
            try {
                if (!session.connection.awaitStarted(System.nanoTime() + TimeUnit.SECONDS.toNanos(1),
                        () -> isClosed() || listener != own || listenerChanged)) {
                    continue;
                }
                Delivery delivery = takePrefetched();
                if (delivery == null) {
                    fetch(FETCH_WAIT_MILLIS);
                    continue;
                }
                if (!session.dispatch(this, delivery, own)) {
                    putBack(delivery);
                }
            } catch (JMSException e) {
                backOff(); // Redis unreachable: reported to the ExceptionListener; try again shortly
            } catch (RuntimeException e) {
                log.warn("Unexpected failure delivering from {}", destination, e);
                backOff();
            }
        }
    }

    private void backOff() {
        try {
            TimeUnit.MILLISECONDS.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ------------------------------------------------------------------ close

    /**
     * Closes the consumer: a receive in progress returns null, a running listener call is
     * waited for (unless this is called from it), and prefetched messages go back to the queue
     * at once. Messages already delivered stay with the session for acknowledgement.
     */
    @Override
    public void close() throws JMSException {
        Thread thread;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            thread = listenerThread;
        }
        wake();
        if (thread != null && thread != Thread.currentThread()) {
            joinQuietly(thread);
        }
        releasePrefetched();
        session.consumerClosed(this);
        if (subscription != null) {
            try {
                // Messages consumed from a subscription that ends now cannot be acknowledged or
                // given back any more: the session forgets them rather than fail a later commit.
                subscription.close(() -> session.forgetDeliveriesFrom(queue.name()));
            } catch (RuntimeException e) {
                log.debug("Subscription {} not released now; a non-durable one is reaped once this connection's lease"
                    + " lapses", subscription.queue(), e);
            }
        }
    }

    private static void joinQuietly(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ------------------------------------------------------------------ legacy interfaces

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

    @Override
    public boolean getNoLocal() throws JMSException {
        checkOpen();
        return subscription != null && subscription.subscription().noLocal();
    }

    @Override
    public String toString() {
        return "ReliqMessageConsumer[" + destination + (selector.selectsAll() ? "" : ", selector=" + selector.text()) + "]";
    }
}
