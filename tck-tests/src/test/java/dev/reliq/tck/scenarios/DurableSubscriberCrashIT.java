package dev.reliq.tck.scenarios;

import static java.util.concurrent.TimeUnit.MINUTES;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;

import dev.reliq.tck.JmsTestSupport;
import dev.reliq.test.RedisServerExtension;

/**
 * Three durable subscriptions of one topic, each consumed by a {@link DurableTopicConsumer} JVM that
 * is killed with SIGKILL mid-stream and replaced by a new one, while 20,000 messages are published:
 * every subscription still receives every message, an acknowledged message never comes back, and a
 * message comes twice only when its consumer died between receiving and acknowledging it.
 */
class DurableSubscriberCrashIT {

    @RegisterExtension
    static final RedisServerExtension REDIS = RedisServerExtension.standalone();

    private static final int MESSAGES = 20_000;
    private static final int BATCH = 100;
    private static final int PREFETCH = 8;
    private static final String SUBSCRIPTION = "orders";
    private static final Path LOGS = Path.of("target", "durable-subscriber-crash");

    @Test
    void everySubscriptionReceivesEveryMessageAlthoughItsConsumersAreKilled() throws Exception {
        long started = System.nanoTime();
        String topic = JmsTestSupport.uniqueName("orders");
        TopicKeys keys = new TopicKeys(REDIS, topic);
        // the kills come when a subscription has received this many distinct messages
        List<Subscriber> subscribers = List.of(
            new Subscriber(topic, "billing", List.of(2_000, 12_000)),
            new Subscriber(topic, "shipping", List.of(7_000)),
            new Subscriber(topic, "audit", List.of(11_000)));
        ExecutorService threads = Executors.newCachedThreadPool();
        try {
            for (Subscriber subscriber : subscribers) {
                subscriber.launch(threads);
            }
            for (Subscriber subscriber : subscribers) {
                subscriber.awaitReady();
            }
            assertThat(keys.subscriptions()).as("the durable subscriptions, registered before the first publish")
                .containsExactlyInAnyOrderElementsOf(subscribers.stream()
                    .map(s -> keys.subscriptionQueue(s.clientId, SUBSCRIPTION)).toList());
            long ready = System.nanoTime();

            CompletableFuture<Long> publishing = CompletableFuture.supplyAsync(() -> publish(topic), threads);
            List<CompletableFuture<Void>> consuming = new ArrayList<>();
            for (Subscriber subscriber : subscribers) {
                consuming.add(CompletableFuture.runAsync(() -> subscriber.consumeEverything(threads), threads));
            }
            long publishMillis = join(publishing, 3);
            for (CompletableFuture<Void> consumed : consuming) {
                join(consumed, 4);
            }
            long consumeMillis = millisSince(ready);
            System.out.printf("DurableSubscriberCrashIT: consumers ready in %,d ms; %,d messages published in %,d ms;"
                + " every subscription had every message %,d ms after the first publish%n",
                TimeUnit.NANOSECONDS.toMillis(ready - started), MESSAGES, publishMillis, consumeMillis);
            for (Subscriber subscriber : subscribers) {
                System.out.println("DurableSubscriberCrashIT: " + subscriber.report());
            }

            // the last consumers stay up until every redelivered message has been acknowledged too
            await("every payload freed once every subscription acknowledged its message")
                .atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> assertThat(keys.messageFields()).isEmpty());
            for (Subscriber subscriber : subscribers) {
                subscriber.stop();
            }
        } finally {
            for (Subscriber subscriber : subscribers) {
                subscriber.destroy();
            }
            threads.shutdownNow();
            System.out.printf("DurableSubscriberCrashIT: %,d ms in all%n", millisSince(started));
        }

