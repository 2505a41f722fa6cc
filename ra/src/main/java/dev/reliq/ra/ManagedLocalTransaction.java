package dev.reliq.ra;

import jakarta.jms.JMSException;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionEvent;
import jakarta.resource.spi.LocalTransaction;
import jakarta.resource.spi.LocalTransactionException;

import dev.reliq.jms.ReliqSession;

/** A container-managed local transaction (JCA LocalTransaction): the transacted session commits or rolls back. */
final class ManagedLocalTransaction implements LocalTransaction {

    private final ReliqManagedConnection connection;
    private volatile boolean active;

    ManagedLocalTransaction(ReliqManagedConnection connection) {
        this.connection = connection;
    }

    boolean isActive() {
        return active;
    }

    @Override
    public void begin() throws ResourceException {
        if (active) {
            throw new LocalTransactionException("reliq: a local transaction is already active");
        }
        active = true;
        connection.fireLocalTransactionEvent(ConnectionEvent.LOCAL_TRANSACTION_STARTED);
    }

    @Override
    public void commit() throws ResourceException {
        end(true);
    }

    @Override
    public void rollback() throws ResourceException {
        end(false);
    }

    private void end(boolean commit) throws ResourceException {
        if (!active) {
            throw new LocalTransactionException("reliq: no local transaction is active");
        }
        ReliqSession session = connection.transactedSession();
        try {
            if (session != null) {
                if (commit) {
                    session.commit();
                } else {
                    session.rollback();
                }
            }
        } catch (JMSException e) {
            LocalTransactionException le = new LocalTransactionException("reliq: local transaction "
                + (commit ? "commit" : "rollback") + " failed: " + e.getMessage());
            le.initCause(e);
            throw le;
        } finally {
            active = false;
            connection.transactionCompleted();
            connection.fireLocalTransactionEvent(commit
                ? ConnectionEvent.LOCAL_TRANSACTION_COMMITTED : ConnectionEvent.LOCAL_TRANSACTION_ROLLEDBACK);
        }
    }
}
