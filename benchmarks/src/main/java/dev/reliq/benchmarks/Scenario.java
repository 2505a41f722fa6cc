package dev.reliq.benchmarks;

import java.util.Locale;

/** The parts of a run, in the order they run; {@code --only=latency,memory} runs some of them. */
enum Scenario {
    THROUGHPUT, FANOUT, OPERATIONS, LATENCY, BACKLOG, IDLE, MEMORY;

    static Scenario parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown scenario '" + name + "'; choose from throughput, fanout,"
                + " operations, latency, backlog, idle, memory");
        }
    }
}
