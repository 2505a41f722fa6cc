package dev.reliq.ra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BranchIdTest {

    @Test
    void storedNameGivesBackTheSameXid() {
        BranchId xid = BranchId.parse("131077:00ff10:abcdef");
        assertThat(xid.getFormatId()).isEqualTo(131077);
        assertThat(xid.getGlobalTransactionId()).containsExactly(0x00, 0xff, 0x10);
        assertThat(xid.getBranchQualifier()).containsExactly(0xab, 0xcd, 0xef);
        assertThat(BranchId.name(xid)).isEqualTo("131077:00ff10:abcdef");
        assertThat(BranchId.parse(BranchId.name(xid))).isEqualTo(xid);
    }

    @Test
    void aNameNotWrittenByReliqIsRefused() {
        assertThatThrownBy(() -> BranchId.parse("not-a-branch")).isInstanceOf(IllegalArgumentException.class);
    }
}
