package dev.reliq.samples.quickstart;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.reliq.test.RedisServerExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** Tells the quick start's story once against a real Redis and checks what a user reads. */
class QuickStartIT {

    @RegisterExtension
    static final RedisServerExtension REDIS = RedisServerExtension.standalone();

    private static List<String> lines;

    @BeforeAll
    static void tellTheStory() {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8)) {
            QuickStart.run(REDIS.uri(), REDIS.keyPrefix(), out);
        }
        String output = buffer.toString(StandardCharsets.UTF_8);
        System.out.println(output);
        lines = output.lines().map(String::trim).toList();
    }

    @Test
    void crashedConsumersOrderIsInvisibleThenRedeliveredWithDeliveryCountTwo() {
        assertThat(lines).anySatisfy(line -> assertThat(line)
            .matches("consumer B \\(another JVM, pid \\d+\\) received order-2 \\(JMSXDeliveryCount=1\\)"));
        assertThat(lines).containsSubsequence(
            "consumer B was killed (SIGKILL) before it acknowledged order-2",
            "consumer A received order-3 (JMSRedelivered=false, JMSXDeliveryCount=1): order-2 stays invisible while"
                + " its visibility timeout runs",
            "consumer A processed order-3 (JMSRedelivered=false, JMSXDeliveryCount=1) and acknowledged it");
        assertThat(lines).anySatisfy(line -> assertThat(line)
            .startsWith("consumer A received order-2 (JMSRedelivered=true, JMSXDeliveryCount=2) ")
            .endsWith("s after consumer B took it"));
        assertThat(lines).contains(
            "consumer A processed order-2 (JMSRedelivered=true, JMSXDeliveryCount=2) and acknowledged it");
    }

    @Test
    void crashedOrderComesBackOnlyAfterTheVisibilityTimeout() {
        String line = lines.stream().filter(l -> l.startsWith("consumer A received order-2")).findFirst().orElseThrow();
        double seconds = Double.parseDouble(line.replaceAll(".* ([0-9.]+)s after consumer B took it", "$1"));
        assertThat(seconds).isGreaterThanOrEqualTo(1.5);
    }

    @Test
    void poisonOrderLandsInTheDeadLetterQueueWithItsReasonAfterThreeDeliveries() {
        assertThat(lines).containsSubsequence(
            "sent order-4",
            "the order listener threw on order-4 (JMSRedelivered=false, JMSXDeliveryCount=1)",
            "the order listener threw on order-4 (JMSRedelivered=true, JMSXDeliveryCount=2)",
            "the order listener threw on order-4 (JMSRedelivered=true, JMSXDeliveryCount=3)",
            "orders.DLQ holds order-4: JMS_ReliqDeadLetterReason=maxDeliveries, JMS_ReliqDeadLetterOrigin=orders,"
                + " JMS_ReliqDeadLetterDeliveries=3");
    }

    @Test
    void redriveBringsThePoisonOrderBackToBeProcessed() {
        assertThat(lines).containsSubsequence(
            "the consumer is fixed; 1 message redriven from orders.DLQ back to orders",
            "consumer C processed order-4 (JMSRedelivered=false, JMSXDeliveryCount=1) and acknowledged it");
    }

    @Test
    void everyOrderProcessedOnceAndNothingLeft() {
        assertThat(lines).containsSubsequence(
            "6. Nothing lost",
            "orders: ready 0, delayed 0, in flight 0; orders.DLQ: 0",
            "sent 4 orders, processed 4 (order-1, order-3, order-2, order-4): each once, nothing lost");
    }
}
