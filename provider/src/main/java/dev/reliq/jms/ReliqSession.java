package dev.reliq.jms;

import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.jms.BytesMessage;
import jakarta.jms.Destination;
import jakarta.jms.IllegalStateException;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageListener;
import jakarta.jms.MessageProducer;
import jakarta.jms.ObjectMessage;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.QueueReceiver;
import jakarta.jms.QueueSender;
import jakarta.jms.QueueSession;
import jakarta.jms.Session;
import jakarta.jms.StreamMessage;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TemporaryTopic;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import jakarta.jms.TopicPublisher;
import jakarta.jms.TopicSession;
import jakarta.jms.TopicSubscriber;
import jakarta.jms.TransactionRolledBackException;

import dev.reliq.jms.selector.MessageSelector;
import dev.reliq.queue.HandleResults;
import dev.reliq.queue.MessageTooLargeException;
import dev.reliq.queue.OutgoingMessage;
import dev.reliq.queue.ReliableQueue;

/**
 * A JMS session on reliable queues. How its modes map onto them:
 * <ul>
 *   <li>AUTO_ACKNOWLEDGE and DUPS_OK_ACKNOWLEDGE: a message is acknowledged (deleted) when
 *       {@code receive} returns it, or when {@code onMessage} returns normally; if
 *       {@code onMessage} throws, it is released and delivered again after the queue's
 *       redelivery backoff.</li>
 *   <li>CLIENT_ACKNOWLEDGE: {@code Message.acknowledge()} acknowledges every message the
 *       session has delivered so far; {@code recover()} releases them for redelivery.</li>
 *   <li>SESSION_TRANSACTED: sends are held back until {@code commit}; consumed messages are
 *       acknowledged on {@code commit} and released on {@code rollback}.</li>
 * </ul>
 * While a message is held (prefetched, or delivered and not yet settled) its lease is renewed,
 * so it is not delivered to anybody else, for at most {@code maxLease}. A settlement that comes
 * after the lease was lost (the visibility timeout passed and the message went back to the
 * queue) changes nothing and raises a JMSException saying so.
 */
public class ReliqSession implements QueueSession, TopicSession {

    private static final Logger log = LoggerFactory.getLogger(ReliqSession.class);

    /** The listener or completion callback running on the current thread, and whose session it is. */
    private static final ThreadLocal<Callback> CALLBACK = new ThreadLocal<>();

    private record Callback(ReliqSession session, boolean completion) {
    }

    final ReliqConnection connection;
    private final int mode;
    private final Object lock = new Object();
    /** Held while a listener runs, so a session delivers one message at a time. */
    private final ReentrantLock delivering = new ReentrantLock();
    private final List<ReliqMessageConsumer> consumers = new CopyOnWriteArrayList<>();
    private final List<ReliqMessageProducer> producers = new CopyOnWriteArrayList<>();
    private final List<ReliqQueueBrowser> browsers = new CopyOnWriteArrayList<>();
    private final List<Delivery> unacknowledged = new ArrayList<>();
    private final List<PendingSend> pendingSends = new ArrayList<>();
    /** The name of this transaction's commit record while a commit that sends and acknowledges runs. */
    private String commitRecord;
    /**
     * The transaction was prepared for a transaction manager, whose record
     * ({@code <prefix>:xa:prepared}) recovery finishes it from: its commit keeps no record of its own.
     */
    private boolean preparedForTransactionManager;
    private volatile boolean closed;
    private ExecutorService completions;
    /** AUTO/DUPS_OK: recover() was called inside onMessage, so that message goes back instead of being acknowledged. */
    private boolean redeliverCurrent;

    ReliqSession(ReliqConnection connection, int mode) {
        this.connection = connection;
        this.mode = mode;
    }

    // ------------------------------------------------------------------ modes and state

    @Override
    public boolean getTransacted() throws JMSException {
        checkOpen();
        return mode == SESSION_TRANSACTED;
    }

    @Override
    public int getAcknowledgeMode() throws JMSException {
        checkOpen();
        return mode;
    }

    int mode() {
        return mode;
    }

    boolean isClosed() {
        return closed || connection.isClosed();
    }

    void checkOpen() throws IllegalStateException {
        if (isClosed()) {
            throw JmsExceptions.closed("session");
        }
    }

    /** A listener or completion callback must not stop or close its own connection or session. */
    static void refuseFromOwnCallback(ReliqConnection connection, String what) throws IllegalStateException {
        Callback current = CALLBACK.get();
        if (current != null && current.session().connection == connection) {
            throw new IllegalStateException("A MessageListener or CompletionListener must not " + what);
        }
    }

