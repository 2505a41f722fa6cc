package dev.reliq.benchmarks;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * What the producers and consumers of one throughput run share: the counts, the stop signal,
 * the first failure, and the in-flight limit that keeps producers from outrunning consumers.
 */
final class RunState {

    private final AtomicBoolean stop = new AtomicBoolean();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong consumed = new AtomicLong();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final int inFlightLimit;
    private final long hardDeadline;

    /**
     * @param inFlightLimit producers wait while this many messages are sent and not consumed
     * @param longest no worker loop runs longer than this, whatever happens to the stop signal
     */
    RunState(int inFlightLimit, Duration longest) {
        this.inFlightLimit = inFlightLimit;
        this.hardDeadline = System.nanoTime() + longest.toNanos();
    }

    boolean running() {
        return !stop.get() && System.nanoTime() - hardDeadline < 0;
    }

    void stop() {
        stop.set(true);
    }

    void sent(long count) {
        sent.addAndGet(count);
    }

    void consumed(long count) {
        consumed.addAndGet(count);
    }

    long consumed() {
        return consumed.get();
    }

    long sent() {
        return sent.get();
    }

    /** Waits while the in-flight limit is reached; false when the run ended meanwhile. */
    boolean awaitRoom() {
        while (sent.get() - consumed.get() >= inFlightLimit) {
            if (!running()) {
                return false;
            }
            LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(50));
        }
        return running();
    }

    void failed(Throwable t) {
        if (failure.compareAndSet(null, t)) {
            stop();
        }
    }

    Throwable failure() {
        return failure.get();
    }
}
