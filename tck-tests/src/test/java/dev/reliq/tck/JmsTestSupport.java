package dev.reliq.tck;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.awaitility.Awaitility;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Queue;
import jakarta.jms.Session;

import dev.reliq.jms.ReliqConnectionFactory;
import dev.reliq.test.RedisServerExtension;

/** Shared helpers of the conformance and scenario tests: factories on the fixture's Redis, unique queues. */
public final class JmsTestSupport {

    private static final AtomicInteger QUEUES = new AtomicInteger();

    private JmsTestSupport() {
    }

    /** A factory for the fixture's Redis, isolated by its key prefix, with extra URI options. */
    public static ConnectionFactory factory(RedisServerExtension redis, String options) {
        return new ReliqConnectionFactory(uri(redis, options));
    }

    public static String uri(RedisServerExtension redis, String options) {
        String base = redis.uri();
        String separator = base.contains("?") ? "&" : "?";
        return base + separator + "keyPrefix=" + redis.keyPrefix() + (options.isEmpty() ? "" : "&" + options);
    }

    /** A queue name no other test uses. */
    public static String uniqueName(String hint) {
        return hint + "-" + QUEUES.incrementAndGet() + "-" + System.nanoTime();
    }

    public static Queue queue(Session session, String hint) throws JMSException {
        return session.createQueue(uniqueName(hint));
    }

    /**
     * Redis's count of calls made by clients so far, from INFO commandstats. Commands that a Lua
     * script runs inside Redis are counted there too, so only the commands reliq's clients send
     * themselves are summed: one EVALSHA per queue operation, plus lease and registry upkeep.
     */
    public static long redisCalls(RedisServerExtension redis) {
        java.util.Set<String> clientCommands = java.util.Set.of("evalsha", "eval", "script|load", "script",
            "hscan", "hexists", "hgetall", "subscribe", "ping");
        String stats = redis.jedis().info("commandstats");
        long total = 0;
        for (String line : stats.split("\\r?\\n")) {
            if (!line.startsWith("cmdstat_")) {
                continue;
            }
            String command = line.substring("cmdstat_".length(), line.indexOf(':'));
            if (clientCommands.contains(command)) {
                String calls = line.substring(line.indexOf("calls=") + 6);
                total += Long.parseLong(calls.substring(0, calls.indexOf(',')));
            }
        }
        return total;
    }

    public static void closeAll(List<? extends AutoCloseable> closeables) throws Exception {
        for (AutoCloseable c : closeables) {
            c.close();
        }
    }

    public static Connection started(Connection connection) throws JMSException {
        connection.start();
        return connection;
    }

    /**
     * Waits until this machine's clock is past {@code epochMillis}: for tests of expiration and
     * delivery delay, where the condition is the time itself.
     */
    public static void awaitClockPast(long epochMillis) {
        long wait = Math.max(0, epochMillis - System.currentTimeMillis());
        Awaitility.await().atMost(Duration.ofMillis(wait + 5000)).pollInterval(Duration.ofMillis(10))
            .until(() -> System.currentTimeMillis() > epochMillis);
    }

    /** Receives {@code count} messages, failing if one does not come within five seconds. */
    public static List<Message> receive(MessageConsumer consumer, int count) throws JMSException {
        List<Message> received = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Message message = consumer.receive(5000);
            if (message == null) {
                throw new AssertionError("only " + i + " of " + count + " messages arrived: " + received);
            }
            received.add(message);
        }
        return received;
    }
}
