package dev.reliq.samples.quickstart;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;

import dev.reliq.jms.ReliqConnectionFactory;

/**
 * Consumer B of the quick start: a JVM of its own that receives one order with
 * CLIENT_ACKNOWLEDGE, reports it on standard output, and waits, never acknowledging, until the
 * quick start kills it. Its connection dies with it, so nothing renews the order's lease: the
 * order is delivered again once its visibility timeout passes.
 */
public final class CrashingConsumer {

    /** The environment variable that carries the Redis URI to the child, so a password never shows in its command line. */
    private static final String URI_VARIABLE = "RELIQ_QUICKSTART_URI";
    private static final String TOOK = "took ";
    /** The child gives up (without acknowledging) if nobody kills it by then. */
    private static final Duration LONGEST_LIFE = Duration.ofMinutes(1);

    /** What consumer B took before it was killed. */
    record Taken(long pid, String text, int deliveryCount, long receivedAtNanos) {
    }

    private CrashingConsumer() {
    }

    public static void main(String[] args) throws JMSException, InterruptedException {
        long waitMillis = Long.parseLong(args[0]);
        ReliqConnectionFactory factory = new ReliqConnectionFactory(System.getenv(URI_VARIABLE));
        JMSContext context = factory.createContext(JMSContext.CLIENT_ACKNOWLEDGE);
        Message message = context.createConsumer(context.createQueue("orders")).receive(waitMillis);
        if (message == null) {
            System.out.println("nothing to take");
            System.exit(2);
        }
        System.out.println(TOOK + message.getIntProperty("JMSXDeliveryCount") + " " + ((TextMessage) message).getText());
        System.out.flush();
        // working on the order... until the kill comes; a crash never acknowledges
        Thread.sleep(LONGEST_LIFE.toMillis());
        Runtime.getRuntime().halt(3);
    }

    /**
     * Starts consumer B in a new JVM, waits until it has received an order, and kills it with
     * SIGKILL (or the platform's equivalent) before it can acknowledge.
     */
    static Taken takeOneAndBeKilled(String uri, Duration wait) {
        ProcessBuilder builder = new ProcessBuilder(javaExecutable(), "-cp", classPath(),
            CrashingConsumer.class.getName(), Long.toString(wait.toMillis()))
            .redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().put(URI_VARIABLE, uri);
        Process child;
        try {
            child = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start consumer B's JVM", e);
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line = reader.readLine();
            long receivedAt = System.nanoTime();
            if (line == null || !line.startsWith(TOOK)) {
                throw new IllegalStateException("consumer B took no order (it said: " + line + ")");
            }
            String[] countAndText = line.substring(TOOK.length()).split(" ", 2);
            return new Taken(child.pid(), countAndText[1], Integer.parseInt(countAndText[0]), receivedAt);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read consumer B's output", e);
        } finally {
            kill(child);
        }
    }

    private static void kill(Process child) {
        child.destroyForcibly();
        try {
            if (!child.waitFor(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("consumer B (pid " + child.pid() + ") did not die");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while killing consumer B", e);
        }
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * This program's class path. Under {@code mvn exec:java} the classes come from a class loader
     * of the plugin's, whose URLs are the project's class path; a plain {@code java} run has it in
     * {@code java.class.path}.
     */
    private static String classPath() {
        if (CrashingConsumer.class.getClassLoader() instanceof URLClassLoader loader && loader.getURLs().length > 0) {
            List<String> entries = new ArrayList<>();
            for (URL url : loader.getURLs()) {
                try {
                    entries.add(Path.of(url.toURI()).toString());
                } catch (URISyntaxException | IllegalArgumentException e) {
                    throw new IllegalStateException("class path entry " + url + " is not a file", e);
                }
            }
            return String.join(File.pathSeparator, entries);
        }
        return System.getProperty("java.class.path");
    }
}
