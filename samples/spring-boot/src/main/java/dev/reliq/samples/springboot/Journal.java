package dev.reliq.samples.springboot;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

import org.slf4j.Logger;
import org.springframework.stereotype.Component;

/**
 * What happened, in the order it happened: every line the listeners and the story log is also
 * kept here, so the story can wait for a listener's work, and the test can read what a user reads.
 */
@Component
class Journal {

    private final List<String> lines = new ArrayList<>();

    /** Logs the line at INFO and keeps it. */
    void say(Logger log, String format, Object... args) {
        String line = String.format(Locale.ROOT, format, args);
        log.info(line);
        synchronized (lines) {
            lines.add(line);
            lines.notifyAll();
        }
    }

    List<String> lines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    /** Waits until a line matches, and returns it; fails after {@code timeout}. */
    String await(Predicate<String> wanted, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lines) {
            while (true) {
                for (String line : lines) {
                    if (wanted.test(line)) {
                        return line;
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new IllegalStateException("nothing happened within " + timeout + "; so far: " + lines);
                }
                lines.wait(Math.max(1, left / 1_000_000));
            }
        }
    }

    /** Waits for a line that starts with {@code prefix}. */
    String awaitStartingWith(String prefix, Duration timeout) throws InterruptedException {
        return await(line -> line.startsWith(prefix), timeout);
    }
}
