package dev.reliq.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * How long this disk takes to write and sync a 4 KiB block. Artemis's {@code artemis create}
 * measures the same when it writes a broker's configuration and makes it the journal's buffer
 * timeout; an embedded broker would otherwise keep the generic default (3.3 ms with NIO), which
 * caps a fast disk at about 300 syncs a second and would make the incumbent look slower than a
 * broker set up the usual way.
 */
final class DiskSync {

    private static final int BLOCK = 4096;
    private static final int WRITES = 250;
    private static final long MAX_NANOS = 5_000_000_000L;

    private DiskSync() {
    }

    /** Mean nanoseconds per 4 KiB write followed by a sync, measured in {@code dir}. */
    static long nanosPerSyncedWrite(Path dir) {
        Path file = dir.resolve("sync-test.bin");
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            ByteBuffer block = ByteBuffer.allocate(BLOCK);
            long start = System.nanoTime();
            int writes = 0;
            while (writes < WRITES && System.nanoTime() - start < MAX_NANOS) {
                block.clear();
                channel.write(block, (long) writes * BLOCK);
                channel.force(false);
                writes++;
            }
            return (System.nanoTime() - start) / writes;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot measure the disk's sync time in " + dir, e);
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a temporary directory, removed with the broker
            }
        }
    }
}
