package dev.reliq.samples.quickstart;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSProducer;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.TextMessage;

import dev.reliq.jms.ReliqConnectionFactory;
import dev.reliq.queue.QueueAttributes;
import dev.reliq.queue.QueueClient;
import dev.reliq.queue.QueueStats;
import dev.reliq.queue.RedisUri;
import dev.reliq.queue.ReliableQueue;
import dev.reliq.samples.support.EmbeddedRedis;

/**
 * The reliable queue's story in one run, told with Jakarta Messaging: orders are sent and
 * processed; a consumer in another JVM is killed mid-order, and its order comes back after the
 * visibility timeout with {@code JMSXDeliveryCount=2}; a poison order ends in the dead-letter
 * queue with its reason; an operator redrives it; nothing is lost.
 *
 * <p>Uses the Redis named by the environment variable {@code REDIS_URL} (keys under
 * {@value #KEY_PREFIX}), or else starts an embedded Redis on a free port.
 */
public final class QuickStart {

    static final String KEY_PREFIX = "reliq-quickstart";

    private static final Duration VISIBILITY_TIMEOUT = Duration.ofSeconds(2);
    private static final int MAX_DELIVERIES = 3;
    /** Longest any step waits for a message before the story gives up: well past the visibility timeout. */
    private static final Duration WAIT = Duration.ofSeconds(15);

    private final ReliqConnectionFactory factory;
    private final String uri;
    private final ReliableQueue admin;
    private final PrintStream out;
    private final Set<String> sent = new LinkedHashSet<>();
    private final List<String> processed = new ArrayList<>();

    private QuickStart(String uri, ReliableQueue admin, PrintStream out) {
        this.uri = uri;
        this.admin = admin;
        this.out = out;
        // prefetch=1: a consumer takes one order at a time, so the story shows exactly who holds what
        this.factory = new ReliqConnectionFactory(uri + "&prefetch=1");
    }

    public static void main(String[] args) throws IOException {
        String url = System.getenv("REDIS_URL");
        if (url != null && !url.isBlank()) {
            System.out.println("Using the Redis at " + RedisUri.parse(url).redacted() + " (REDIS_URL), keys under "
                + KEY_PREFIX);
            run(url, KEY_PREFIX, System.out);
            return;
        }
        try (EmbeddedRedis redis = EmbeddedRedis.start()) {
            System.out.println("No REDIS_URL set: started an embedded Redis " + redis.version() + " at " + redis.uri());
            run(redis.uri(), KEY_PREFIX, System.out);
        }
    }

    /** Tells the story against the Redis at {@code redisUri}, with every key under {@code keyPrefix}. */
    static void run(String redisUri, String keyPrefix, PrintStream out) {
        String uri = redisUri + (redisUri.contains("?") ? "&" : "?") + "keyPrefix=" + keyPrefix;
        // the operator's view: queue attributes, stats and redrive are the reliable-queue API's
        try (QueueClient client = QueueClient.connect(uri)) {
            QuickStart story = new QuickStart(uri, client.queue("orders"), out);
            story.createQueue();
            try (JMSContext context = story.factory.createContext(JMSContext.CLIENT_ACKNOWLEDGE)) {
                Queue orders = context.createQueue("orders");
                story.sendAndProcess(context, orders);
                story.consumerCrashes(context, orders);
            }
            story.poisonOrder();
            story.redrive();
            story.nothingLost();
        } catch (JMSException e) {
            throw new IllegalStateException("the story stopped: " + e.getMessage(), e);
        }
    }

    private void createQueue() {
        section(1, "The queue");
        admin.setAttributes(QueueAttributes.defaults()
            .withVisibilityTimeout(VISIBILITY_TIMEOUT)
            .withMaxDeliveries(MAX_DELIVERIES)
            .withDeadLetterQueue("orders.DLQ"));
        long leftOver = admin.purge() + admin.deadLetterQueue().purge();
        QueueAttributes attributes = admin.attributes();
        say("orders: visibility timeout %s, at most %d deliveries, then %s", seconds(attributes.visibilityTimeout()),
            attributes.maxDeliveries(), attributes.deadLetterQueue());
        if (leftOver > 0) {
            say("(purged %s left by an earlier run)", messages(leftOver));
        }
    }

    private void sendAndProcess(JMSContext context, Queue orders) throws JMSException {
        section(2, "Send and process");
        send(context, orders, "order-1", "order-2", "order-3");
        try (JMSConsumer consumerA = context.createConsumer(orders)) {
            process("consumer A", receive(consumerA));
        }
    }

    private void consumerCrashes(JMSContext context, Queue orders) throws JMSException {
        section(3, "A consumer crashes mid-order");
        CrashingConsumer.Taken taken = CrashingConsumer.takeOneAndBeKilled(uri + "&prefetch=1", WAIT);
        say("consumer B (another JVM, pid %d) received %s (JMSXDeliveryCount=%d)", taken.pid(), taken.text(),
            taken.deliveryCount());
        say("consumer B was killed (SIGKILL) before it acknowledged %s", taken.text());
        try (JMSConsumer consumerA = context.createConsumer(orders)) {
            Message next = receive(consumerA);
            say("consumer A received %s: %s stays invisible while its visibility timeout runs", describe(next),
                taken.text());
            process("consumer A", next);
            Message again = receive(consumerA);
            if (!text(again).equals(taken.text())) {
                throw new IllegalStateException("expected " + taken.text() + " back, got " + text(again));
            }
            say("consumer A received %s %.1fs after consumer B took it", describe(again),
                (System.nanoTime() - taken.receivedAtNanos()) / 1e9);
            process("consumer A", again);
        }
    }

