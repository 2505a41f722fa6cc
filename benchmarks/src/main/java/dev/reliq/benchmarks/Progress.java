package dev.reliq.benchmarks;

import java.io.PrintStream;

/** Progress lines while a run goes, on stderr, so that stdout carries only the report. */
final class Progress {

    private final PrintStream out;
    private final long start = System.nanoTime();

    private Progress(PrintStream out) {
        this.out = out;
    }

    static Progress to(PrintStream out) {
        return new Progress(out);
    }

    static Progress silent() {
        return new Progress(null);
    }

    void note(String line) {
        if (out != null) {
            long seconds = (System.nanoTime() - start) / 1_000_000_000L;
            out.printf("[%2d:%02d] %s%n", seconds / 60, seconds % 60, line);
            out.flush();
        }
    }
}
