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
    void crashedConsumersOrderIsInvisibleThenRedeliveredWithDeliveriesTwo() {
        assertThat(lines).containsSubsequence(
            "consumer B crashed before acknowledging order-2",
            "stats of orders: ready 1, delayed 0, in flight 1; dead letters in orders.DLQ: 0");
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("consumer C received order-3 (deliveries=1,"));
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("consumer C received order-2 (deliveries=2,"));
        assertThat(lines).contains("consumer C processed order-2 and acknowledged it: ACKNOWLEDGED");
    }

    @Test
    void staleReceiptHandleCannotAcknowledge() {
        assertThat(lines).anySatisfy(line -> assertThat(line)
            .startsWith("consumer B's late acknowledge with its old receipt handle")
            .contains(": NOT_IN_FLIGHT"));
    }

    @Test
    void poisonOrderLandsInTheDeadLetterQueueAfterThreeDeliveries() {
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("consumer D received order-4 (deliveries=3,"));
        assertThat(lines).containsSubsequence(
            "consumer D failed and released order-4: RELEASED",
            "consumer D failed and released order-4: RELEASED",
            "consumer D failed and released order-4: DEAD_LETTERED");
        assertThat(lines).contains("orders.DLQ holds order-4: reason maxDeliveries, origin queue orders, deliveries 3");
    }

    @Test
    void redriveBringsThePoisonOrderBackToBeProcessed() {
        assertThat(lines).containsSubsequence(
            "an operator fixed the consumer and redrove 1 message from orders.DLQ back to orders",
            "consumer E processed order-4 and acknowledged it: ACKNOWLEDGED");
    }

    @Test
    void finalStatsShowEveryOrderAcknowledgedAndNothingLeft() {
        assertThat(lines).containsSubsequence(
            "6. Final stats",
            "stats of orders: ready 0, delayed 0, in flight 0; dead letters in orders.DLQ: 0",
            "sent 4 orders, acknowledged 4 (order-1, order-3, order-2, order-4): nothing lost");
    }
}
