package dev.reliq.benchmarks;

import java.util.Random;

/** The 1 KiB message body every scenario sends. */
final class Payloads {

    static final int SIZE = 1024;

    private Payloads() {
    }

    /** 1 KiB of incompressible bytes; the same for every run, so runs compare. */
    static byte[] kib() {
        byte[] body = new byte[SIZE];
        new Random(42).nextBytes(body);
        return body;
    }
}
