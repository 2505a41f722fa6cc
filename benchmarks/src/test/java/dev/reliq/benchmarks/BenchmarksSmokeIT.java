package dev.reliq.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Runs every scenario of the benchmark for about a second with tiny counts, against the servers
 * the harness starts itself, so the harness cannot rot. It checks that each scenario produced
 * its figures, never how fast anything was.
 */
class BenchmarksSmokeIT {

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void everyScenarioProducesItsFigures() throws Exception {
        Settings settings = Settings.smoke();
        Results results = Benchmarks.run(settings, EnumSet.allOf(Scenario.class), Progress.to(System.out));

        assertThat(results.failures).isEmpty();
        for (Shape shape : new Shape[] {Shape.ONE_BY_ONE, Shape.FOUR_BY_FOUR}) {
            for (AckMode ack : AckMode.values()) {
                for (String column : Results.COLUMNS) {
                    assertThat(results.throughput(shape, ack, column)).as("throughput %s %s %s", shape, ack, column)
                        .isNotNull().isFinite().isPositive();
                }
            }
        }
        for (String column : Results.COLUMNS) {
            Profile profile = results.profile(Shape.ONE_BY_ONE, AckMode.AUTO, column);
            assertThat(profile).as("profile %s", column).isNotNull();
            assertThat(profile.jvmCpuMicros()).as("profile %s", column).isFinite();
        }
        assertThat(results.profile(Shape.ONE_BY_ONE, AckMode.AUTO, Results.RELIQ).totalRedisCalls()).isPositive();
        List<TopicShape> topicShapes = new ArrayList<>();
        settings.fanOut().subscriptions().forEach(s -> topicShapes.add(TopicShape.nonDurable(s)));
        topicShapes.add(TopicShape.sharedDurable(settings.fanOut().sharedDurable()));
        for (TopicShape shape : topicShapes) {
            for (String column : Results.COLUMNS) {
                FanOutThroughput fanOut = results.fanOut(shape, column);
                assertThat(fanOut).as("fan-out %s %s", shape, column).isNotNull();
                assertThat(fanOut.publishedPerSecond()).as("fan-out %s %s", shape, column).isFinite().isPositive();
                assertThat(fanOut.deliveriesPerSecond()).as("fan-out %s %s", shape, column).isFinite().isPositive();
                assertThat(fanOut.profile().jvmCpuMicros()).as("fan-out %s %s", shape, column).isFinite();
            }
            assertThat(results.fanOut(shape, Results.RELIQ).redisCpuMicrosPerDelivery()).as("fan-out %s", shape)
                .isFinite().isPositive();
        }
        assertThat(results.publishing).hasSize(settings.fanOut().publishAlone().size()).allSatisfy(publish -> {
            assertThat(publish.perSecond()).as("publish alone to %d", publish.subscriptions()).isFinite().isPositive();
            assertThat(publish.scriptMicros()).as("publish alone to %d", publish.subscriptions())
                .isFinite().isPositive();
            assertThat(publish.bytesToRedis()).as("publish alone to %d", publish.subscriptions()).isPositive();
        });
        assertThat(results.operations).hasSize(6).allSatisfy(operation -> {
            assertThat(operation.redisMicrosPerCall()).as(operation.operation()).isFinite().isPositive();
            assertThat(operation.roundTripMicrosPerCall()).as(operation.operation()).isFinite().isPositive();
        });
        for (String column : Results.COLUMNS) {
            LatencyResult latency = results.latency.get(column);
            assertThat(latency).as("latency %s", column).isNotNull();
            assertThat(latency.achievedRate()).as("latency %s", column).isPositive();
            if (!latency.saturated()) {
                assertThat(latency.p999Millis()).as("latency %s", column).isFinite().isNotNegative();
            }
        }
        assertThat(results.backlog).hasSize(2).allSatisfy(backlog -> {
            assertThat(backlog.depth()).isEqualTo(settings.backlogDepth());
            assertThat(backlog.empty().samples()).isEqualTo(settings.samples());
            assertThat(backlog.deep().samples()).isEqualTo(settings.samples());
            assertThat(backlog.ratio()).isFinite().isPositive();
        });
        assertThat(results.idle).isNotNull();
        assertThat(results.idle.perConsumerPerSecond()).isFinite();
        assertThat(results.idle.byCommand()).as("an idle consumer still asks Redis now and then").isNotEmpty();
        assertThat(results.memory).hasSize(3)
            .allSatisfy(memory -> assertThat(memory.bytesPerMessage()).isFinite().isPositive());

        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        Report.print(results, settings, new PrintStream(printed, true, StandardCharsets.UTF_8));
        System.out.print(printed.toString(StandardCharsets.UTF_8));
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("Throughput", "Latency at", "Receive + acknowledge",
            "Idle cost", "Redis memory", "reliq/limit", "reliq/Art np", "Where the time goes", "Core operations",
            "Topic fan-out", "Where the time goes in fan-out", "Publishing alone");
    }
}