    /** Refuses an operation from this session's listener or completion callbacks (or completion callbacks only). */
    private void refuseFromOwnCallback(String what, boolean completionOnly) throws IllegalStateException {
        Callback current = CALLBACK.get();
        if (current != null && current.session() == this && (current.completion() || !completionOnly)) {
            throw new IllegalStateException("A " + (current.completion() ? "CompletionListener" : "MessageListener")
                + " must not " + what);
        }
    }

    /** True on the thread of one of this session's CompletionListener callbacks. */
    boolean isCompletionCallbackThread() {
        Callback current = CALLBACK.get();
        return current != null && current.session() == this && current.completion();
    }

    /** True on the thread of one of this session's MessageListener calls. */
    boolean isListenerThread() {
        Callback current = CALLBACK.get();
        return current != null && current.session() == this && !current.completion();
    }

    // ------------------------------------------------------------------ messages

    @Override
    public Message createMessage() throws JMSException {
        checkOpen();
        return MessageBridge.newMessage();
    }

    @Override
    public BytesMessage createBytesMessage() throws JMSException {
        checkOpen();
        return MessageBridge.newBytesMessage();
    }

    @Override
    public MapMessage createMapMessage() throws JMSException {
        checkOpen();
        return MessageBridge.newMapMessage();
    }

    @Override
    public ObjectMessage createObjectMessage() throws JMSException {
        checkOpen();
        return MessageBridge.newObjectMessage(null);
    }

    @Override
    public ObjectMessage createObjectMessage(Serializable object) throws JMSException {
        checkOpen();
        return MessageBridge.newObjectMessage(object);
    }

    @Override
    public StreamMessage createStreamMessage() throws JMSException {
        checkOpen();
        return MessageBridge.newStreamMessage();
    }

    @Override
    public TextMessage createTextMessage() throws JMSException {
        checkOpen();
        return MessageBridge.newTextMessage(null);
    }

    @Override
    public TextMessage createTextMessage(String text) throws JMSException {
        checkOpen();
        return MessageBridge.newTextMessage(text);
    }

    // ------------------------------------------------------------------ destinations

    @Override
    public Queue createQueue(String queueName) throws JMSException {
        checkOpen();
        return new ReliqQueue(validDestinationName(queueName, "queue"));
    }

    @Override
    public Topic createTopic(String topicName) throws JMSException {
        checkOpen();
        return new ReliqTopic(validDestinationName(topicName, "topic"));
    }

    @Override
    public TemporaryQueue createTemporaryQueue() throws JMSException {
        checkOpen();
        return connection.createTemporaryQueue();
    }

    @Override
    public TemporaryTopic createTemporaryTopic() throws JMSException {
        checkOpen();
        return connection.createTemporaryTopic();
    }

    private static String validDestinationName(String name, String kind) throws InvalidDestinationException {
        if (name == null || name.isEmpty()) {
            throw new InvalidDestinationException("A " + kind + " name must not be null or empty");
        }
        for (int i = 0; i < name.length(); i++) {
            if (Character.isISOControl(name.charAt(i))) {
                throw new InvalidDestinationException("A " + kind + " name must not contain control characters");
            }
        }
        if (name.length() > 1024) {
            throw new InvalidDestinationException("A " + kind + " name must be at most 1024 characters");
        }
        return name;
    }

    /** This provider's form of any Destination (another provider's included). */
    static ReliqDestination toReliq(Destination destination) throws JMSException {
        if (destination == null) {
            throw new InvalidDestinationException("The destination must not be null");
        }
        if (destination instanceof ReliqDestination reliq) {
            return reliq;
        }
        if (destination instanceof Queue queue) {
            return new ReliqQueue(validDestinationName(queue.getQueueName(), "queue"));
        }
        if (destination instanceof Topic topic) {
            return new ReliqTopic(validDestinationName(topic.getTopicName(), "topic"));
        }
        throw new InvalidDestinationException("Unknown kind of destination: " + destination);
    }

    /** The reliable queue behind a queue destination. */
    ReliableQueue queueFor(ReliqDestination destination) throws JMSException {
        if (!destination.isQueue()) {
            throw new InvalidDestinationException(destination + " is a topic, not a queue");
        }
        if (destination.isTemporary() && !connection.temporaryDestinationExists(destination.name())) {
            throw new InvalidDestinationException("Temporary queue " + destination.name() + " does not exist (any more)");
        }
        return connection.client().queue(destination.name());
    }

    // ------------------------------------------------------------------ producers, consumers, browsers

    @Override
    public MessageProducer createProducer(Destination destination) throws JMSException {
        checkOpen();
        ReliqDestination target = destination == null ? null : toReliq(destination);
        ReliqMessageProducer producer = new ReliqMessageProducer(this, target);
        producers.add(producer);
        return producer;
    }

