package dev.reliq.queue;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import redis.clients.jedis.JedisPubSub;
import redis.clients.jedis.UnifiedJedis;

/**
 * Lets consumers wait for messages without polling: one pub/sub connection per client,
 * subscribed to the wake channel of every queue someone waited on. The scripts publish on a
 * queue's channel when its ready set goes from empty to non-empty (or a delayed message becomes
 * the earliest), and each notification bumps a version that waiters compare against.
 *
 * <p>Notifications only shorten waits; correctness never depends on them. A waiter sleeps at
 * most the poll interval, so a lost notification or a broken subscription costs latency, not
 * messages.
 */
final class WakeupHub implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(WakeupHub.class);
    private static final long SUBSCRIBE_WAIT_MILLIS = 1000;
    private static final long MAX_RECONNECT_DELAY_MILLIS = 5000;

    private final UnifiedJedis redis;
    private final Map<String, Signal> signals = new ConcurrentHashMap<>();
    private final Object lifecycle = new Object();
    private volatile Listener listener;
    private volatile boolean closed;
    private Thread thread;

    WakeupHub(UnifiedJedis redis) {
        this.redis = redis;
    }

    /**
     * The signal of {@code channel}, subscribed: waits up to a second for the subscription to be
     * confirmed, so a notification published after this returns is not missed.
     */
    Signal signal(String channel) {
        Signal signal = signals.computeIfAbsent(channel, Signal::new);
        if (!signal.subscribed) {
            ensureRunning();
            Listener current = listener;
            if (current != null) {
                current.subscribeMissing();
            }
            signal.awaitSubscribed(SUBSCRIBE_WAIT_MILLIS);
        }
        return signal;
    }

    /** Wakes this client's waiters on {@code channel}, if any, without subscribing. */
    void wake(String channel) {
        Signal signal = signals.get(channel);
        if (signal != null) {
            signal.bump();
        }
    }

    private void ensureRunning() {
        synchronized (lifecycle) {
            if (thread == null && !closed) {
                thread = new Thread(this::run, "reliq-wakeup");
                thread.setDaemon(true);
                thread.start();
            }
        }
    }

    private void run() {
        long delay = 100;
        while (!closed) {
            Listener current = new Listener();
            listener = current;
            try {
                String[] channels = signals.keySet().toArray(String[]::new);
                current.requested.addAll(Set.of(channels));
                redis.subscribe(current, channels);
                delay = 100;
            } catch (RuntimeException e) {
                if (!closed) {
                    log.debug("Wake-up subscription lost; waiting consumers fall back to polling", e);
                }
            } finally {
                listener = null;
                for (Signal signal : signals.values()) {
                    signal.subscribed = false;
                    signal.bump(); // anything may have been published while we were not listening
                }
            }
            if (!closed) {
                sleepQuietly(delay);
                delay = Math.min(delay * 2, MAX_RECONNECT_DELAY_MILLIS);
            }
        }
    }

    private void sleepQuietly(long millis) {
        try {
            TimeUnit.MILLISECONDS.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed = true;
        }
    }

    @Override
    public void close() {
        Thread running;
        synchronized (lifecycle) {
            closed = true;
            running = thread;
        }
        Listener current = listener;
        if (current != null && current.isSubscribed()) {
            try {
                current.unsubscribe();
            } catch (RuntimeException ignored) {
                // the connection is going away anyway
            }
        }
        if (running != null) {
            running.interrupt();
            try {
                running.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        signals.values().forEach(Signal::bump);
    }

    /** The pub/sub callbacks of one connection attempt. */
    private final class Listener extends JedisPubSub {
        final Set<String> requested = ConcurrentHashMap.newKeySet();

        @Override
        public void onSubscribe(String channel, int subscribedChannels) {
            Signal signal = signals.get(channel);
            if (signal != null) {
                signal.subscribed = true;
                signal.bump();
            }
            subscribeMissing();
        }

        @Override
        public void onMessage(String channel, String message) {
            Signal signal = signals.get(channel);
            if (signal != null) {
                signal.bump();
            }
        }

        /** Subscribes channels added after this connection's SUBSCRIBE was sent. */
        synchronized void subscribeMissing() {
            if (!isSubscribed()) {
                return; // the initial SUBSCRIBE, or the next connection attempt, covers them
            }
            for (String channel : signals.keySet()) {
                if (requested.add(channel)) {
                    try {
                        subscribe(channel);
                    } catch (RuntimeException e) {
                        requested.remove(channel);
                        log.debug("Cannot subscribe {}; waiting consumers fall back to polling", channel, e);
                    }
                }
            }
        }
    }

    /** A version that changes whenever the channel may have news; waiters block until it moves. */
    static final class Signal {
        private final String channel;
        private long version;
        volatile boolean subscribed;

        Signal(String channel) {
            this.channel = channel;
        }

        synchronized long version() {
            return version;
        }

        synchronized void bump() {
            version++;
            notifyAll();
        }

        /** Waits until the version differs from {@code seen} or the time is up. */
        synchronized void awaitChange(long seen, long millis) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
            while (version == seen) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    return;
                }
                wait(left);
            }
        }

        private synchronized void awaitSubscribed(long millis) {
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
            while (!subscribed) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    log.debug("Subscription to {} not confirmed yet; polling meanwhile", channel);
                    return;
                }
                try {
                    wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
