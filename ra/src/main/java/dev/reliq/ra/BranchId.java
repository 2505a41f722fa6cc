package dev.reliq.ra;

import java.util.Arrays;
import java.util.HexFormat;

import javax.transaction.xa.Xid;

/**
 * A transaction branch identifier as stored in Redis: {@code formatId:gtrid-hex:bqual-hex}.
 * Also the {@link Xid} that {@code recover()} hands back to the transaction manager.
 */
final class BranchId implements Xid {

    private static final HexFormat HEX = HexFormat.of();

    private final int formatId;
    private final byte[] globalTransactionId;
    private final byte[] branchQualifier;

    private BranchId(int formatId, byte[] globalTransactionId, byte[] branchQualifier) {
        this.formatId = formatId;
        this.globalTransactionId = globalTransactionId;
        this.branchQualifier = branchQualifier;
    }

    static String name(Xid xid) {
        return xid.getFormatId() + ":" + HEX.formatHex(xid.getGlobalTransactionId()) + ":"
            + HEX.formatHex(xid.getBranchQualifier());
    }

    /** The Xid a stored name stands for; IllegalArgumentException for a name not written by {@link #name}. */
    static BranchId parse(String name) {
        String[] parts = name.split(":", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException("not a transaction branch name: " + name);
        }
        return new BranchId(Integer.parseInt(parts[0]), HEX.parseHex(parts[1]), HEX.parseHex(parts[2]));
    }

    @Override
    public int getFormatId() {
        return formatId;
    }

    @Override
    public byte[] getGlobalTransactionId() {
        return globalTransactionId.clone();
    }

    @Override
    public byte[] getBranchQualifier() {
        return branchQualifier.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Xid x && x.getFormatId() == formatId
            && Arrays.equals(x.getGlobalTransactionId(), globalTransactionId)
            && Arrays.equals(x.getBranchQualifier(), branchQualifier);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(globalTransactionId) + Arrays.hashCode(branchQualifier);
    }

    @Override
    public String toString() {
        return name(this);
    }
}
