package dev.reliq.appserver.crash.app;

import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;

/**
 * A transaction branch that stops the server JVM in its {@code commit}: by then the transaction
 * manager has prepared every branch and logged its decision to commit, and reliq's branch,
 * enlisted after this one, is still only prepared. {@link Runtime#halt} runs no shutdown hook,
 * so the server gets no chance to finish anything, as in a power cut.
 *
 * <p>It keeps nothing, so recovery cannot find it again: after the restart the transaction
 * manager keeps retrying this branch and logs that it cannot, which does not hold up the
 * commit of the other branches of the transaction.
 */
public class HaltOnCommit implements XAResource {

    /** The exit status of the halted server, chosen so that standalone.sh does not restart it (10 would). */
    public static final int HALT_STATUS = 57;

    @Override
    public void start(Xid xid, int flags) {
    }

    @Override
    public void end(Xid xid, int flags) {
    }

    @Override
    public int prepare(Xid xid) {
        return XA_OK;
    }

    @Override
    public void commit(Xid xid, boolean onePhase) {
        System.out.println("HaltOnCommit: halting the server between prepare and commit of " + xid);
        Runtime.getRuntime().halt(HALT_STATUS);
    }

    @Override
    public void rollback(Xid xid) {
    }

    @Override
    public Xid[] recover(int flag) {
        return new Xid[0];
    }

    @Override
    public void forget(Xid xid) {
    }

    @Override
    public boolean isSameRM(XAResource other) {
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
}