        for (Subscriber subscriber : subscribers) {
            subscriber.assertNothingLostAndFewDuplicates();
        }
    }

    private static long publish(String topicName) {
        long started = System.nanoTime();
        try (Connection connection = JmsTestSupport.factory(REDIS, "").createConnection()) {
            Session session = connection.createSession(Session.SESSION_TRANSACTED);
            MessageProducer producer = session.createProducer(session.createTopic(topicName));
            for (int i = 0; i < MESSAGES; i++) {
                TextMessage message = session.createTextMessage("order " + i);
                message.setIntProperty("index", i);
                producer.send(message);
                if ((i + 1) % BATCH == 0) {
                    session.commit();
                }
            }
            session.commit();
        } catch (JMSException e) {
            throw new CompletionException(e);
        }
        return millisSince(started);
    }

    private static <T> T join(CompletableFuture<T> future, int minutes) throws Exception {
        try {
            return future.get(minutes, MINUTES);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() instanceof CompletionException wrapped && wrapped.getCause() != null
                ? wrapped.getCause() : e.getCause();
            if (cause instanceof Error error) {
                throw error;
            }
            throw cause instanceof Exception exception ? exception : e;
        }
    }

    private static long millisSince(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - nanos);
    }

    /** One consumer JVM and what it has printed. */
    private static final class Child {
        final int number;
        final Process process;
        final CompletableFuture<Void> ready = new CompletableFuture<>();
        volatile CompletableFuture<Void> output;
        volatile boolean killed;

        Child(int number, Process process) {
            this.number = number;
            this.process = process;
        }
    }

    /** One durable subscription, its client ID, its consumer JVMs one after another, and every message they reported. */
    private static final class Subscriber {
        final String topic;
        final String clientId;
        final Deque<Integer> killPlan;
        final int plannedKills;
        final File errors;
        final Map<Integer, Integer> receipts = new HashMap<>();
        final Set<Integer> acknowledged = new HashSet<>();
        final List<Integer> duplicates = new ArrayList<>();
        int redelivered;
        final List<String> violations = new ArrayList<>();
        final List<Integer> killedAt = new ArrayList<>();
        final List<Integer> drainedAt = new ArrayList<>();
        final List<Child> children = new ArrayList<>();
        volatile Child current;

        Subscriber(String topic, String clientId, List<Integer> killAfterDistinct) {
            this.topic = topic;
            this.clientId = clientId;
            this.killPlan = new ArrayDeque<>(killAfterDistinct);
            this.plannedKills = killAfterDistinct.size();
            this.errors = LOGS.resolve(clientId + ".err").toFile();
        }

        void launch(ExecutorService threads) throws IOException {
            Files.createDirectories(LOGS);
            String uri = JmsTestSupport.uri(REDIS, "visibilityTimeout=2s&prefetch=" + PREFETCH
                + "&connectionLease=3s&clientID=" + clientId);
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
            Process process = new ProcessBuilder(java, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xmx256m",
                    "-cp", classpath, DurableTopicConsumer.class.getName(), uri, topic, SUBSCRIPTION)
                .redirectError(ProcessBuilder.Redirect.appendTo(errors))
                .start();
            Child child;
            synchronized (this) {
                child = new Child(children.size() + 1, process);
                children.add(child);
            }
            child.output = CompletableFuture.runAsync(() -> read(child), threads);
            current = child;
        }

        void awaitReady() throws Exception {
            Child child = current;
            try {
                child.ready.get(60, SECONDS);
            } catch (TimeoutException e) {
                throw new AssertionError(clientId + "'s consumer " + child.number + " was not READY within 60 s; see "
                    + errors, e);
            } catch (ExecutionException e) {
                throw new AssertionError(e.getCause().getMessage(), e.getCause());
            }
        }

        /** Replaces every killed consumer with a new one, until the subscription has received every message. */
        void consumeEverything(ExecutorService threads) {
            try {
                while (true) {
                    Child child = current;
                    try {
                        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(20))
                            .until(() -> child.killed || !child.process.isAlive() || distinct() == MESSAGES);
                    } catch (ConditionTimeoutException e) {
                        throw new AssertionError(clientId + " stalled: " + progress(), e);
                    }
                    if (!child.killed) {
                        if (!child.process.isAlive()) {
                            throw new AssertionError(clientId + "'s consumer " + child.number + " exited by itself with"
                                + " code " + child.process.exitValue() + " after " + progress() + "; see " + errors);
                        }
                        return;
                    }
                    assertThat(child.process.waitFor(30, SECONDS)).isTrue();
                    assertThat(child.process.exitValue()).as("exit code of a SIGKILLed JVM").isEqualTo(137);
                    child.output.get(30, SECONDS); // every line it wrote before it died has been read
                    int distinct = distinct();
                    synchronized (this) {
                        drainedAt.add(distinct);
                    }
                    assertThat(distinct).as("%s's consumer %d was killed before it had received everything",
                        clientId, child.number).isLessThan(MESSAGES);
                    launch(threads);
                    awaitReady();
                }
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        }

        /** Closes the last consumer's stdin, on which it closes its connection and exits. */
        void stop() throws Exception {
            Child child = current;
            child.process.getOutputStream().close();
            assertThat(child.process.waitFor(30, SECONDS)).as("%s's last consumer exited", clientId).isTrue();
            child.output.get(30, SECONDS);
            assertThat(child.process.exitValue()).as("exit code of %s's last consumer; see %s", clientId, errors)
                .isZero();
        }

        synchronized void destroy() {
            for (Child child : children) {
                child.process.destroyForcibly();
            }
        }

        synchronized int distinct() {
            return receipts.size();
        }

        synchronized String progress() {
            return receipts.size() + " of " + MESSAGES + " distinct messages received, first missing "
                + firstMissing(20) + ", by " + children.size() + " consumer JVMs";
        }

        synchronized String report() {
            List<Integer> shown = duplicates.subList(0, Math.min(50, duplicates.size()));
            return clientId + ": " + children.size() + " consumer JVMs; killed once " + killedAt
                + " distinct messages were seen (" + drainedAt + " once their output was read to the end); "
                + receipts.values().stream().mapToInt(Integer::intValue).sum() + " receipts of " + receipts.size()
                + " distinct messages, " + redelivered + " of them flagged JMSRedelivered (held by a killed consumer);"
                + " " + duplicates.size() + " received twice" + (duplicates.isEmpty() ? "" : ": " + shown);
        }

        synchronized void assertNothingLostAndFewDuplicates() {
            assertThat(receipts.size()).as("%s lost messages; first missing: %s", clientId, firstMissing(20))
                .isEqualTo(MESSAGES);
            assertThat(receipts.keySet()).as("%s received messages nobody published", clientId)
                .allMatch(index -> index >= 0 && index < MESSAGES);
            assertThat(violations).as("%s: acknowledged messages delivered again, or repeats not flagged as redelivered",
                clientId).isEmpty();
            assertThat(killedAt).as("%s's kills", clientId).hasSize(plannedKills);
            // with one acknowledgement per message, only the message in the application's hands when
            // the JVM died can come twice; prefetched ones were never printed
            assertThat(duplicates).as("%s's duplicates after %d kills with prefetch %d", clientId, killedAt.size(), PREFETCH)
                .hasSizeLessThanOrEqualTo(killedAt.size() * (PREFETCH + 1));
        }

        private void read(Child child) {
            try (BufferedReader out = new BufferedReader(
                    new InputStreamReader(child.process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    onLine(child, line);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                child.ready.completeExceptionally(new IllegalStateException(clientId + "'s consumer " + child.number
                    + " exited before it was READY; see " + errors));
            }
        }

        private synchronized void onLine(Child child, String line) {
            if (line.equals("READY")) {
                child.ready.complete(null);
            } else if (line.startsWith("RECEIVED ")) {
                String[] parts = line.split(" ");
                int index = Integer.parseInt(parts[1]);
                boolean redelivered = Boolean.parseBoolean(parts[2]);
                if (redelivered) {
                    this.redelivered++;
                }
                if (acknowledged.contains(index)) {
                    violations.add("message " + index + " was acknowledged, yet consumer " + child.number
                        + " received it again");
                }
                int times = receipts.merge(index, 1, Integer::sum);
                if (times > 1) {
                    duplicates.add(index);
                    if (!redelivered) {
                        violations.add("message " + index + " came again to consumer " + child.number
                            + " without JMSRedelivered");
                    }
                }
                if (times == 1 && !child.killed && !killPlan.isEmpty() && receipts.size() >= killPlan.peek()) {
                    killPlan.poll();
                    killedAt.add(receipts.size());
                    child.killed = true;
                    // SIGKILL, wherever its receive-acknowledge loop is; through the handle, because
                    // Process.destroyForcibly() also closes the pipe and loses the lines not read yet
                    child.process.toHandle().destroyForcibly();
                }
            } else if (line.startsWith("ACKED ")) {
                acknowledged.add(Integer.parseInt(line.substring("ACKED ".length())));
            }
        }

        private List<Integer> firstMissing(int limit) {
            List<Integer> missing = new ArrayList<>();
            for (int i = 0; i < MESSAGES && missing.size() < limit; i++) {
                if (!receipts.containsKey(i)) {
                    missing.add(i);
                }
            }
            return missing;
        }
    }
}
