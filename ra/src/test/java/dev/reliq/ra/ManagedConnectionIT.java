package dev.reliq.ra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Method;
import java.util.UUID;

import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.IllegalStateException;
import jakarta.jms.IllegalStateRuntimeException;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.jms.TransactionInProgressException;
import jakarta.resource.spi.LocalTransaction;

import dev.reliq.jms.ReliqConnectionFactory;
import dev.reliq.test.RedisServerExtension;

/**
 * The outbound side without a container: managed connections driven the way a transaction
 * manager and a pool drive them, against a real Redis.
 */
class ManagedConnectionIT {

    @RegisterExtension
    static final RedisServerExtension REDIS = RedisServerExtension.standalone();

    private ReliqManagedConnectionFactory managedFactory;
    private String queue;

    @BeforeEach
    void factory() {
        managedFactory = new ReliqManagedConnectionFactory();
        managedFactory.setUrl(url());
        queue = "ra-" + UUID.randomUUID();
    }

    private static String url() {
        return REDIS.uri() + (REDIS.uri().contains("?") ? "&" : "?") + "keyPrefix=" + REDIS.keyPrefix();
    }

    @Test
    void aPooledConnectionFollowsTheJakartaEeRules() throws Exception {
        ConnectionFactory factory = (ConnectionFactory) managedFactory.createConnectionFactory();
        try (Connection connection = factory.createConnection()) {
            Session session = connection.createSession();
            assertThatThrownBy(connection::createSession).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("one session");
            assertThatThrownBy(() -> connection.setClientID("mine")).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(connection::stop).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> session.setMessageListener(m -> { })).isInstanceOf(IllegalStateException.class);
            MessageConsumer consumer = session.createConsumer(session.createQueue(queue));
            assertThatThrownBy(() -> consumer.setMessageListener(m -> { })).isInstanceOf(IllegalStateException.class);
            assertThat(consumer.receiveNoWait()).as("receiving is allowed").isNull();
            // outside a transaction a transacted session is not given: the specification recommends AUTO_ACKNOWLEDGE
            session.close();
            assertThat(connection.createSession(true, Session.SESSION_TRANSACTED).getTransacted()).isFalse();
        }
    }

    @Test
    void aContextOnAPooledConnectionRefusesListenersAndSecondContexts() {
        ConnectionFactory factory = (ConnectionFactory) managedFactory.createConnectionFactory();
        try (JMSContext context = factory.createContext()) {
            context.createProducer().send(context.createQueue(queue), "via-context");
            JMSConsumer consumer = context.createConsumer(context.createQueue(queue));
            assertThatThrownBy(() -> consumer.setMessageListener(m -> { }))
                .isInstanceOf(IllegalStateRuntimeException.class);
            assertThat(consumer.receiveBody(String.class, 5000)).isEqualTo("via-context");
            assertThatThrownBy(() -> context.createContext(JMSContext.AUTO_ACKNOWLEDGE))
                .isInstanceOf(JMSRuntimeException.class);
        }
    }

    @Test
    void preparedSendsAreStoredInRedisAndVisibleOnlyAfterCommit() throws Exception {
        ReliqManagedConnection managed = (ReliqManagedConnection) managedFactory.createManagedConnection(null, null);
        XAResource xa = managed.getXAResource();
        Xid xid = BranchId.parse("7:0a0b:0c");
        xa.start(xid, XAResource.TMNOFLAGS);
        try (Connection connection = (Connection) managed.getConnection(null, null)) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            assertThat(session.getTransacted()).as("the arguments are ignored inside a transaction").isTrue();
            assertThatThrownBy(session::commit).isInstanceOf(TransactionInProgressException.class);
            session.createProducer(session.createQueue(queue)).send(session.createTextMessage("two-phase"));
        }
        xa.end(xid, XAResource.TMSUCCESS);
        assertThat(xa.prepare(xid)).isEqualTo(XAResource.XA_OK);
        assertThat(receiveText()).as("prepared, not committed").isNull();

        ReliqManagedConnection other = (ReliqManagedConnection) managedFactory.createManagedConnection(null, null);
        assertThat(other.getXAResource().recover(XAResource.TMSTARTRSCAN | XAResource.TMENDRSCAN)).contains(xid);

        xa.commit(xid, false);
        assertThat(receiveText()).isEqualTo("two-phase");
        assertThat(other.getXAResource().recover(XAResource.TMSTARTRSCAN | XAResource.TMENDRSCAN)).doesNotContain(xid);
        managed.destroy();
        other.destroy();
    }

    @Test
    void aBranchWhoseConnectionIsGoneIsCommittedFromItsRecord() throws Exception {
        ReliqManagedConnection crashed = (ReliqManagedConnection) managedFactory.createManagedConnection(null, null);
        Xid xid = BranchId.parse("7:0d0e:0f");
        crashed.getXAResource().start(xid, XAResource.TMNOFLAGS);
        try (Connection connection = (Connection) crashed.getConnection(null, null)) {
            Session session = connection.createSession();
            session.createProducer(session.createQueue(queue)).send(session.createTextMessage("recovered"));
        }
        crashed.getXAResource().end(xid, XAResource.TMSUCCESS);
        assertThat(crashed.getXAResource().prepare(xid)).isEqualTo(XAResource.XA_OK);
        crashed.destroy();

        ReliqManagedConnection recovering = (ReliqManagedConnection) managedFactory.createManagedConnection(null, null);
        XAResource xa = recovering.getXAResource();
        assertThat(xa.recover(XAResource.TMSTARTRSCAN | XAResource.TMENDRSCAN)).contains(xid);
        xa.commit(xid, false);
        assertThat(receiveText()).isEqualTo("recovered");
        assertThat(xa.recover(XAResource.TMSTARTRSCAN | XAResource.TMENDRSCAN)).doesNotContain(xid);
        recovering.destroy();
    }

    /**
     * WildFly's recovery (IronJacamar) hands the transaction manager the XAResource of a managed
     * connection it may destroy at its next scan, while Narayana commits through XAResources
     * from earlier scans; the XAResource keeps working on the records.
     */
    @Test
    void theXaResourceOfADestroyedConnectionStillFinishesBranchesFromTheirRecords() throws Exception {
        Xid committed = BranchId.parse("7:1a1b:1c");
        Xid rolledBack = BranchId.parse("7:1d1e:1f");
        for (Xid xid : new Xid[] {committed, rolledBack}) {
            ReliqManagedConnection managed =
                (ReliqManagedConnection) managedFactory.createManagedConnection(null, null);
            managed.getXAResource().start(xid, XAResource.TMNOFLAGS);
            sendThroughHandle(managed, xid == committed ? "committed" : "rolled back");
            managed.getXAResource().end(xid, XAResource.TMSUCCESS);
            assertThat(managed.getXAResource().prepare(xid)).isEqualTo(XAResource.XA_OK);
            managed.destroy();
        }

        ReliqManagedConnection scanned = (ReliqManagedConnection) managedFactory.createManagedConnection(null, null);
        XAResource xa = scanned.getXAResource();
        assertThat(xa.recover(XAResource.TMSTARTRSCAN | XAResource.TMENDRSCAN)).contains(committed, rolledBack);
        scanned.destroy();

        xa.commit(committed, false);
        xa.rollback(rolledBack);
        assertThat(receiveText()).isEqualTo("committed");
        assertThat(receiveText()).isNull();
        assertThat(xa.recover(XAResource.TMSTARTRSCAN | XAResource.TMENDRSCAN)).doesNotContain(committed, rolledBack);
        assertThatThrownBy(() -> xa.commit(committed, false)).isInstanceOfSatisfying(XAException.class,
            e -> assertThat(e.errorCode).isEqualTo(XAException.XAER_NOTA));
    }

    /** IronJacamar's default recovery plugin keeps a managed connection while isValid(int) on a handle says so. */
    @Test
    void aHandleIsValidUntilItsPooledConnectionIsDestroyed() throws Exception {
        ReliqManagedConnection managed = (ReliqManagedConnection) managedFactory.createManagedConnection(null, null);
        Object handle = managed.getConnection(null, null);
        Method isValid = handle.getClass().getMethod("isValid", int.class);
        isValid.setAccessible(true);
        assertThat(isValid.invoke(handle, 5)).isEqualTo(true);
        Object later = managed.getConnection(null, null);
        managed.destroy();
        assertThat(isValid.invoke(later, 5)).isEqualTo(false);
    }

    @Test
    void rollbackAfterPrepareSendsNothingAndABranchThatDidNothingIsReadOnly() throws Exception {
        ReliqManagedConnection managed = (ReliqManagedConnection) managedFactory.createManagedConnection(null, null);
        XAResource xa = managed.getXAResource();
        Xid rolledBack = BranchId.parse("7:10:11");
        xa.start(rolledBack, XAResource.TMNOFLAGS);
        try (Connection connection = (Connection) managed.getConnection(null, null)) {
            Session session = connection.createSession();
            session.createProducer(session.createQueue(queue)).send(session.createTextMessage("never"));
        }
        xa.end(rolledBack, XAResource.TMSUCCESS);
        assertThat(xa.prepare(rolledBack)).isEqualTo(XAResource.XA_OK);
        xa.rollback(rolledBack);
        assertThat(receiveText()).isNull();
        assertThat(xa.recover(XAResource.TMSTARTRSCAN | XAResource.TMENDRSCAN)).doesNotContain(rolledBack);

        Xid idle = BranchId.parse("7:12:13");
        xa.start(idle, XAResource.TMNOFLAGS);
        xa.end(idle, XAResource.TMSUCCESS);
        assertThat(xa.prepare(idle)).isEqualTo(XAResource.XA_RDONLY);
        managed.destroy();
    }

    @Test
    void localTransactionCommitsOrRollsBackTheSessionsWork() throws Exception {
        ReliqManagedConnection managed = (ReliqManagedConnection) managedFactory.createManagedConnection(null, null);
        LocalTransaction local = managed.getLocalTransaction();
        local.begin();
        sendThroughHandle(managed, "local-rolled-back");
        local.rollback();
        assertThat(receiveText()).isNull();
        local.begin();
        sendThroughHandle(managed, "local-committed");
        local.commit();
        assertThat(receiveText()).isEqualTo("local-committed");
        managed.destroy();
    }

    /**
     * A container may return or destroy a connection (cleanup) on one thread while the
     * transaction manager commits its XA resource on another. A commit holds the resource's lock
     * and then needs the managed connection's; cleanup holds the managed connection's and asks
     * whether a transaction is active. That question must not need the resource's lock, or the
     * two threads deadlock (GlassFish did, destroying a pool at undeploy mid-commit).
     */
    @Test
    void cleanupDoesNotWaitForTheXaResourceLockThatACommitHolds() throws Exception {
        ReliqManagedConnection managed = (ReliqManagedConnection) managedFactory.createManagedConnection(null, null);
        XAResource xa = managed.getXAResource();
        java.util.concurrent.CountDownLatch cleanedUp = new java.util.concurrent.CountDownLatch(1);
        Thread pool = new Thread(() -> {
            try {
                managed.cleanup();
                cleanedUp.countDown();
            } catch (jakarta.resource.ResourceException e) {
                throw new RuntimeException(e);
            }
        }, "container-pool");
        synchronized (xa) { // as a commit in progress does
            pool.start();
            assertThat(cleanedUp.await(5, java.util.concurrent.TimeUnit.SECONDS))
                .as("cleanup finished while the XA resource's lock was held; it is at %s",
                    java.util.Arrays.toString(pool.getStackTrace())).isTrue();
        }
        pool.join();
        managed.destroy();
    }

    private void sendThroughHandle(ReliqManagedConnection managed, String text) throws Exception {
        try (Connection connection = (Connection) managed.getConnection(null, null)) {
            Session session = connection.createSession();
            session.createProducer(session.createQueue(queue)).send(session.createTextMessage(text));
        }
    }

    private String receiveText() throws Exception {
        try (Connection connection = new ReliqConnectionFactory(url()).createConnection()) {
            Session session = connection.createSession();
            MessageConsumer consumer = session.createConsumer(session.createQueue(queue));
            connection.start();
            Message m = consumer.receive(500);
            return m == null ? null : ((TextMessage) m).getText();
        }
    }
}