    /**
     * An anonymous producer the session does not keep track of, for JMSContext.createProducer:
     * applications often create one per send, and a closed session refuses its use anyway.
     */
    ReliqMessageProducer createUntrackedProducer() throws JMSException {
        checkOpen();
        return new ReliqMessageProducer(this, null);
    }

    @Override
    public MessageConsumer createConsumer(Destination destination) throws JMSException {
        return createConsumer(destination, null, false);
    }

    @Override
    public MessageConsumer createConsumer(Destination destination, String messageSelector) throws JMSException {
        return createConsumer(destination, messageSelector, false);
    }

    @Override
    public MessageConsumer createConsumer(Destination destination, String messageSelector, boolean noLocal)
            throws JMSException {
        checkOpen();
        ReliqDestination source = toReliq(destination);
        MessageSelector selector = MessageSelector.parse(messageSelector);
        if (!source.isQueue()) {
            return subscribe((ReliqTopic) source, TopicSubscriptions.Kind.UNNAMED, null, selector, noLocal);
        }
        if (source.isTemporary() && !connection.ownsTemporary(source)) {
            throw new InvalidDestinationException("Temporary queue " + source.name()
                + " belongs to another connection; only the connection that created it can consume from it");
        }
        ReliqMessageConsumer consumer = new ReliqMessageConsumer(this, source, queueFor(source), selector);
        consumers.add(consumer);
        return consumer;
    }

    /** A consumer of a topic subscription: made or found, then attached to (see {@link TopicSubscriptions}). */
    private ReliqMessageConsumer subscribe(Topic topic, TopicSubscriptions.Kind kind, String name, String messageSelector,
            boolean noLocal) throws JMSException {
        checkOpen();
        return subscribe(topicToSubscribe(topic), kind, name, MessageSelector.parse(messageSelector), noLocal);
    }

    private static ReliqTopic topicToSubscribe(Topic topic) throws JMSException {
        if (topic == null) {
            throw new InvalidDestinationException("The topic must not be null");
        }
        ReliqDestination source = toReliq(topic);
        if (source.isQueue()) {
            throw new InvalidDestinationException(source + " is a queue; subscriptions are made on topics");
        }
        return (ReliqTopic) source;
    }

    /**
     * A consumer on the shared subscription {@code name} of {@code topic}, durable or not, named
     * under {@code clientId} (null: none) without this connection claiming that client ID. For
     * the resource adapter, whose endpoint sessions each have a connection and all read one
     * subscription; applications use {@link #createSharedDurableConsumer} or {@link #createSharedConsumer}.
     */
    public MessageConsumer createSharedConsumer(Topic topic, String clientId, String name, String messageSelector,
            boolean durable) throws JMSException {
        checkOpen();
        TopicSubscriptions.Kind kind = durable ? TopicSubscriptions.Kind.SHARED_DURABLE : TopicSubscriptions.Kind.SHARED;
        return subscribe(topicToSubscribe(topic), kind, name, MessageSelector.parse(messageSelector), false, clientId);
    }

    private ReliqMessageConsumer subscribe(ReliqTopic topic, TopicSubscriptions.Kind kind, String name,
            MessageSelector selector, boolean noLocal) throws JMSException {
        return subscribe(topic, kind, name, selector, noLocal, connection.clientIdOrNull());
    }

    private ReliqMessageConsumer subscribe(ReliqTopic topic, TopicSubscriptions.Kind kind, String name,
            MessageSelector selector, boolean noLocal, String clientId) throws JMSException {
        TopicSubscriptions.Attached attached = connection.subscriptions().attach(topic, kind, name, selector, noLocal,
            clientId);
        ReliqMessageConsumer consumer = new ReliqMessageConsumer(this, topic, connection.client().queue(attached.queue()),
            attached);
        consumers.add(consumer);
        return consumer;
    }

    @Override
    public QueueBrowser createBrowser(Queue queue) throws JMSException {
        return createBrowser(queue, null);
    }

    @Override
    public QueueBrowser createBrowser(Queue queue, String messageSelector) throws JMSException {
        checkOpen();
        if (queue == null) {
            throw new InvalidDestinationException("The queue to browse must not be null");
        }
        ReliqDestination source = toReliq(queue);
        ReliqQueueBrowser browser = new ReliqQueueBrowser(this, (Queue) source, queueFor(source),
            MessageSelector.parse(messageSelector));
        browsers.add(browser);
        return browser;
    }

    @Override
    public QueueReceiver createReceiver(Queue queue) throws JMSException {
        return (QueueReceiver) createConsumer(queue);
    }

    @Override
    public QueueReceiver createReceiver(Queue queue, String messageSelector) throws JMSException {
        return (QueueReceiver) createConsumer(queue, messageSelector);
    }

