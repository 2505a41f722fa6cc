package dev.reliq.ra;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.jms.JMSException;
import jakarta.jms.TransactionRolledBackException;

import dev.reliq.jms.PreparedWork;
import dev.reliq.jms.ReliqSession;

/**
 * The XAResource of a managed connection or of an endpoint's session. The session's sends are
 * held back and its consumed messages stay leased until the transaction ends:
 * <ul>
 *   <li>{@code prepare} checks that every consumed message is still held and stores what commit
 *       will do in Redis ({@code <prefix>:xa:prepared}); with nothing to do it answers
 *       {@code XA_RDONLY};</li>
 *   <li>{@code commit} sends and acknowledges, then removes the record; {@code rollback} drops
 *       the sends and gives the consumed messages back, with their delivery counted;</li>
 *   <li>{@code recover} lists the stored records, and {@code commit} or {@code rollback} of a
 *       branch whose session is gone (a crash) finishes it from its record.</li>
 * </ul>
 * A prepared branch's messages are leased only while its session lives: after a crash, a
 * recovered commit still sends, but a consumed message whose visibility timeout passed was
 * delivered again.
 */
final class ReliqXAResource implements XAResource {

    private static final Logger log = LoggerFactory.getLogger(ReliqXAResource.class);

    private final TransactionalWork work;
    /** Volatile, so {@link #inTransaction} reads it without this resource's lock (see there). */
    private volatile Xid active;
    private boolean prepared;

    ReliqXAResource(TransactionalWork work) {
        this.work = work;
    }

    /**
     * True between start and the end of the transaction (commit, rollback, read-only prepare).
     * Not synchronized: the managed connection asks while holding its own lock, and a commit
     * holds this resource's lock while it tells the managed connection the transaction is over;
     * taking both in opposite orders deadlocked GlassFish when it destroyed a pool mid-commit.
     */
    boolean inTransaction() {
        return active != null;
    }

    @Override
    public synchronized void start(Xid xid, int flags) throws XAException {
        if ((flags & (TMJOIN | TMRESUME)) != 0) {
            if (active == null || !BranchId.name(active).equals(BranchId.name(xid))) {
                throw new XAException(XAException.XAER_NOTA);
            }
            return;
        }
        if (active != null) {
            throw new XAException(XAException.XAER_PROTO);
        }
        active = xid;
        prepared = false;
        work.transactionStarted();
    }

    @Override
    public synchronized void end(Xid xid, int flags) throws XAException {
        if (active == null || !isActive(xid)) {
            throw new XAException(XAException.XAER_NOTA);
        }
    }

    @Override
    public synchronized int prepare(Xid xid) throws XAException {
        if (!isActive(xid)) {
            throw new XAException(XAException.XAER_NOTA);
        }
        ReliqSession session = work.transactedSession();
        if (session == null || !session.hasTransactionWork()) {
            finish();
            return XA_RDONLY;
        }
        if (work.rollbackOnly()) {
            rollbackInstead(xid, session);
        }
        try {
            PreparedWork todo = session.prepare();
            work.connection().preparedTransactions().store(BranchId.name(xid), todo.encode());
            prepared = true;
            return XA_OK;
        } catch (TransactionRolledBackException e) {
            finish();
            throw xa(XAException.XA_RBROLLBACK, "prepare", e);
        } catch (JMSException | RuntimeException e) {
            throw xa(XAException.XAER_RMFAIL, "prepare", e);
        }
    }

    @Override
    public synchronized void commit(Xid xid, boolean onePhase) throws XAException {
        if (!isActive(xid)) {
            commitRecovered(xid);
            return;
        }
        ReliqSession session = work.transactedSession();
        if (session != null && work.rollbackOnly()) {
            rollbackInstead(xid, session);
        }
        try {
            if (session != null) {
                session.commit();
            }
        } catch (TransactionRolledBackException e) {
            forgetRecord(xid);
            finish();
            throw xa(onePhase ? XAException.XA_RBROLLBACK : XAException.XA_HEURRB, "commit", e);
        } catch (JMSException | RuntimeException e) {
            // Redis unreachable: the outcome is open. A prepared branch keeps its record in Redis, so
            // the transaction manager's retry or recovery finishes it from there; this resource
            // forgets the branch so that it can serve the next transaction.
            finish();
            work.connectionFailed(e);
            throw xa(XAException.XAER_RMFAIL, "commit", e);
        }
        if (prepared) {
            forgetRecord(xid);
        }
        finish();
    }

