package dev.reliq.benchmarks;

import jakarta.jms.Session;

/** How the runs' sessions acknowledge, as the issue asks: every message, or a transaction per 32. */
enum AckMode {

    /** Consumers acknowledge implicitly when receive returns; producers send one by one. */
    AUTO("AUTO", Session.AUTO_ACKNOWLEDGE),
    /** Consumers call {@code Message.acknowledge()} after every message. */
    CLIENT("CLIENT", Session.CLIENT_ACKNOWLEDGE),
    /** Producers and consumers commit every {@link #TRANSACTION_SIZE} messages. */
    TRANSACTED("TX/32", Session.SESSION_TRANSACTED);

    static final int TRANSACTION_SIZE = 32;

    private final String label;
    private final int sessionMode;

    AckMode(String label, int sessionMode) {
        this.label = label;
        this.sessionMode = sessionMode;
    }

    int sessionMode() {
        return sessionMode;
    }

    boolean transacted() {
        return this == TRANSACTED;
    }

    @Override
    public String toString() {
        return label;
    }
}
