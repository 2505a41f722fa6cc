package dev.reliq.samples.quickstart;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.reliq.queue.DeadLetterInfo;
import dev.reliq.queue.HandleOutcome;
import dev.reliq.queue.OutgoingMessage;
import dev.reliq.queue.QueueAttributes;
import dev.reliq.queue.QueueClient;
import dev.reliq.queue.QueueStats;
import dev.reliq.queue.QueuedMessage;
import dev.reliq.queue.ReceivedMessage;
import dev.reliq.queue.RedisUri;
import dev.reliq.queue.ReliableQueue;
import dev.reliq.samples.support.EmbeddedRedis;

/**
 * The reliable queue's story in one run: send and acknowledge; a consumer crashes and its
 * message comes back after the visibility timeout, with a new receipt handle; a poison message
 * ends in the dead-letter queue; an operator redrives it; nothing is lost.
 *
 * <p>Uses the Redis named by the environment variable {@code REDIS_URL} (keys under
 * {@value #KEY_PREFIX}), or else starts an embedded Redis on a free port.
 */
public final class QuickStart {

    static final String KEY_PREFIX = "reliq-quickstart";

    private static final Duration VISIBILITY_TIMEOUT = Duration.ofSeconds(2);
    private static final int MAX_DELIVERIES = 3;
    /** Longest a consumer waits for a message before the story gives up: well past the visibility timeout. */
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final ReliableQueue orders;
    private final ReliableQueue deadLetters;
    private final PrintStream out;
    private final Set<String> sent = new LinkedHashSet<>();
    private final List<String> acknowledged = new ArrayList<>();

    private QuickStart(ReliableQueue orders, PrintStream out) {
        this.orders = orders;
        this.deadLetters = orders.deadLetterQueue();
        this.out = out;
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
        try (QueueClient client = QueueClient.connect(uri)) {
            QuickStart story = new QuickStart(client.queue("orders"), out);
            story.createQueue();
            story.sendAndAcknowledge();
            story.crashAndRedelivery();
            story.poisonMessage();
            story.redrive();
            story.finalStats();
        }
    }

    private void createQueue() {
        section(1, "Create a queue");
        orders.setAttributes(QueueAttributes.defaults()
            .withVisibilityTimeout(VISIBILITY_TIMEOUT)
            .withMaxDeliveries(MAX_DELIVERIES)
            .withDeadLetterQueue("orders.DLQ"));
        long leftOver = orders.purge() + deadLetters.purge();
        QueueAttributes attributes = orders.attributes();
        say("queue %s: visibility timeout %s, max deliveries %d, dead-letter queue %s", orders.name(),
            seconds(attributes.visibilityTimeout()), attributes.maxDeliveries(), attributes.deadLetterQueue());
        if (leftOver > 0) {
            say("(purged %s left by an earlier run)", messages(leftOver));
        }
    }

    private void sendAndAcknowledge() {
        section(2, "Send, receive, acknowledge");
        send("order-1", "order-2", "order-3");
        ReceivedMessage order = receive("consumer A");
        acknowledge("consumer A", order);
    }

    private void crashAndRedelivery() {
        section(3, "A consumer crashes: its message comes back after the visibility timeout");
        ReceivedMessage taken = receive("consumer B");
        long takenAt = System.nanoTime();
        say("consumer B crashed before acknowledging %s", text(taken));
        stats();
        ReceivedMessage next = receive("consumer C");
        if (next.id().equals(taken.id())) {
            throw new IllegalStateException(text(taken) + " was delivered again while consumer B held it");
        }
        say("(%s is invisible while consumer B holds it, so consumer C got the next order)", text(taken));
        acknowledge("consumer C", next);
        say("consumer C waits for the next message...");
        ReceivedMessage again = receive("consumer C");
        say("%s came back %.1fs after consumer B received it, with a new receipt handle",
            text(again), (System.nanoTime() - takenAt) / 1e9);
        say("consumer B's late acknowledge with its old receipt handle %s: %s (refused, the handle is stale)",
            taken.receiptHandle(), orders.acknowledge(taken.receiptHandle()));
        acknowledge("consumer C", again);
    }

