package dev.reliq.ra;

import jakarta.jms.JMSException;

import dev.reliq.jms.ReliqConnection;
import dev.reliq.jms.ReliqSession;

/**
 * The side of a managed connection or an endpoint session that a transaction drives: the
 * transacted session doing the work (created when first needed), and the connection that
 * stores prepared records.
 */
interface TransactionalWork {

    /** The transacted session of the current transaction, or null when none was created. */
    ReliqSession transactedSession();

    /** The connection whose Redis holds prepared records. */
    ReliqConnection connection();

    /**
     * Runs {@code operation} on a connection to the Redis that holds the prepared records, for
     * what works on records alone: listing them, and finishing or forgetting a branch this work
     * no longer has a session for. By default that is {@link #connection()}; work whose
     * connection can be closed while a transaction manager still holds its XAResource
     * overrides it.
     */
    default <T> T onRecords(RecordOperation<T> operation) throws JMSException {
        return operation.apply(connection());
    }

    /** Something done with the prepared records through a connection. */
    @FunctionalInterface
    interface RecordOperation<T> {
        T apply(ReliqConnection connection) throws JMSException;
    }

    /** A transaction (XA or local) started on this work. */
    default void transactionStarted() {
    }

    /** The transaction ended: committed, rolled back, or read-only at prepare. */
    default void transactionCompleted() {
    }

    /**
     * True when the work must not commit whatever the transaction manager says: an endpoint whose
     * {@code onMessage} threw (a container that commits anyway would lose the message).
     */
    default boolean rollbackOnly() {
        return false;
    }

    /**
     * Redis failed under a transaction's commit or rollback: a pooled connection should be
     * discarded. Work that reconnects by itself ignores it.
     */
    default void connectionFailed(Exception cause) {
    }
}
