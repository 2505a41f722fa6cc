package dev.reliq.queue;

import static dev.reliq.queue.ReliableQueue.number;
import static dev.reliq.queue.ReliableQueue.text;
import static dev.reliq.queue.ReliableQueue.utf8;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
import java.util.function.Supplier;

import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisException;

/**
 * A topic: a registry of subscriptions, each a {@link ReliableQueue}, and a publish that stores
 * a message once and hands it to every subscription registered at that moment, atomically.
 * Obtain one from {@link QueueClient#topic(String)}; thread-safe.
 *
 * <p>A subscription's queue is named {@code <topic>::<subscription>} (the topic part with
 * {@code %} and {@code :} percent-encoded), which gives it the topic's hash tag: the publish,
 * every subscription and their dead-letter queues share one Redis Cluster slot. The payload
 * lives in the tag's shared hash with a reference count, and is freed when the last
 * subscription acknowledges (or drops, or dead-letters) the message. See docs/redis-layout.md.
 */
public final class ReliableTopic {

    private static final int MAX_ATTEMPTS = 10;

    private final QueueClient client;
    private final String name;
    private final String tag;
    private final String registryKeyName;
    private final String sharedKeyName;
    private final byte[] registryKey;
    private final byte[] sharedKey;
    private volatile Registry registry;

    ReliableTopic(QueueClient client, String name) {
        this.client = client;
        this.name = QueueKeys.validName(name);
        this.tag = encode(name);
        String prefix = client.options().keyPrefix();
        this.registryKeyName = QueueKeys.topicKey(prefix, tag, "subscriptions");
        this.sharedKeyName = QueueKeys.sharedKey(prefix, tag);
        this.registryKey = utf8(registryKeyName);
        this.sharedKey = utf8(sharedKeyName);
    }

    public String name() {
        return name;
    }

    /**
     * The queue name of the named subscription {@code subscriptionName} made under
     * {@code clientId} ("" for none): {@code <topic>::<clientId>:<name>} for a durable one,
     * {@code <topic>::~<clientId>:<name>} for a shared non-durable one (JMS keeps the two kinds
     * apart: they may have the same name and client ID).
     */
    public String subscriptionQueue(String clientId, String subscriptionName, boolean durable) {
        return tag + QueueKeys.SUBSCRIPTION_SEPARATOR + (durable ? "" : "~") + encode(clientId) + ":" + subscriptionName;
    }

    /** The queue name of an unnamed subscription, unique for {@code owner} (a connection id without ':') and {@code n}. */
    public String unnamedSubscriptionQueue(String owner, long n) {
        return tag + QueueKeys.SUBSCRIPTION_SEPARATOR + encode(owner) + "." + n;
    }

    /** The topic of a subscription's queue name. */
    public static String topicOf(String subscriptionQueue) {
        int separator = subscriptionQueue.indexOf(QueueKeys.SUBSCRIPTION_SEPARATOR);
        if (separator <= 0) {
            throw new IllegalArgumentException("'" + subscriptionQueue + "' is not the queue of a topic subscription");
        }
        return decode(subscriptionQueue.substring(0, separator));
    }

    // ---------------------------------------------------------------- subscriptions

    /**
     * Registers {@code subscription}, creating its queue, unless its queue is registered already:
     * then nothing changes and the registration found is returned (compare it to decide whether
     * to {@link #unsubscribe} and subscribe again).
     */
    public TopicSubscription subscribe(TopicSubscription subscription) {
        ReliableQueue queue = client.queue(subscription.queue());
        List<byte[]> keys = new ArrayList<>(11);
        keys.add(registryKey);
        keys.addAll(queue.keySet());
        String found = text(run("subscribe", () -> QueueScripts.SUBSCRIPTION.execute(redis(), keys, List.of(
            utf8("add"), utf8(subscription.queue()), utf8(subscription.toJson()), queue.defaultsJson(), utf8(name)))));
        registry = null;
        return found.isEmpty() ? subscription : TopicSubscription.fromJson(subscription.queue(), found);
    }

