package dev.reliq.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Runs each scenario's measurements in turn, records them in the results, and records a failed
 * measurement instead of ending the run. Throughput runs go row by row, every provider in turn,
 * so a change in the machine's load touches every column of a row alike.
 */
final class Suite {

    private final Settings settings;
    private final Results results;
    private final Progress progress;
    private final RedisExecutable executable;

    Suite(Settings settings, Results results, Progress progress, RedisExecutable executable) {
        this.settings = settings;
        this.results = results;
        this.progress = progress;
        this.executable = executable;
    }

    void throughput(RedisServerProcess plain, List<JmsTarget> targets) {
        for (Shape shape : List.of(Shape.ONE_BY_ONE, Shape.FOUR_BY_FOUR)) {
            measure("throughput " + shape + " " + Results.LIMIT, () -> {
                Throughput measured = RawThroughput.run(plain, shape, settings);
                results.record(shape, null, Results.LIMIT, measured);
                return note(measured);
            });
            for (AckMode ack : AckMode.values()) {
                for (JmsTarget target : targets) {
                    measure("throughput " + shape + " " + ack + " " + target.column(), () -> {
                        Throughput measured = JmsThroughput.run(target, shape, ack, settings);
                        results.record(shape, ack, target.column(), measured);
                        return note(measured);
                    });
                }
            }
        }
    }

    /**
     * Row by row, the limit and then every provider, like the throughput runs. A shared durable
     * row takes the limit of its subscription count when that was measured already: the limit
     * keeps nothing, whatever the kind of subscription.
     */
    void fanOut(RedisServerProcess plain, List<JmsTarget> targets) {
        FanOutSettings fanOut = settings.fanOut();
        List<TopicShape> shapes = new ArrayList<>();
        fanOut.subscriptions().forEach(s -> shapes.add(TopicShape.nonDurable(s)));
        if (fanOut.sharedDurable() > 0) {
            shapes.add(TopicShape.sharedDurable(fanOut.sharedDurable()));
        }
        for (TopicShape shape : shapes) {
            FanOutThroughput sameLimit = results.fanOut(TopicShape.nonDurable(shape.subscriptions()), Results.LIMIT);
            if (sameLimit != null) {
                results.record(shape, Results.LIMIT, sameLimit);
            } else {
                measure("fan-out " + shape + " " + Results.LIMIT, () -> {
                    FanOutThroughput measured = RawFanOut.run(plain, shape.subscriptions(), settings);
                    results.record(shape, Results.LIMIT, measured);
                    return note(measured);
                });
            }
            for (JmsTarget target : targets) {
                measure("fan-out " + shape + " " + target.column(), () -> {
                    FanOutThroughput measured = JmsFanOut.run(target, shape, settings);
                    results.record(shape, target.column(), measured);
                    return note(measured);
                });
            }
        }
        for (int subscriptions : fanOut.publishAlone()) {
            measure("publish alone to " + subscriptions, () -> {
                PublishResult r = PublishAlone.run(plain, subscriptions, fanOut);
                results.publishing.add(r);
                return String.format("%,.0f msg/s, p50 %.0f µs; per publish: Redis CPU %.1f µs, script %.1f µs,"
                    + " %,.0f bytes to Redis", r.perSecond(), r.latency().p50Micros(), r.profile().redisCpuMicros(),
                    r.scriptMicros(), r.bytesToRedis());
            });
        }
    }

    private static String note(FanOutThroughput measured) {
        Profile p = measured.profile();
        return String.format("%,.0f published/s, %,.0f deliveries/s; per publish: JVM CPU %.1f µs",
            measured.publishedPerSecond(), measured.deliveriesPerSecond(), p.jvmCpuMicros())
            + (Double.isNaN(p.redisCpuMicros()) ? "" : String.format(", Redis CPU %.1f µs, %.2f Redis calls",
                p.redisCpuMicros(), p.totalRedisCalls()));
    }

    private static String note(Throughput measured) {
        Profile p = measured.profile();
        return String.format("%,.0f msg/s; per message: JVM CPU %.1f µs", measured.perSecond(), p.jvmCpuMicros())
            + (Double.isNaN(p.redisCpuMicros()) ? "" : String.format(", Redis CPU %.1f µs, %.2f Redis calls",
                p.redisCpuMicros(), p.totalRedisCalls()));
    }

    void operations(RedisServerProcess plain) {
        measure("operations", () -> {
            List<OperationCost> measured = OperationCosts.run(plain, settings);
            results.operations.addAll(measured);
            return measured.stream().map(c -> String.format("%s %.1f µs", c.operation(), c.redisMicrosPerCall()))
                .collect(Collectors.joining(", "));
        });
    }

    void latency(RedisServerProcess plain, List<JmsTarget> targets) {
        measure("latency " + Results.LIMIT, () -> latencyNote(Results.LIMIT, Latency.raw(plain, settings)));
        for (JmsTarget target : targets) {
            measure("latency " + target.column(), () -> latencyNote(target.column(), Latency.jms(target, settings)));
        }
    }

    private String latencyNote(String column, LatencyResult r) {
        results.latency.put(column, r);
        return String.format("p50 %.3f ms, p99 %.3f ms, p99.9 %.3f ms, %,.0f msg/s%s", r.p50Millis(), r.p99Millis(),
            r.p999Millis(), r.achievedRate(), r.saturated() ? " (saturated)" : "");
    }

    void backlog(RedisServerProcess plain) {
        measure("backlog", () -> {
            List<BacklogResult> measured = Backlog.run(plain, settings, progress);
            results.backlog.addAll(measured);
            return String.format("JMS mean %.0f µs empty, %.0f µs deep", measured.get(0).empty().meanMicros(),
                measured.get(0).deep().meanMicros());
        });
    }

    /** On a Redis of its own, so that no other client's commands are counted. */
    void idle() {
        measure("idle", () -> {
            try (RedisServerProcess quiet = RedisServerProcess.start(executable, "idle",
                    RedisServerProcess.NO_PERSISTENCE)) {
                results.idle = IdleCost.run(quiet, settings);
            }
            return String.format("%.2f commands/s per idle consumer", results.idle.perConsumerPerSecond());
        });
    }

    void memory(RedisServerProcess plain) {
        measure("memory", () -> {
            List<MemoryResult> measured = MemoryPerMessage.run(plain, settings);
            results.memory.addAll(measured);
            return String.format("reliq JMS %.0f bytes above the payload", measured.get(2).overhead());
        });
    }

    /** One measurement; it returns its progress line. */
    @FunctionalInterface
    private interface Measurement {
        String run() throws Exception;
    }

    private void measure(String name, Measurement measurement) {
        System.gc(); // garbage of the previous run is not charged to this one
        try {
            progress.note(name + ": " + measurement.run());
        } catch (Exception | LinkageError e) {
            results.failures.put(name, e.toString());
            progress.note(name + ": FAILED " + e);
        }
    }
}