    @Override
    public QueueSender createSender(Queue queue) throws JMSException {
        return (QueueSender) createProducer(queue);
    }

    @Override
    public TopicPublisher createPublisher(Topic topic) throws JMSException {
        return (TopicPublisher) createProducer(topic);
    }

    @Override
    public TopicSubscriber createSubscriber(Topic topic) throws JMSException {
        return (TopicSubscriber) createConsumer(topic);
    }

    @Override
    public TopicSubscriber createSubscriber(Topic topic, String messageSelector, boolean noLocal) throws JMSException {
        return (TopicSubscriber) createConsumer(topic, messageSelector, noLocal);
    }

    @Override
    public MessageConsumer createSharedConsumer(Topic topic, String sharedSubscriptionName) throws JMSException {
        return createSharedConsumer(topic, sharedSubscriptionName, null);
    }

    @Override
    public MessageConsumer createSharedConsumer(Topic topic, String sharedSubscriptionName, String messageSelector)
            throws JMSException {
        return subscribe(topic, TopicSubscriptions.Kind.SHARED, sharedSubscriptionName, messageSelector, false);
    }

    @Override
    public TopicSubscriber createDurableSubscriber(Topic topic, String name) throws JMSException {
        return createDurableSubscriber(topic, name, null, false);
    }

    @Override
    public TopicSubscriber createDurableSubscriber(Topic topic, String name, String messageSelector, boolean noLocal)
            throws JMSException {
        return subscribe(topic, TopicSubscriptions.Kind.DURABLE, name, messageSelector, noLocal);
    }

    @Override
    public MessageConsumer createDurableConsumer(Topic topic, String name) throws JMSException {
        return createDurableSubscriber(topic, name, null, false);
    }

    @Override
    public MessageConsumer createDurableConsumer(Topic topic, String name, String messageSelector, boolean noLocal)
            throws JMSException {
        return createDurableSubscriber(topic, name, messageSelector, noLocal);
    }

    @Override
    public MessageConsumer createSharedDurableConsumer(Topic topic, String name) throws JMSException {
        return createSharedDurableConsumer(topic, name, null);
    }

    @Override
    public MessageConsumer createSharedDurableConsumer(Topic topic, String name, String messageSelector)
            throws JMSException {
        return subscribe(topic, TopicSubscriptions.Kind.SHARED_DURABLE, name, messageSelector, false);
    }

    /**
     * Deletes durable subscription {@code name} (of this connection's client ID, if it has one)
     * and the messages it holds. Refused while a consumer, in any process, is attached to it, or
     * while this session holds messages consumed from it and not yet acknowledged or committed.
     */
    @Override
    public void unsubscribe(String name) throws JMSException {
        checkOpen();
        connection.subscriptions().unsubscribe(name, this::holdsUnsettledFrom);
    }

    /** True while this session holds messages consumed from {@code queue} and not yet acknowledged or committed. */
    private boolean holdsUnsettledFrom(String queue) {
        synchronized (lock) {
            return unacknowledged.stream().anyMatch(d -> d.queue.name().equals(queue));
        }
    }

    /** Drops the consumed messages of {@code queue}, a subscription that is being deleted. */
    void forgetDeliveriesFrom(String queue) {
        synchronized (lock) {
            unacknowledged.removeIf(d -> d.queue.name().equals(queue));
        }
    }

    void consumerClosed(ReliqMessageConsumer consumer) {
        consumers.remove(consumer);
    }

    void producerClosed(ReliqMessageProducer producer) {
        producers.remove(producer);
    }

    void browserClosed(ReliqQueueBrowser browser) {
        browsers.remove(browser);
    }

    boolean hasConsumerOn(ReliqDestination destination) {
        return consumers.stream().anyMatch(c -> c.destination().equals(destination));
    }

    // ------------------------------------------------------------------ sending

    /**
     * Sends now, or holds the message back until commit in a transacted session. A message over
     * {@code maxMessageSize} is refused here in both cases, so that it cannot fail a commit.
     */
    void send(ReliqDestination destination, OutgoingMessage message) throws JMSException {
        SendTarget target = targetFor(destination);
        if (mode == SESSION_TRANSACTED) {
            long limit = connection.client().options().maxMessageSize();
            if (message.body().length > limit) {
                throw JmsExceptions.fromQueue(new MessageTooLargeException(target.name(), message.body().length, limit));
            }
            synchronized (lock) {
                pendingSends.add(new PendingSend(target, message));
            }
            return;
        }
        try {
            target.sendBatch(List.of(message));
        } catch (RuntimeException e) {
            throw JmsExceptions.fromQueue(e);
        }
    }

