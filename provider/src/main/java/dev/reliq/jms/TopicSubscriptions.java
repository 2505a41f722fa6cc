package dev.reliq.jms;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.jms.IllegalStateException;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;

import dev.reliq.jms.selector.MessageSelector;
import dev.reliq.queue.QueueClient;
import dev.reliq.queue.ReliableTopic;
import dev.reliq.queue.TopicSubscription;

/**
 * A connection's side of topic subscriptions: making or finding the subscription a new
 * consumer reads (JMS 6.2.3 ff.), attaching the consumer to it, and ending what ends when the
 * consumer closes. Every subscription is a reliable queue (see {@link ReliableTopic}):
 * <ul>
 *   <li>unnamed, from {@code createConsumer(topic)}: lives while its consumer is open, and is
 *       reaped once its connection's lease lapses if the process dies;</li>
 *   <li>shared non-durable, from {@code createSharedConsumer}: lives while any consumer, in any
 *       process, is attached;</li>
 *   <li>durable, shared or not: lives until {@code unsubscribe}, and keeps collecting messages
 *       while no consumer is attached.</li>
 * </ul>
 * Named subscriptions are identified by client ID (if set) and name across topics: asking for
 * one with another topic, selector or noLocal replaces it when no consumer is active, as the
 * specification says.
 */
final class TopicSubscriptions {

    enum Kind {
        UNNAMED(false, false), SHARED(false, true), DURABLE(true, false), SHARED_DURABLE(true, true);

        final boolean durable;
        final boolean shared;

        Kind(boolean durable, boolean shared) {
            this.durable = durable;
            this.shared = shared;
        }
    }

    private final ReliqConnection connection;
    private final AtomicLong unnamed = new AtomicLong();

    TopicSubscriptions(ReliqConnection connection) {
        this.connection = connection;
    }

    /**
     * Makes or finds the subscription and attaches a new consumer to it. The caller builds the
     * consumer on the returned subscription's queue and calls {@link Attached#close} when it closes.
     */
    Attached attach(ReliqTopic topic, Kind kind, String name, MessageSelector selector, boolean noLocal)
            throws JMSException {
        return attach(topic, kind, name, selector, noLocal, connection.clientIdOrNull());
    }

    /** As {@link #attach(ReliqTopic, Kind, String, MessageSelector, boolean)}, under {@code clientId} (null: none). */
    Attached attach(ReliqTopic topic, Kind kind, String name, MessageSelector selector, boolean noLocal, String clientId)
            throws JMSException {
        if (topic.isTemporary() && !connection.ownsTemporary(topic)) {
            throw new InvalidDestinationException("Temporary topic " + topic.name()
                + " belongs to another connection; only the connection that created it can consume from it");
        }
        if (kind == Kind.DURABLE && clientId == null) {
            throw new IllegalStateException("An unshared durable subscription needs a client ID: set one with "
                + "Connection.setClientID or the clientID option before creating durable subscriber '" + name + "'");
        }
        if (kind != Kind.UNNAMED && (name == null || name.isEmpty())) {
            throw new InvalidDestinationException("A subscription name must not be null or empty");
        }
        QueueClient client = connection.client();
        ReliableTopic reliableTopic = client.topic(topic.name());
        String consumerId = UUID.randomUUID().toString();
        String selectorText = selector.selectsAll() ? "" : selector.text();
        try {
            if (kind == Kind.UNNAMED) {
                String queue = reliableTopic.unnamedSubscriptionQueue(connection.id(), unnamed.incrementAndGet());
                TopicSubscription wanted = new TopicSubscription(queue, "", "", false, false, selectorText, noLocal,
                    connection.id());
                client.ephemeralQueues().registerSubscription(queue, connection.aliveLease());
                reliableTopic.attach(queue, consumerId, connection.aliveLease());
                reliableTopic.subscribe(wanted);
                return new Attached(this, kind, reliableTopic, wanted, consumerId);
            }
            String owner = clientId == null ? "" : clientId;
            TopicSubscription wanted = new TopicSubscription(reliableTopic.subscriptionQueue(owner, name, kind.durable), name, owner,
                kind.durable, kind.shared, selectorText, noLocal, clientId != null ? clientId : connection.id());
            replaceOrRefuse(kind, owner, name, reliableTopic, wanted);
            client.subscriptionIndex().put(owner, name, kind.durable, topic.name());
            if (!kind.durable) {
                client.ephemeralQueues().registerSubscription(wanted.queue(), null);
            }
            reliableTopic.attach(wanted.queue(), consumerId, connection.aliveLease());
            TopicSubscription found = reliableTopic.subscribe(wanted);
            boolean sameAsWanted = found.durable() == wanted.durable() && found.shared() == wanted.shared()
                && found.sameFilterAs(wanted);
            if (!sameAsWanted || (!kind.shared && reliableTopic.liveConsumers(wanted.queue()) > 1)) {
                // another process made it differently, or attached a consumer, at the same moment
                reliableTopic.detach(wanted.queue(), consumerId);
                throw new JMSException(describe(kind, owner, name) + " was just created or taken by another consumer;"
                    + " try again");
            }
            return new Attached(this, kind, reliableTopic, wanted, consumerId);
        } catch (RuntimeException e) {
            throw JmsExceptions.fromQueue(e);
        }
    }

