package dev.reliq.tck.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;

import dev.reliq.jms.PreparedWork;
import dev.reliq.jms.ReliqConnection;
import dev.reliq.jms.ReliqSession;
import dev.reliq.tck.JmsTestSupport;
import dev.reliq.test.RedisServerExtension;

/**
 * The two-phase commit the resource adapter's XAResource builds on: prepare holds everything
 * back and describes it; a branch whose session is gone (a crash after prepare) is finished from
 * that description, through another connection, as a recovering transaction manager would.
 */
class PreparedTransactionIT {

    @RegisterExtension
    static final RedisServerExtension REDIS = RedisServerExtension.standalone();

    @Test
    void preparedWorkIsHeldBackUntilCommitAndCanBeFinishedByAnotherConnection() throws Exception {
        ConnectionFactory factory = JmsTestSupport.factory(REDIS, "");
        String in = JmsTestSupport.uniqueName("xa-in");
        String out = JmsTestSupport.uniqueName("xa-out");
        try (Connection setup = factory.createConnection()) {
            Session s = setup.createSession();
            s.createProducer(s.createQueue(in)).send(s.createTextMessage("consumed"));
        }

        byte[] record;
        try (Connection crashed = factory.createConnection()) {
            ReliqSession tx = (ReliqSession) crashed.createSession(Session.SESSION_TRANSACTED);
            MessageConsumer consumer = tx.createConsumer(tx.createQueue(in));
            crashed.start();
            assertThat(((TextMessage) consumer.receive(5000)).getText()).isEqualTo("consumed");
            tx.createProducer(tx.createQueue(out)).send(tx.createTextMessage("sent in the transaction"));
            assertThat(tx.hasTransactionWork()).isTrue();

            PreparedWork work = tx.prepare();
            assertThat(work.sends()).hasSize(1);
            assertThat(work.acks()).hasSize(1);
            record = work.encode();
            ((ReliqConnection) crashed).preparedTransactions().store("1:aa:bb", record);
            // prepared, not committed: nothing is visible yet
            assertThat(receiveText(factory, out)).isEmpty();

            // the branch is finished from its record by another connection, as after a crash
            try (ReliqConnection recovering = (ReliqConnection) factory.createConnection()) {
                assertThat(recovering.preparedTransactions().all()).containsKey("1:aa:bb");
                PreparedWork stored = PreparedWork.decode(recovering.preparedTransactions().load("1:aa:bb").orElseThrow());
                recovering.commitPrepared(stored, rest -> recovering.preparedTransactions().store("1:aa:bb", rest.encode()));
                recovering.preparedTransactions().remove("1:aa:bb");
                assertThat(recovering.preparedTransactions().all()).isEmpty();
            }
        }
        assertThat(receiveText(factory, out)).contains("sent in the transaction");
        // the consumed message was acknowledged by the recovered commit: it does not come back
        assertThat(receiveText(factory, in)).isEmpty();
    }

    @Test
    void corruptRecordIsRefusedWithAClearError() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> PreparedWork.decode(new byte[] {1, 2, 3}))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("prepared-transaction record");
    }

    private static Optional<String> receiveText(ConnectionFactory factory, String queue) throws Exception {
        try (Connection c = factory.createConnection()) {
            Session s = c.createSession();
            Queue q = s.createQueue(queue);
            MessageConsumer consumer = s.createConsumer(q);
            c.start();
            Message m = consumer.receive(500);
            return m == null ? Optional.empty() : Optional.of(((TextMessage) m).getText());
        }
    }
}