    private SendTarget targetFor(ReliqDestination destination) throws JMSException {
        if (destination.isQueue()) {
            return new SendTarget.ToQueue(queueFor(destination));
        }
        if (destination.isTemporary() && !connection.temporaryDestinationExists(destination.name())) {
            throw new InvalidDestinationException("Temporary topic " + destination.name() + " does not exist (any more)");
        }
        return new SendTarget.ToTopic(connection.client().topic(destination.name()), connection.fanOut());
    }

    /** Runs a completion callback on the session's callback thread, after those before it. */
    void complete(Runnable callback) {
        ExecutorService executor;
        synchronized (lock) {
            if (completions == null) {
                completions = Executors.newSingleThreadExecutor(task -> {
                    Thread thread = new Thread(task, "reliq-completion");
                    thread.setDaemon(true);
                    return thread;
                });
            }
            executor = completions;
        }
        executor.execute(() -> {
            CALLBACK.set(new Callback(this, true));
            try {
                callback.run();
            } finally {
                CALLBACK.remove();
            }
        });
    }

    /** Waits for the completion callbacks issued so far (commit, close of the session or a producer). */
    void awaitCompletions() {
        ExecutorService executor;
        synchronized (lock) {
            executor = completions;
        }
        if (executor != null) {
            try {
                executor.submit(() -> { }).get(1, TimeUnit.MINUTES);
            } catch (Exception e) {
                log.debug("Waiting for completion callbacks failed", e);
            }
        }
    }

    // ------------------------------------------------------------------ delivering

    /**
     * Hands a received message to the application: decodes it, sets the delivery headers and
     * acknowledges it at once in AUTO/DUPS_OK mode (receive), or records it as unacknowledged.
     * Returns null when the message must be skipped (corrupt: dead-lettered; or its lease was
     * lost before it could be acknowledged).
     */
    Message deliverForReceive(Delivery delivery) throws JMSException {
        return deliverForReceive(delivery, message -> true, refused -> { });
    }

    /**
     * As {@link #deliverForReceive(Delivery)}, but in AUTO/DUPS_OK mode a message {@code accept}
     * refuses (receiveBody of a body it cannot return) is neither acknowledged nor counted:
     * {@code refused} gets it back, to be delivered first, "as if the call had not occurred"
     * (JMSConsumer.receiveBody). The refused message is returned as it is.
     */
    Message deliverForReceive(Delivery delivery, java.util.function.Predicate<Message> accept,
            java.util.function.Consumer<Delivery> refused) throws JMSException {
        Message message = prepare(delivery);
        if (message == null) {
            return null;
        }
        if ((mode == AUTO_ACKNOWLEDGE || mode == DUPS_OK_ACKNOWLEDGE) && !accept.test(message)) {
            refused.accept(delivery);
            return message;
        }
        if (mode == AUTO_ACKNOWLEDGE || mode == DUPS_OK_ACKNOWLEDGE) {
            HandleResults results = Settlements.acknowledge(delivery);
            return results.allInFlight() ? message : null;
        }
        synchronized (lock) {
            unacknowledged.add(delivery);
        }
        return message;
    }

    /**
     * Calls {@code listener} with the message, one delivery at a time per session, and settles
     * it as the mode says. Returns false, without delivering, when the connection was stopped
     * or the consumer closed meanwhile (the caller keeps the message).
     */
    boolean dispatch(ReliqMessageConsumer consumer, Delivery delivery, MessageListener listener) {
        delivering.lock();
        try {
            if (!connection.isStarted() || consumer.isClosed()) {
                return false;
            }
            Message message;
            try {
                message = prepare(delivery);
            } catch (JMSException e) {
                connection.reportLost(new RuntimeException(e.getMessage(), e));
                return false;
            }
            if (message == null) {
                return true;
            }
            boolean auto = mode == AUTO_ACKNOWLEDGE || mode == DUPS_OK_ACKNOWLEDGE;
            if (!auto) {
                synchronized (lock) {
                    unacknowledged.add(delivery);
                }
            }
            redeliverCurrent = false;
            boolean failed = false;
            CALLBACK.set(new Callback(this, false));
            try {
                listener.onMessage(message);
            } catch (RuntimeException e) {
                failed = true;
                log.warn("MessageListener of {} threw; {}", consumer.destination(), auto
                    ? "the message will be delivered again" : "the message stays unacknowledged", e);
            } finally {
                CALLBACK.remove();
            }
            if (auto && !closed) {
                try {
                    if (failed || redeliverCurrent) {
                        Settlements.release(delivery);
                    } else {
                        Settlements.acknowledge(delivery);
                    }
                } catch (JMSException e) {
                    log.warn("Settling a message of {} failed; it will be delivered again after its visibility timeout",
                        consumer.destination(), e);
                }
            }
            return true;
        } finally {
            delivering.unlock();
        }
    }