    /**
     * Removes the subscription whose queue is {@code queue} from the topic, so no later publish
     * reaches it, then deletes its queue (giving back its references to shared payloads), and
     * its dead-letter queue too when {@code withDeadLetters}. False when it was not registered
     * (its queue is deleted anyway).
     */
    public boolean unsubscribe(String queue, boolean withDeadLetters) {
        ReliableQueue q = client.queue(queue);
        List<byte[]> keys = new ArrayList<>(11);
        keys.add(registryKey);
        keys.addAll(q.keySet());
        boolean removed = Long.valueOf(1).equals(run("unsubscribe", () -> QueueScripts.SUBSCRIPTION.execute(redis(), keys,
            List.of(utf8("remove"), utf8(queue)))));
        registry = null;
        q.delete();
        run("unsubscribe", () -> redis().unlink(q.consumersKey()));
        if (withDeadLetters) {
            q.deadLetterQueue().delete();
        }
        client.forget(queue);
        return removed;
    }

    /** The registration of the subscription whose queue is {@code queue}, or null. */
    public TopicSubscription subscription(String queue) {
        String json = run("subscription", () -> redis().hget(registryKeyName, queue));
        return json == null ? null : TopicSubscription.fromJson(queue, json);
    }

    /** The subscriptions registered now, ordered by queue name. */
    public List<TopicSubscription> subscriptions() {
        return loadRegistry().subscriptions;
    }

    // ---------------------------------------------------------------- consumers of a subscription

    /** Records that consumer {@code consumerId} takes messages from {@code queue} while lease {@code lease} is held. */
    public void attach(String queue, String consumerId, String lease) {
        String key = client.queue(queue).consumersKey();
        run("attach", () -> redis().hset(key, consumerId, lease));
    }

    public void detach(String queue, String consumerId) {
        String key = client.queue(queue).consumersKey();
        run("detach", () -> redis().hdel(key, consumerId));
    }

    /**
     * How many consumers of {@code queue} are attached and alive (their lease is held); the
     * entries of dead ones are removed on the way.
     */
    public int liveConsumers(String queue) {
        String key = client.queue(queue).consumersKey();
        Map<String, String> consumers = run("liveConsumers", () -> redis().hgetAll(key));
        int live = 0;
        for (Map.Entry<String, String> consumer : consumers.entrySet()) {
            if (client.leases().isHeld(consumer.getValue())) {
                live++;
            } else {
                run("liveConsumers", () -> redis().hdel(key, consumer.getKey()));
            }
        }
        return live;
    }

    // ---------------------------------------------------------------- publishing

    /**
     * Publishes messages atomically in one call, each to the subscriptions that {@code accepts}
     * it for (called with the message and each registered subscription). Returns the messages'
     * ids in order, an empty string for a message no subscription took (it is not stored).
     *
     * @throws MessageTooLargeException if any payload exceeds {@code maxMessageSize}; nothing is published
     */
    public List<String> publish(List<OutgoingMessage> messages, BiPredicate<OutgoingMessage, TopicSubscription> accepts) {
        long limit = client.options().maxMessageSize();
        for (OutgoingMessage m : messages) {
            if (m.body().length > limit) {
                throw new MessageTooLargeException(name, m.body().length, limit);
            }
        }
        if (messages.isEmpty()) {
            return List.of();
        }
        for (int attempt = 1; ; attempt++) {
            Registry current = loadRegistry();
            List<byte[]> keys = current.keys;
            List<byte[]> args = new ArrayList<>(1 + messages.size() * 5);
            args.add(utf8(current.version));
            for (OutgoingMessage m : messages) {
                args.add(number(m.priority()));
                args.add(number(m.delay().toMillis()));
                args.add(number(m.timeToLive().toMillis()));
                args.add(m.body());
                StringBuilder targets = new StringBuilder(current.subscriptions.size());
                for (TopicSubscription s : current.subscriptions) {
                    targets.append(accepts.test(m, s) ? '1' : '0');
                }
                args.add(utf8(targets.toString()));
            }
            try {
                Object reply = run("publish", () -> QueueScripts.PUBLISH.execute(redis(), keys, args));
                List<?> ids = (List<?>) reply;
                List<String> out = new ArrayList<>(ids.size());
                ids.forEach(id -> out.add(text(id)));
                return out;
            } catch (RegistryChanged changed) {
                registry = null;
                if (attempt >= MAX_ATTEMPTS) {
                    throw new ReliqQueueException("publish to topic '" + name
                        + "': its subscriptions kept changing during " + MAX_ATTEMPTS + " attempts");
                }
            }
        }
    }