    private void poisonMessage() {
        section(4, "A poison message ends in the dead-letter queue");
        send("order-4");
        say("order-4 is a poison message: every consumer fails on it");
        HandleOutcome outcome = null;
        for (int attempt = 1; attempt <= MAX_DELIVERIES && outcome != HandleOutcome.DEAD_LETTERED; attempt++) {
            ReceivedMessage poison = receive("consumer D");
            outcome = orders.release(List.of(poison.receiptHandle())).outcome(poison.receiptHandle());
            say("consumer D failed and released %s: %s", text(poison), outcome);
        }
        if (outcome != HandleOutcome.DEAD_LETTERED) {
            throw new IllegalStateException("order-4 was not dead-lettered after " + MAX_DELIVERIES + " deliveries");
        }
        for (QueuedMessage dead : deadLetters.peek(10)) {
            DeadLetterInfo info = dead.deadLetter().orElseThrow();
            say("%s holds %s: reason %s, origin queue %s, deliveries %d", deadLetters.name(), text(dead.body()),
                info.reason(), info.originQueue(), info.deliveries());
        }
        stats();
    }

    private void redrive() {
        section(5, "Redrive the dead-letter queue");
        long moved = orders.redrive(100);
        say("an operator fixed the consumer and redrove %s from %s back to %s",
            messages(moved), deadLetters.name(), orders.name());
        ReceivedMessage order = receive("consumer E");
        acknowledge("consumer E", order);
    }

    private void finalStats() {
        section(6, "Final stats");
        QueueStats stats = stats();
        Set<String> missing = new LinkedHashSet<>(sent);
        acknowledged.forEach(missing::remove);
        say("sent %d orders, acknowledged %d (%s): %s", sent.size(), acknowledged.size(),
            String.join(", ", acknowledged),
            missing.isEmpty() && stats.total() == 0 && stats.deadLettered() == 0
                ? "nothing lost" : "not acknowledged: " + missing);
    }

    // ---------------------------------------------------------------- the consumers' moves

    private void send(String... bodies) {
        List<OutgoingMessage> messages = new ArrayList<>();
        for (String body : bodies) {
            messages.add(OutgoingMessage.of(body.getBytes(StandardCharsets.UTF_8)));
            sent.add(body);
        }
        orders.sendBatch(messages);
        say("sent %s", String.join(", ", bodies));
    }

    /** A waiting receive: returns as soon as a message is ready, or fails the story after {@link #WAIT}. */
    private ReceivedMessage receive(String consumer) {
        List<ReceivedMessage> received = orders.receive(1, null, WAIT);
        if (received.isEmpty()) {
            throw new IllegalStateException(consumer + " received nothing within " + seconds(WAIT));
        }
        ReceivedMessage message = received.get(0);
        say("%s received %s (deliveries=%d, receipt handle %s)", consumer, text(message), message.deliveries(),
            message.receiptHandle());
        return message;
    }

    private void acknowledge(String consumer, ReceivedMessage message) {
        HandleOutcome outcome = orders.acknowledge(message.receiptHandle());
        if (outcome == HandleOutcome.ACKNOWLEDGED) {
            acknowledged.add(text(message));
        }
        say("%s processed %s and acknowledged it: %s", consumer, text(message), outcome);
    }

    private QueueStats stats() {
        QueueStats stats = orders.stats();
        say("stats of %s: ready %d, delayed %d, in flight %d; dead letters in %s: %d", orders.name(),
            stats.ready(), stats.delayed(), stats.inFlight(), deadLetters.name(), stats.deadLettered());
        return stats;
    }

    // ---------------------------------------------------------------- output

    private void section(int number, String title) {
        out.println();
        out.println(number + ". " + title);
    }

    private void say(String format, Object... args) {
        out.println("   " + String.format(Locale.ROOT, format, args));
    }

    private static String text(ReceivedMessage message) {
        return text(message.body());
    }

    private static String text(byte[] body) {
        return new String(body, StandardCharsets.UTF_8);
    }

    private static String messages(long count) {
        return count + (count == 1 ? " message" : " messages");
    }

    private static String seconds(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + "s" : String.format(Locale.ROOT, "%.1fs", millis / 1000.0);
    }
}