    /** Decodes and dresses a received message; a corrupt payload is dead-lettered (null). */
    private Message prepare(Delivery delivery) throws JMSException {
        MessageBridge.Decoded decoded = MessageBridge.decode(delivery, this);
        if (decoded.message() == null) {
            log.warn("Message {} of queue {} is not a readable JMS message ({}); it goes to the dead-letter queue",
                delivery.received.id(), delivery.queue.name(), decoded.problem());
            try {
                delivery.queue.deadLetter(List.of(delivery.handle()), "corrupt", decoded.problem());
            } catch (RuntimeException e) {
                throw JmsExceptions.fromQueue(e);
            }
        }
        return decoded.message();
    }

    /** Waits until no listener of this session is running (Connection.stop, Session.close). */
    void awaitDeliveryIdle() {
        if (delivering.isHeldByCurrentThread()) {
            return;
        }
        delivering.lock();
        delivering.unlock();
    }

    void wakeConsumers() {
        consumers.forEach(ReliqMessageConsumer::wake);
    }

    // ------------------------------------------------------------------ acknowledging

    /** Message.acknowledge(): in CLIENT_ACKNOWLEDGE mode, every message delivered so far. */
    void acknowledgeAll() throws JMSException {
        if (isClosed()) {
            throw new IllegalStateException("Cannot acknowledge: the session is closed");
        }
        if (mode != CLIENT_ACKNOWLEDGE) {
            return;
        }
        List<Delivery> batch;
        synchronized (lock) {
            batch = new ArrayList<>(unacknowledged);
        }
        List<String> lost = Settlements.settleAll(batch, (q, ds) -> q.acknowledge(Settlements.handles(ds)));
        synchronized (lock) {
            unacknowledged.removeAll(batch);
        }
        if (!lost.isEmpty()) {
            throw Settlements.leaseLost("acknowledged", lost);
        }
    }

    @Override
    public void recover() throws JMSException {
        checkOpen();
        if (mode == SESSION_TRANSACTED) {
            throw new IllegalStateException("recover() is not allowed in a transacted session; use rollback()");
        }
        delivering.lock();
        try {
            if (mode != CLIENT_ACKNOWLEDGE) {
                redeliverCurrent = isListenerThread();
            }
            releaseUnacknowledged();
            for (ReliqMessageConsumer consumer : consumers) {
                consumer.releasePrefetched();
            }
        } finally {
            delivering.unlock();
        }
    }

    private void releaseUnacknowledged() throws JMSException {
        List<Delivery> batch;
        synchronized (lock) {
            batch = new ArrayList<>(unacknowledged);
            unacknowledged.clear();
        }
        Settlements.settleAll(batch, (q, ds) -> q.release(Settlements.handles(ds)));
    }

    // ------------------------------------------------------------------ transactions

    /**
     * Commits: first checks that every consumed message is still held (renewing its lease), then
     * sends the held-back messages, then acknowledges the consumed ones. If a consumed message
     * was lost meanwhile, nothing is sent and the transaction rolls back. Messages bound for
     * several queues are sent queue by queue, not atomically across queues: if Redis fails part
     * way, the queues served so far keep their messages, and calling commit again sends the
     * rest (never the same message twice) and then acknowledges the consumed messages.
     *
     * <p>A commit that both sends and acknowledges first stores a record of what it will do
     * ({@code <prefix>:tx:committing}), updated as each queue's sends are stored and removed at
     * the end. If this process dies half way, the client whose turn it is to clean up after dead
     * connections finishes the commit from the record once this connection's lease lapses, so
     * the consumed messages are not delivered again while their results stay sent.
     */
    @Override
    public void commit() throws JMSException {
        checkOpen();
        if (mode != SESSION_TRANSACTED) {
            throw new IllegalStateException("commit() is only allowed in a transacted session");
        }
        refuseFromOwnCallback("commit its own session", true);
        awaitCompletions();
        List<Delivery> consumed;
        List<PendingSend> sends;
        synchronized (lock) {
            consumed = new ArrayList<>(unacknowledged);
            sends = new ArrayList<>(pendingSends);
        }
        boolean recorded;
        synchronized (lock) {
            recorded = !preparedForTransactionManager && !sends.isEmpty() && !consumed.isEmpty();
        }
        // with a record, the consumed messages stay invisible until another client could finish the commit
        holdConsumedOrRollBack(consumed, recorded ? connection.commitRecordHold() : Duration.ZERO, "",
            "; nothing was sent");
        PreparedWork record = recorded ? storeCommitRecord(consumed, sends) : null;
        sendInOrder(sends, record);
        List<String> lateAcks = Settlements.settleAll(consumed, (q, ds) -> q.acknowledge(Settlements.handles(ds)));
        synchronized (lock) {
            unacknowledged.removeAll(consumed);
            preparedForTransactionManager = false;
        }
        forgetCommitRecord();
        if (!lateAcks.isEmpty()) {
            throw Settlements.leaseLost("committed", lateAcks);
        }
    }

