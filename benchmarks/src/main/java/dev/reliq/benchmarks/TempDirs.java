package dev.reliq.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Working directories of the servers a run starts; removed with them (an AOF can hold gigabytes). */
final class TempDirs {

    private TempDirs() {
    }

    static Path create(String name) {
        try {
            return Files.createTempDirectory("reliq-bench-" + name + "-");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a temporary directory for " + name, e);
        }
    }

    static void delete(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("Could not remove " + dir + ": " + e.getMessage());
        }
    }
}
