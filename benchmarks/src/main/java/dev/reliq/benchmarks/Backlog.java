package dev.reliq.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;

import org.HdrHistogram.Histogram;

import dev.reliq.jms.ReliqConnectionFactory;
import dev.reliq.queue.OutgoingMessage;
import dev.reliq.queue.QueueClient;
import dev.reliq.queue.ReceivedMessage;
import dev.reliq.queue.ReliableQueue;

/**
 * Does a queue with a million messages waiting serve a consumer as fast as an empty one? Each
 * sample sends one message (not timed), then times one receive and its acknowledgement, so the
 * depth stays where it is. Both the JMS API (CLIENT_ACKNOWLEDGE, {@code prefetch=1} so that
 * every receive goes to Redis at both depths) and the core API are timed. The deep queue is
 * filled with {@code sendBatch} calls from several threads, with copies of a message the JMS
 * producer stored, so the JMS consumer can read them.
 */
final class Backlog {

    private static final int FILL_BATCH = 1_000;
    private static final int FILL_THREADS = 2;
    private static final long RECEIVE_TIMEOUT_MILLIS = 5_000;
    private static final long HIGHEST_NANOS = TimeUnit.SECONDS.toNanos(60);

    private Backlog() {
    }

    /** Returns the JMS result, then the core one. */
    static List<BacklogResult> run(RedisServerProcess redis, Settings settings, Progress progress) throws Exception {
        String queueName = "bench-backlog-" + System.nanoTime();
        int warmUp = Math.max(10, settings.samples() / 2);
        ReliqConnectionFactory factory = new ReliqConnectionFactory(redis.uri() + "?prefetch=1");
        try (QueueClient client = QueueClient.connect(redis.uri())) {
            ReliableQueue queue = client.queue(queueName);
            Connection connection = factory.createConnection();
            try {
                Session session = connection.createSession(false, Session.CLIENT_ACKNOWLEDGE);
                MessageProducer producer = session.createProducer(session.createQueue(queueName));
                MessageConsumer consumer = session.createConsumer(session.createQueue(queueName));
                connection.start();

                // the first phase would otherwise pay for the JIT compiling the code both phases run
                jms(session, producer, consumer, 2 * settings.samples(), 0);
                core(queue, 2 * settings.samples(), 0);

                Timing jmsEmpty = jms(session, producer, consumer, warmUp, settings.samples());
                Timing coreEmpty = core(queue, warmUp, settings.samples());

                long started = System.nanoTime();
                fill(queue, storedJmsBody(session, producer, queue), settings.backlogDepth());
                long depth = queue.stats().ready();
                progress.note(String.format("backlog: %,d messages stored in %.1f s", depth,
                    (System.nanoTime() - started) / 1e9));
                System.gc(); // the fill's garbage is not charged to the timed calls

                Timing jmsDeep = jms(session, producer, consumer, warmUp, settings.samples());
                Timing coreDeep = core(queue, warmUp, settings.samples());
                return List.of(new BacklogResult("reliq JMS", depth, jmsEmpty, jmsDeep),
                    new BacklogResult("reliq core", depth, coreEmpty, coreDeep));
            } finally {
                JmsThroughput.closeQuietly(connection);
                queue.delete();
            }
        }
    }

    private static Timing jms(Session session, MessageProducer producer, MessageConsumer consumer,
            int warmUp, int samples) throws JMSException {
        byte[] payload = Payloads.kib();
        Histogram nanos = new Histogram(HIGHEST_NANOS, 3);
        for (int i = 0; i < warmUp + samples; i++) {
            BytesMessage message = session.createBytesMessage();
            message.writeBytes(payload);
            producer.send(message);
            long start = System.nanoTime();
            Message received = consumer.receive(RECEIVE_TIMEOUT_MILLIS);
            if (received == null) {
                throw new IllegalStateException("backlog: no message within " + RECEIVE_TIMEOUT_MILLIS + " ms");
            }
            received.acknowledge();
            if (i >= warmUp) {
                nanos.recordValue(Math.min(System.nanoTime() - start, HIGHEST_NANOS));
            }
        }
        return Timing.of(nanos);
    }

    private static Timing core(ReliableQueue queue, int warmUp, int samples) {
        byte[] payload = Payloads.kib();
        Histogram nanos = new Histogram(HIGHEST_NANOS, 3);
        for (int i = 0; i < warmUp + samples; i++) {
            queue.send(payload);
            long start = System.nanoTime();
            List<ReceivedMessage> received = queue.receive(1);
            if (received.isEmpty()) {
                throw new IllegalStateException("backlog: the core receive found nothing");
            }
            queue.acknowledge(received.get(0).receiptHandle());
            if (i >= warmUp) {
                nanos.recordValue(Math.min(System.nanoTime() - start, HIGHEST_NANOS));
            }
        }
        return Timing.of(nanos);
    }

    /** A 1 KiB BytesMessage as the JMS producer stores it in Redis (the queue is empty before). */
    private static byte[] storedJmsBody(Session session, MessageProducer producer, ReliableQueue queue)
            throws JMSException {
        BytesMessage message = session.createBytesMessage();
        message.writeBytes(Payloads.kib());
        producer.send(message);
        return queue.peek(1).get(0).body();
    }

    private static void fill(ReliableQueue queue, byte[] body, int depth) throws InterruptedException {
        List<OutgoingMessage> batch = Collections.nCopies(FILL_BATCH, OutgoingMessage.of(body));
        AtomicLong left = new AtomicLong(depth - 1L); // one is there already
        RunState state = new RunState(Integer.MAX_VALUE, Duration.ofMinutes(10));
        Workers workers = new Workers(state);
        for (int t = 0; t < FILL_THREADS; t++) {
            workers.start("backlog-fill-" + t, () -> {
                long take;
                while (state.running() && (take = Math.min(FILL_BATCH, left.getAndAdd(-FILL_BATCH))) > 0) {
                    queue.sendBatch(take == FILL_BATCH ? batch : new ArrayList<>(batch.subList(0, (int) take)));
                }
            });
        }
        if (!workers.join(TimeUnit.MINUTES.toMillis(10))) {
            state.stop();
            throw new IllegalStateException("backlog: filling the queue took more than 10 minutes");
        }
        if (state.failure() != null) {
            throw new IllegalStateException("backlog: filling the queue failed: " + state.failure(), state.failure());
        }
    }
}
