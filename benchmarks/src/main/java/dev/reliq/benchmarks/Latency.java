package dev.reliq.benchmarks;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;

import org.HdrHistogram.Histogram;

import redis.clients.jedis.Jedis;
import redis.clients.jedis.util.KeyValue;

/**
 * Latency at a fixed send rate with one producer and one consumer (AUTO_ACKNOWLEDGE for JMS).
 * Each 1 KiB message carries its intended send time in its first 8 bytes; the consumer records
 * the time from then until it has the message.
 */
final class Latency {

    /** How one provider sends and receives; the timing is the same for all. */
    interface Sender {
        void send(long intendedNanos) throws Exception;
    }

    interface Receiver {
        /** The intended send time of the next message, or -1 when none came within the timeout. */
        long receive(long timeoutMillis) throws Exception;
    }

    private static final long RECEIVE_TIMEOUT_MILLIS = 100;
    private static final long DRAIN_MILLIS = 5_000;
    private static final long JOIN_MILLIS = 30_000;
    private static final long SPIN_NANOS = TimeUnit.MICROSECONDS.toNanos(100);
    private static final long HIGHEST_NANOS = TimeUnit.SECONDS.toNanos(120);

    private Latency() {
    }

    static LatencyResult jms(JmsTarget target, Settings settings) throws Exception {
        String queueName = "bench-latency-" + System.nanoTime();
        Connection consumerConnection = target.factory().createConnection();
        Connection producerConnection = null;
        try {
            Session consumerSession = consumerConnection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer consumer = consumerSession.createConsumer(consumerSession.createQueue(queueName));
            consumerConnection.start();
            producerConnection = target.factory().createConnection();
            Session producerSession = producerConnection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer producer = producerSession.createProducer(producerSession.createQueue(queueName));
            producer.setDeliveryMode(target.deliveryMode());
            byte[] filler = new byte[Payloads.SIZE - Long.BYTES];
            Sender sender = intended -> {
                BytesMessage message = producerSession.createBytesMessage();
                message.writeLong(intended);
                message.writeBytes(filler);
                producer.send(message);
            };
            Receiver receiver = timeout -> {
                Message message = consumer.receive(timeout);
                return message == null ? -1 : ((BytesMessage) message).readLong();
            };
            return measure(sender, receiver, settings);
        } finally {
            if (producerConnection != null) {
                JmsThroughput.closeQuietly(producerConnection);
            }
            JmsThroughput.closeQuietly(consumerConnection);
            target.dropQueue().accept(queueName);
        }
    }

    /** The limit: one LPUSH per message, a BRPOP loop on the other side. */
    static LatencyResult raw(RedisServerProcess redis, Settings settings) throws Exception {
        byte[] key = ("bench-raw-latency-" + System.nanoTime()).getBytes(StandardCharsets.UTF_8);
        try (Jedis producer = redis.connect(); Jedis consumer = redis.connect()) {
            byte[] body = new byte[Payloads.SIZE];
            Sender sender = intended -> {
                ByteBuffer.wrap(body).putLong(0, intended);
                producer.lpush(key, body);
            };
            Receiver receiver = timeout -> {
                KeyValue<byte[], byte[]> popped = consumer.brpop(timeout / 1000.0, key);
                return popped == null ? -1 : ByteBuffer.wrap(popped.getValue()).getLong(0);
            };
            return measure(sender, receiver, settings);
        } finally {
            try (Jedis admin = redis.connect()) {
                admin.del(key);
            }
        }
    }

    private static LatencyResult measure(Sender sender, Receiver receiver, Settings settings) {
        long interval = TimeUnit.SECONDS.toNanos(1) / settings.latencyRate();
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50);
        long measureFrom = start + settings.latencyWarmUp().toNanos();
        long end = measureFrom + settings.latencyMeasure().toNanos();
        long expected = settings.latencyMeasure().toNanos() / interval;

        RunState state = new RunState(Integer.MAX_VALUE,
            settings.latencyWarmUp().plus(settings.latencyMeasure()).plusMillis(DRAIN_MILLIS).plusSeconds(30));
        AtomicLong sent = new AtomicLong();
        AtomicLong arrivedInWindow = new AtomicLong();
        AtomicBoolean producerDone = new AtomicBoolean();
        Histogram histogram = new Histogram(HIGHEST_NANOS, 3);
        Workers workers = new Workers(state);
        workers.start("latency-producer", () -> {
            try {
                for (long i = 0; state.running(); i++) {
                    long intended = start + i * interval;
                    // the window is over, or a producer that fell behind stops at its end
                    if (intended >= end || System.nanoTime() >= end) {
                        break;
                    }
                    awaitTime(intended, state);
                    sender.send(intended);
                    sent.incrementAndGet();
                }
            } finally {
                producerDone.set(true);
            }
        });
        workers.start("latency-consumer", () -> {
            long received = 0;
            long drainDeadline = end + TimeUnit.MILLISECONDS.toNanos(DRAIN_MILLIS);
            while (state.running() && System.nanoTime() < drainDeadline
                    && !(producerDone.get() && received >= sent.get())) {
                long intended = receiver.receive(RECEIVE_TIMEOUT_MILLIS);
                if (intended < 0) {
                    continue;
                }
                long now = System.nanoTime();
                long latency = now - intended;
                received++;
                if (now >= measureFrom && now < end) {
                    arrivedInWindow.incrementAndGet();
                }
                if (intended >= measureFrom && intended < end) {
                    histogram.recordValue(Math.min(latency, HIGHEST_NANOS));
                }
            }
        });
        boolean ended = workers.join(settings.latencyWarmUp().plus(settings.latencyMeasure()).toMillis()
            + DRAIN_MILLIS + JOIN_MILLIS);
        state.stop();
        if (state.failure() != null) {
            throw new IllegalStateException("latency run failed: " + state.failure(), state.failure());
        }
        if (!ended) {
            throw new IllegalStateException("latency run did not end in time");
        }
        long messages = histogram.getTotalCount();
        double seconds = settings.latencyMeasure().toNanos() / 1e9;
        if (messages == 0) { // so far behind that nothing meant for the window was sent
            return new LatencyResult(0, arrivedInWindow.get() / seconds, Double.NaN, Double.NaN, Double.NaN,
                Double.NaN, true);
        }
        return new LatencyResult(messages, arrivedInWindow.get() / seconds,
            millis(histogram.getValueAtPercentile(50)), millis(histogram.getValueAtPercentile(99)),
            millis(histogram.getValueAtPercentile(99.9)), millis(histogram.getMaxValue()),
            messages < expected * 0.99);
    }

    private static void awaitTime(long nanos, RunState state) {
        long left;
        while ((left = nanos - System.nanoTime()) > 0 && state.running()) {
            if (left > SPIN_NANOS) {
                LockSupport.parkNanos(left - SPIN_NANOS);
            } else {
                Thread.onSpinWait();
            }
        }
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }
}
