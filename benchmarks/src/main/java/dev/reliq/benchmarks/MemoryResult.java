package dev.reliq.benchmarks;

/**
 * Redis memory per stored 1 KiB message.
 *
 * @param store how the messages were stored
 * @param messages how many were stored
 * @param bytesPerMessage growth of {@code used_memory} per message
 */
record MemoryResult(String store, long messages, double bytesPerMessage) {

    /** The bytes above the 1 KiB payload. */
    double overhead() {
        return bytesPerMessage - Payloads.SIZE;
    }
}