    /** The registry as publishers see it: read the version first, so a change in between is caught by the publish. */
    private Registry loadRegistry() {
        Registry cached = registry;
        if (cached != null) {
            return cached;
        }
        String version = run("subscriptions", () -> redis().hget(sharedKeyName, "version"));
        Map<String, String> entries = run("subscriptions", () -> redis().hgetAll(registryKeyName));
        List<TopicSubscription> subscriptions = new ArrayList<>(entries.size());
        entries.forEach((queue, json) -> subscriptions.add(TopicSubscription.fromJson(queue, json)));
        subscriptions.sort(Comparator.comparing(TopicSubscription::queue));
        // The subscriptions' keys are computed here rather than through client.queue(...): a
        // publisher does not receive from them, so its client should not sweep them.
        List<byte[]> keys = new ArrayList<>(2 + subscriptions.size() * 10);
        keys.add(registryKey);
        keys.add(sharedKey);
        for (TopicSubscription s : subscriptions) {
            keys.addAll(new QueueKeys(client.options().keyPrefix(), s.queue()).keySet());
        }
        Registry loaded = new Registry(version == null ? "0" : version, List.copyOf(subscriptions), List.copyOf(keys));
        registry = loaded;
        return loaded;
    }

    /**
     * Forgets the cached registry, so the next publish reads it again. Publishes catch a stale
     * registry by themselves; this only saves the one refused call.
     */
    public void refresh() {
        registry = null;
    }

    private record Registry(String version, List<TopicSubscription> subscriptions, List<byte[]> keys) {
    }

    // ---------------------------------------------------------------- plumbing

    /**
     * Percent-encodes '%', ':' and '~', so that a topic name cannot contain the "::" that ends
     * a subscription's topic part, nor a client ID the ':' that ends it or the '~' that marks
     * a non-durable subscription.
     */
    static String encode(String s) {
        return s.replace("%", "%25").replace(":", "%3A").replace("~", "%7E");
    }

    static String decode(String s) {
        return s.replace("%7E", "~").replace("%3A", ":").replace("%25", "%");
    }

    private UnifiedJedis redis() {
        return client.redis();
    }

    private <T> T run(String operation, Supplier<T> call) {
        try {
            return call.get();
        } catch (JedisConnectionException e) {
            client.connectionFailed();
            throw new RedisConnectionException(operation + " on topic '" + name + "' failed: Redis at "
                + client.redactedUri() + " is unreachable (" + e.getMessage() + ")", e);
        } catch (JedisDataException e) {
            if (String.valueOf(e.getMessage()).contains("RELIQ_SUBSCRIPTIONS_CHANGED")) {
                throw new RegistryChanged();
            }
            throw new ReliqQueueException(operation + " on topic '" + name + "' failed: " + e.getMessage(), e);
        } catch (JedisException e) {
            throw new ReliqQueueException(operation + " on topic '" + name + "' failed: " + e.getMessage(), e);
        }
    }

    private static final class RegistryChanged extends RuntimeException {
        RegistryChanged() {
            super(null, null, false, false);
        }
    }

    @Override
    public String toString() {
        return "ReliableTopic[" + name + "]";
    }
}