    /**
     * Renews the lease of every consumed message before a commit settles them, for its visibility
     * timeout or {@code atLeast}, whichever is longer; when one was lost meanwhile (and so
     * delivered again), rolls the transaction back instead.
     */
    private void holdConsumedOrRollBack(List<Delivery> consumed, Duration atLeast, String when, String outcome)
            throws JMSException {
        List<String> lost = Settlements.settleAll(consumed, (q, ds) -> {
            Duration visibility = ds.get(0).visibilityTimeout();
            return q.extendVisibility(Settlements.handles(ds), visibility.compareTo(atLeast) >= 0 ? visibility : atLeast);
        });
        if (!lost.isEmpty()) {
            rollbackHeldWork();
            throw (TransactionRolledBackException) JmsExceptions.link(new TransactionRolledBackException(
                "Transaction rolled back" + when + ": " + lost.size() + " consumed message(s) had lost their lease"
                    + " (visibility timeout or maxLease passed) and were delivered again" + outcome),
                new Exception(String.valueOf(lost)));
        }
    }

    /**
     * First phase of a two-phase commit, for the resource adapter's XAResource: checks, as
     * {@link #commit()} does, that every consumed message is still held (renewing its lease), and
     * returns what committing will do, to be stored where a recovering transaction manager finds
     * it. Nothing is sent or acknowledged; {@link #commit()} or {@link #rollback()} follows. If a
     * consumed message was lost meanwhile, the transaction is rolled back here.
     */
    public PreparedWork prepare() throws JMSException {
        checkOpen();
        if (mode != SESSION_TRANSACTED) {
            throw new IllegalStateException("prepare() is only allowed in a transacted session");
        }
        awaitCompletions();
        List<Delivery> consumed;
        List<PendingSend> sends;
        synchronized (lock) {
            consumed = new ArrayList<>(unacknowledged);
            sends = new ArrayList<>(pendingSends);
        }
        holdConsumedOrRollBack(consumed, Duration.ZERO, " at prepare", "");
        synchronized (lock) {
            preparedForTransactionManager = true;
        }
        return workOf(consumed, sends);
    }

    /** What committing {@code sends} and {@code consumed} does, as a record another client can carry out. */
    private static PreparedWork workOf(List<Delivery> consumed, List<PendingSend> sends) {
        List<PreparedWork.Send> out = new ArrayList<>(sends.size());
        sends.forEach(p -> out.add(new PreparedWork.Send(p.target().name(), p.target().isTopic(), p.asOfNow())));
        List<PreparedWork.Ack> acks = new ArrayList<>(consumed.size());
        consumed.forEach(d -> acks.add(new PreparedWork.Ack(d.queue.name(), d.handle())));
        return new PreparedWork(out, acks);
    }

    /**
     * Stores the record of a commit before it sends anything. A commit tried again after a
     * failure keeps the record's name, so one transaction never has two records.
     */
    private PreparedWork storeCommitRecord(List<Delivery> consumed, List<PendingSend> sends) throws JMSException {
        PreparedWork work = workOf(consumed, sends);
        synchronized (lock) {
            if (commitRecord == null) {
                commitRecord = connection.newCommitRecordName();
            }
        }
        updateCommitRecord(work);
        return work;
    }

    private void updateCommitRecord(PreparedWork work) throws JMSException {
        try {
            connection.committingTransactions().store(commitRecord, work.encode());
        } catch (RuntimeException e) {
            throw JmsExceptions.fromQueue(e);
        }
    }

    /**
     * Removes the record once the commit is done, or when the transaction rolls back. A record
     * left behind because Redis failed just then does no harm: what it still holds are
     * acknowledgements of handles that are settled or stale by the time anyone carries it out.
     */
    private void forgetCommitRecord() {
        String name;
        synchronized (lock) {
            name = commitRecord;
            commitRecord = null;
        }
        if (name == null) {
            return;
        }
        try {
            connection.committingTransactions().remove(name);
        } catch (RuntimeException e) {
            log.debug("The commit record {} stays in Redis: {}", name, e.getMessage());
        }
    }

    /** True when this transacted session holds sends or consumed messages that a commit would settle. */
    public boolean hasTransactionWork() {
        synchronized (lock) {
            return !pendingSends.isEmpty() || !unacknowledged.isEmpty();
        }
    }

