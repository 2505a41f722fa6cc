package dev.reliq.samples.jndi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Hashtable;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.reliq.test.RedisServerExtension;

/**
 * Runs the JNDI client sample once against a real Redis, with its own jndi.properties (only the
 * connection factory's address is replaced), and checks what a user reads.
 */
class JndiClientIT {

    @RegisterExtension
    static final RedisServerExtension REDIS = RedisServerExtension.standalone();

    private static List<String> lines;

    @BeforeAll
    static void runTheSample() throws Exception {
        Hashtable<String, String> environment = new Hashtable<>();
        String base = REDIS.uri();
        environment.put("connectionFactory.ConnectionFactory", base + (base.contains("?") ? "&" : "?")
            + "clientID=jndi-sample&visibilityTimeout=5s&maxDeliveries=3&keyPrefix=" + REDIS.keyPrefix());
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8)) {
            JndiClient.run(environment, out);
        }
        String output = buffer.toString(StandardCharsets.UTF_8);
        System.out.println(output);
        lines = output.lines().map(String::trim).toList();
    }

    @Test
    void everythingIsLookedUpFromJndiProperties() {
        assertThat(lines.get(0)).isEqualTo(
            "looked up connection factory 'ConnectionFactory', queues 'sample.orders' and 'sample.invoices', topic 'sample.prices'");
        assertThat(lines).last().isEqualTo("done");
    }

    @Test
    void recoverRedeliversAndOneAcknowledgeSettlesEveryConsumedMessage() {
        assertThat(lines).containsSubsequence(
            "received order-1 (JMSRedelivered=false, JMSXDeliveryCount=1)",
            "received order-3 (JMSRedelivered=false, JMSXDeliveryCount=1)",
            "recover(): the three unacknowledged orders come back",
            "received again order-1 (JMSRedelivered=true, JMSXDeliveryCount=2)",
            "received again order-3 (JMSRedelivered=true, JMSXDeliveryCount=2)",
            "one acknowledge() settled all three; left in the queue: nothing");
    }

    @Test
    void aRollbackUndoesTheConsumeAndTheSendAndTheCommitDoesBoth() {
        assertThat(lines).containsSubsequence(
            "received order-4 (JMSRedelivered=false, JMSXDeliveryCount=1)",
            "rollback(): the invoice was never sent and order-4 goes back to the queue",
            "received again order-4 (JMSRedelivered=true, JMSXDeliveryCount=2)",
            "commit(): order-4 consumed and its invoice sent, together",
            "invoices holds: invoice for order-4",
            "invoices sent: 1");
    }

    @Test
    void theDurableSubscriptionKeepsWhatWasPublishedWhileItsSubscriberWasClosed() {
        assertThat(lines).containsSubsequence(
            "subscriber 'audit' received EUR 1.08",
            "published EUR 1.09 while 'audit' was closed",
            "subscriber 'audit' reopened and received EUR 1.09",
            "unsubscribed 'audit'");
    }
}