    /**
     * Applies the specification's rules to a named subscription that may exist already (under
     * this name and client ID, on any topic): the same kind with the same topic and filter is
     * reused; a different topic or filter replaces it if no consumer is active; anything else
     * is refused.
     */
    private void replaceOrRefuse(Kind kind, String owner, String name, ReliableTopic topic, TopicSubscription wanted)
            throws JMSException {
        QueueClient client = connection.client();
        String existingTopic = client.subscriptionIndex().topicOf(owner, name, kind.durable);
        if (existingTopic == null) {
            return;
        }
        ReliableTopic oldTopic = client.topic(existingTopic);
        String oldQueue = oldTopic.subscriptionQueue(owner, name, kind.durable);
        TopicSubscription existing = oldTopic.subscription(oldQueue);
        if (existing == null) {
            return; // reaped or unsubscribed meanwhile: the index entry is stale
        }
        int active = oldTopic.liveConsumers(oldQueue);
        if (existing.durable() != kind.durable || existing.shared() != kind.shared) {
            if (active > 0 || existing.durable()) {
                throw new JMSException(describe(kind, owner, name) + " cannot be created: " + describe(kindOf(existing),
                    owner, name) + " exists with that name" + (owner.isEmpty() ? "" : " and client ID")
                    + (existing.durable() ? "; unsubscribe it first" : " and has active consumers"));
            }
            oldTopic.unsubscribe(oldQueue, true);
            return;
        }
        boolean same = existingTopic.equals(topic.name()) && existing.sameFilterAs(wanted);
        if (same) {
            if (!kind.shared && active > 0) {
                throw new JMSException(describe(kind, owner, name) + " already has an active consumer;"
                    + " an unshared durable subscription allows one at a time");
            }
            return;
        }
        if (active > 0) {
            throw new JMSException(describe(kind, owner, name) + " has an active consumer on topic '" + existingTopic
                + "' with selector '" + existing.selector() + "'; close it before changing the subscription's topic,"
                + " selector or noLocal");
        }
        oldTopic.unsubscribe(oldQueue, !existing.durable());
    }

    /** Deletes the durable subscription {@code name} of this connection's client ID (JMS unsubscribe). */
    void unsubscribe(String name, java.util.function.Predicate<String> unsettledFrom) throws JMSException {
        if (name == null || name.isEmpty()) {
            throw new InvalidDestinationException("A subscription name must not be null or empty");
        }
        QueueClient client = connection.client();
        String clientId = connection.clientIdOrNull();
        String owner = clientId == null ? "" : clientId;
        try {
            String topicName = client.subscriptionIndex().topicOf(owner, name, true);
            ReliableTopic topic = topicName == null ? null : client.topic(topicName);
            TopicSubscription existing = topic == null ? null : topic.subscription(topic.subscriptionQueue(owner, name, true));
            if (existing == null || !existing.durable()) {
                throw new InvalidDestinationException("No durable subscription named '" + name + "'"
                    + (clientId == null ? " without a client ID" : " for client ID '" + clientId + "'") + " exists");
            }
            if (topic.liveConsumers(existing.queue()) > 0) {
                throw new IllegalStateException("Durable subscription '" + name + "' has an active consumer;"
                    + " close it before unsubscribing");
            }
            if (unsettledFrom.test(existing.queue())) {
                throw new IllegalStateException("Durable subscription '" + name + "' has consumed messages not yet"
                    + " acknowledged or committed in this session; settle them before unsubscribing");
            }
            topic.unsubscribe(existing.queue(), false);
            client.subscriptionIndex().remove(owner, name, true);
        } catch (RuntimeException e) {
            throw JmsExceptions.fromQueue(e);
        }
    }

    private static Kind kindOf(TopicSubscription s) {
        if (s.name().isEmpty()) {
            return Kind.UNNAMED;
        }
        return s.durable() ? (s.shared() ? Kind.SHARED_DURABLE : Kind.DURABLE) : Kind.SHARED;
    }

    private static String describe(Kind kind, String owner, String name) {
        String what = switch (kind) {
            case UNNAMED -> "A non-durable subscription";
            case SHARED -> "Shared non-durable subscription '" + name + "'";
            case DURABLE -> "Durable subscription '" + name + "'";
            case SHARED_DURABLE -> "Shared durable subscription '" + name + "'";
        };
        return owner.isEmpty() ? what : what + " of client ID '" + owner + "'";
    }

    /** A consumer's hold on its subscription. */
    static final class Attached {
        private final TopicSubscriptions owner;
        private final Kind kind;
        private final ReliableTopic topic;
        private final TopicSubscription subscription;
        private final String consumerId;

        Attached(TopicSubscriptions owner, Kind kind, ReliableTopic topic, TopicSubscription subscription,
                String consumerId) {
            this.owner = owner;
            this.kind = kind;
            this.topic = topic;
            this.subscription = subscription;
            this.consumerId = consumerId;
        }

        String queue() {
            return subscription.queue();
        }

        TopicSubscription subscription() {
            return subscription;
        }

        /**
         * The consumer closed: detach it, and delete the subscription when it ends with its
         * consumers (unnamed: always; shared non-durable: when no live consumer is left), after
         * running {@code beforeDelete}.
         */
        void close(Runnable beforeDelete) {
            QueueClient client = owner.connection.client();
            topic.detach(subscription.queue(), consumerId);
            if (kind == Kind.UNNAMED || (kind == Kind.SHARED && topic.liveConsumers(subscription.queue()) == 0)) {
                beforeDelete.run();
                client.ephemeralQueues().delete(subscription.queue());
                if (kind == Kind.SHARED) {
                    client.subscriptionIndex().remove(subscription.clientId(), subscription.name(), false);
                }
            }
        }
    }
}