    /**
     * Sends runs of consecutive messages to the same queue as one batch each, in order. Each
     * batch stops being pending as soon as it is stored, so a commit that fails part way (Redis
     * went away) and is tried again sends only what had not been sent yet.
     */
    private void sendInOrder(List<PendingSend> sends, PreparedWork record) throws JMSException {
        PreparedWork rest = record;
        for (List<PendingSend> run : Runs.of(sends, PendingSend::target)) {
            List<OutgoingMessage> batch = new ArrayList<>(run.size());
            run.forEach(pending -> batch.add(pending.asOfNow()));
            try {
                run.get(0).target().sendBatch(batch);
            } catch (RuntimeException e) {
                throw JmsExceptions.fromQueue(e);
            }
            synchronized (lock) {
                pendingSends.removeAll(run);
            }
            if (rest != null) {
                rest = rest.withoutFirstSends(batch.size());
                updateCommitRecord(rest);
            }
        }
    }

    @Override
    public void rollback() throws JMSException {
        checkOpen();
        if (mode != SESSION_TRANSACTED) {
            throw new IllegalStateException("rollback() is only allowed in a transacted session");
        }
        refuseFromOwnCallback("roll back its own session", true);
        awaitCompletions();
        rollbackHeldWork();
    }

    /**
     * Drops the held-back sends and gives back the consumed messages. Prefetched messages go back
     * too, so that the rolled-back ones are delivered again before the messages that followed
     * them in the queue.
     */
    private void rollbackHeldWork() throws JMSException {
        delivering.lock();
        try {
            synchronized (lock) {
                pendingSends.clear();
                preparedForTransactionManager = false;
            }
            forgetCommitRecord();
            releaseUnacknowledged();
            for (ReliqMessageConsumer consumer : consumers) {
                consumer.releasePrefetched();
            }
        } finally {
            delivering.unlock();
        }
    }

    // ------------------------------------------------------------------ leases

    /** Extends the leases of held messages whose deadline is a third used up (connection housekeeping). */
    void renewLeases() {
        long now = System.nanoTime();
        Duration maxLease = connection.settings().maxLease();
        List<Delivery> due = new ArrayList<>();
        synchronized (lock) {
            for (Delivery d : unacknowledged) {
                if (d.dueForRenewal(now, maxLease)) {
                    due.add(d);
                }
            }
        }
        for (ReliqMessageConsumer consumer : consumers) {
            consumer.collectDueForRenewal(now, maxLease, due);
        }
        for (Map.Entry<ReliableQueue, List<Delivery>> group : Settlements.byQueue(due).entrySet()) {
            List<Delivery> ds = group.getValue();
            HandleResults results = group.getKey().extendVisibility(Settlements.handles(ds), ds.get(0).visibilityTimeout());
            for (Delivery d : ds) {
                if (results.outcome(d.handle()) == dev.reliq.queue.HandleOutcome.EXTENDED) {
                    d.renewed(now);
                } else {
                    d.loseLease();
                }
            }
        }
    }

    // ------------------------------------------------------------------ closing

    /**
     * Closes the session: waits for a running listener, closes consumers (giving back their
     * prefetched messages), rolls back a transaction, and releases unacknowledged messages so
     * they are delivered again soon.
     */
    @Override
    public void close() throws JMSException {
        if (closed) {
            return;
        }
        refuseFromOwnCallback("close its own session", false);
        awaitCompletions();
        JMSException first = null;
        for (ReliqMessageConsumer consumer : consumers) {
            try {
                consumer.close();
            } catch (JMSException e) {
                first = first == null ? e : first;
            }
        }
        awaitDeliveryIdle();
        closed = true;
        producers.forEach(ReliqMessageProducer::markClosed);
        browsers.forEach(ReliqQueueBrowser::markClosed);
        try {
            synchronized (lock) {
                pendingSends.clear();
                preparedForTransactionManager = false;
            }
            forgetCommitRecord();
            releaseUnacknowledged();
        } catch (JMSException e) {
            first = first == null ? e : first;
        }
        synchronized (lock) {
            if (completions != null) {
                completions.shutdown();
            }
        }
        connection.sessionClosed(this);
        if (first != null) {
            throw first;
        }
    }

    // ------------------------------------------------------------------ optional facilities

    @Override
    public MessageListener getMessageListener() throws JMSException {
        checkOpen();
        return null;
    }

    @Override
    public void setMessageListener(MessageListener listener) throws JMSException {
        checkOpen();
        throw new JMSException("Session.setMessageListener is an optional application-server facility reliq does not"
            + " provide; set a MessageListener on a MessageConsumer");
    }

    @Override
    public void run() {
        throw new JMSRuntimeException("Session.run() is an optional application-server facility reliq does not provide");
    }

    @Override
    public String toString() {
        return "ReliqSession[" + connection + ", mode=" + mode + "]";
    }
}