    private void poisonOrder() throws JMSException {
        section(4, "A poison order ends in the dead-letter queue");
        BlockingQueue<String> failures = new LinkedBlockingQueue<>();
        try (JMSContext context = factory.createContext(JMSContext.AUTO_ACKNOWLEDGE)) {
            Queue orders = context.createQueue("orders");
            send(context, orders, "order-4");
            JMSConsumer listening = context.createConsumer(orders);
            listening.setMessageListener(message -> {
                String description = describe(message);
                failures.add(description);
                throw new IllegalStateException("cannot process " + description);
            });
            for (int delivery = 1; delivery <= MAX_DELIVERIES; delivery++) {
                say("the order listener threw on %s", next(failures));
            }
            listening.close();
        }
        try (JMSContext context = factory.createContext(JMSContext.AUTO_ACKNOWLEDGE)) {
            Message dead = awaitDeadLetter(context, context.createQueue("orders.DLQ"));
            say("orders.DLQ holds %s: JMS_ReliqDeadLetterReason=%s, JMS_ReliqDeadLetterOrigin=%s,"
                    + " JMS_ReliqDeadLetterDeliveries=%d", text(dead), dead.getStringProperty("JMS_ReliqDeadLetterReason"),
                dead.getStringProperty("JMS_ReliqDeadLetterOrigin"), dead.getIntProperty("JMS_ReliqDeadLetterDeliveries"));
        }
    }

    private void redrive() throws JMSException {
        section(5, "An operator redrives it");
        long moved = admin.redrive(100);
        say("the consumer is fixed; %s redriven from orders.DLQ back to orders", messages(moved));
        try (JMSContext context = factory.createContext(JMSContext.CLIENT_ACKNOWLEDGE);
             JMSConsumer consumerC = context.createConsumer(context.createQueue("orders"))) {
            process("consumer C", receive(consumerC));
        }
    }

    private void nothingLost() {
        section(6, "Nothing lost");
        QueueStats stats = admin.stats();
        say("orders: ready %d, delayed %d, in flight %d; orders.DLQ: %d", stats.ready(), stats.delayed(),
            stats.inFlight(), stats.deadLettered());
        Set<String> missing = new LinkedHashSet<>(sent);
        processed.forEach(missing::remove);
        say("sent %d orders, processed %d (%s): %s", sent.size(), processed.size(), String.join(", ", processed),
            missing.isEmpty() && stats.total() == 0 && stats.deadLettered() == 0
                ? "each once, nothing lost" : "not processed: " + missing);
    }

    // ---------------------------------------------------------------- the consumers' moves

    private void send(JMSContext context, Queue orders, String... bodies) {
        JMSProducer producer = context.createProducer();
        for (String body : bodies) {
            producer.send(orders, body);
            sent.add(body);
        }
        say("sent %s", String.join(", ", bodies));
    }

    /** A waiting receive: returns as soon as a message is ready, or fails the story after {@link #WAIT}. */
    private static Message receive(JMSConsumer consumer) {
        Message message = consumer.receive(WAIT.toMillis());
        if (message == null) {
            throw new IllegalStateException("no order arrived within " + seconds(WAIT));
        }
        return message;
    }

    private void process(String consumer, Message message) throws JMSException {
        message.acknowledge();
        processed.add(text(message));
        say("%s processed %s and acknowledged it", consumer, describe(message));
    }

    /** Browses the dead-letter queue until the poison order is there: the last failed delivery moves it. */
    private static Message awaitDeadLetter(JMSContext context, Queue deadLetters) throws JMSException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            try (QueueBrowser browser = context.createBrowser(deadLetters)) {
                Enumeration<?> messages = browser.getEnumeration();
                if (messages.hasMoreElements()) {
                    return (Message) messages.nextElement();
                }
            }
            pause(Duration.ofMillis(50));
        }
        throw new IllegalStateException("orders.DLQ stayed empty for " + seconds(WAIT));
    }

    private static String next(BlockingQueue<String> events) {
        try {
            String event = events.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            if (event == null) {
                throw new IllegalStateException("the order listener was not called within " + seconds(WAIT));
            }
            return event;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    // ---------------------------------------------------------------- output

    /** "order-2 (JMSRedelivered=true, JMSXDeliveryCount=2)" */
    private static String describe(Message message) {
        try {
            return String.format(Locale.ROOT, "%s (JMSRedelivered=%s, JMSXDeliveryCount=%d)", text(message),
                message.getJMSRedelivered(), message.getIntProperty("JMSXDeliveryCount"));
        } catch (JMSException e) {
            throw new IllegalStateException("cannot read the message's headers: " + e.getMessage(), e);
        }
    }

    private static String text(Message message) {
        try {
            return ((TextMessage) message).getText();
        } catch (JMSException e) {
            throw new IllegalStateException("cannot read the message's text: " + e.getMessage(), e);
        }
    }

    private void section(int number, String title) {
        out.println();
        out.println(number + ". " + title);
    }

    private void say(String format, Object... args) {
        out.println("   " + String.format(Locale.ROOT, format, args));
    }

    private static String messages(long count) {
        return count + (count == 1 ? " message" : " messages");
    }

    static String seconds(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + "s" : String.format(Locale.ROOT, "%.1fs", millis / 1000.0);
    }
}