    @Override
    public synchronized void rollback(Xid xid) throws XAException {
        if (!isActive(xid)) {
            if (!forgetRecord(xid)) {
                throw new XAException(XAException.XAER_NOTA);
            }
            return;
        }
        ReliqSession session = work.transactedSession();
        try {
            if (session != null) {
                session.rollback();
            }
        } catch (JMSException | RuntimeException e) {
            log.warn("Rolling back transaction branch {} could not give the consumed messages back at once; they are"
                + " delivered again after their visibility timeout", BranchId.name(xid), e);
            work.connectionFailed(e);
        }
        if (prepared) {
            forgetRecord(xid);
        }
        finish();
    }

    @Override
    public Xid[] recover(int flag) throws XAException {
        if ((flag & TMSTARTRSCAN) == 0) {
            return new Xid[0];
        }
        try {
            Map<String, byte[]> records = work.onRecords(connection -> connection.preparedTransactions().all());
            List<Xid> xids = new ArrayList<>();
            for (String name : records.keySet()) {
                try {
                    xids.add(BranchId.parse(name));
                } catch (IllegalArgumentException e) {
                    log.warn("Ignoring an unreadable prepared-transaction entry {}", name);
                }
            }
            return xids.toArray(new Xid[0]);
        } catch (JMSException | RuntimeException e) {
            throw xa(XAException.XAER_RMFAIL, "recover", e);
        }
    }

    @Override
    public void forget(Xid xid) throws XAException {
        forgetRecord(xid);
    }

    @Override
    public boolean isSameRM(XAResource other) {
        // every session is its own branch: joining two would need one session for both
        return other == this;
    }

    @Override
    public int getTransactionTimeout() {
        return 0;
    }

    @Override
    public boolean setTransactionTimeout(int seconds) {
        return false;
    }

    /** The delivery failed: the branch rolls back instead of committing, and says so. */
    private void rollbackInstead(Xid xid, ReliqSession session) throws XAException {
        try {
            session.rollback();
        } catch (JMSException | RuntimeException e) {
            log.warn("Rolling back transaction branch {} failed; its messages come back after their visibility timeout",
                BranchId.name(xid), e);
        }
        if (prepared) {
            forgetRecord(xid);
        }
        finish();
        XAException e = new XAException("reliq: the delivery failed (onMessage threw), so the branch rolled back");
        e.errorCode = XAException.XA_RBROLLBACK;
        throw e;
    }

    /** Commit of a branch this resource no longer has a session for: replays its stored record. */
    private void commitRecovered(Xid xid) throws XAException {
        String name = BranchId.name(xid);
        boolean found;
        try {
            found = work.onRecords(connection -> {
                Optional<byte[]> record = connection.preparedTransactions().load(name);
                if (record.isEmpty()) {
                    return false;
                }
                PreparedWork todo = PreparedWork.decode(record.get());
                connection.commitPrepared(todo, rest -> connection.preparedTransactions().store(name, rest.encode()));
                connection.preparedTransactions().remove(name);
                log.info("Committed recovered transaction branch {}: {} message(s) sent, {} acknowledged", name,
                    todo.sends().size(), todo.acks().size());
                return true;
            });
        } catch (IllegalArgumentException e) {
            throw xa(XAException.XAER_RMERR, "commit", e);
        } catch (JMSException | RuntimeException e) {
            throw xa(XAException.XAER_RMFAIL, "commit", e);
        }
        if (!found) {
            throw new XAException(XAException.XAER_NOTA);
        }
    }

    private boolean forgetRecord(Xid xid) throws XAException {
        String name = BranchId.name(xid);
        try {
            return work.onRecords(connection -> connection.preparedTransactions().remove(name));
        } catch (JMSException | RuntimeException e) {
            throw xa(XAException.XAER_RMFAIL, "forget", e);
        }
    }

    private boolean isActive(Xid xid) {
        return active != null && BranchId.name(active).equals(BranchId.name(xid));
    }

    private void finish() {
        active = null;
        prepared = false;
        work.transactionCompleted();
    }

    private static XAException xa(int code, String op, Exception cause) {
        XAException e = new XAException("reliq " + op + " failed: " + cause.getMessage());
        e.errorCode = code;
        e.initCause(cause);
        return e;
    }
}
