package dev.reliq.benchmarks;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Prints a run's results as plain-text tables, with the ratios computed from the same run. */
final class Report {

    private static final List<Shape> SHAPES = List.of(Shape.ONE_BY_ONE, Shape.FOUR_BY_FOUR);

    private final Results results;
    private final Settings settings;
    private final PrintStream out;

    private Report(Results results, Settings settings, PrintStream out) {
        this.results = results;
        this.settings = settings;
        this.out = out;
    }

    static void print(Results results, Settings settings, PrintStream out) {
        Report report = new Report(results, settings, out);
        report.header();
        if (!results.throughput.isEmpty()) {
            report.throughput();
        }
        if (!results.profiles.isEmpty()) {
            report.profiles();
        }
        if (!results.fanOut.isEmpty() || !results.publishing.isEmpty()) {
            FanOutReport.print(results, settings.fanOut(), out);
        }
        if (!results.operations.isEmpty()) {
            report.operations();
        }
        if (!results.latency.isEmpty()) {
            report.latency();
        }
        if (!results.backlog.isEmpty()) {
            report.backlog();
        }
        if (results.idle != null) {
            report.idle();
        }
        if (!results.memory.isEmpty()) {
            report.memory();
        }
        report.failures();
        out.flush();
    }

    private void header() {
        out.printf("reliq benchmarks, %s mode: 1 KiB BytesMessages; throughput runs %s s warm-up + %s s measured%n",
            settings.mode(), seconds(settings.warmUp().toMillis()), seconds(settings.measure().toMillis()));
        results.environment.forEach((name, value) -> out.printf("  %-10s %s%n", name, value));
        out.println();
        out.println("Columns");
        results.legend.forEach((name, value) -> out.printf("  %-10s %s%n", name, value));
    }

    private void throughput() {
        out.println();
        out.println("Throughput: messages per second received and acknowledged (or committed), end to end");
        out.printf("%-11s %9s %10s %10s %9s %9s | %11s %9s %12s %9s%n", "run",
            Results.LIMIT, Results.ARTEMIS_NP, Results.ARTEMIS_P, Results.RELIQ, Results.RELIQ_AOF,
            "reliq/limit", "AOF/limit", "reliq/Art np", "AOF/Art p");
        for (Shape shape : SHAPES) {
            for (AckMode ack : AckMode.values()) {
                Double limit = results.throughput(shape, ack, Results.LIMIT);
                Double artemisNp = results.throughput(shape, ack, Results.ARTEMIS_NP);
                Double artemisP = results.throughput(shape, ack, Results.ARTEMIS_P);
                Double reliq = results.throughput(shape, ack, Results.RELIQ);
                Double reliqAof = results.throughput(shape, ack, Results.RELIQ_AOF);
                if (limit == null && artemisNp == null && artemisP == null && reliq == null && reliqAof == null) {
                    continue;
                }
                out.printf("%-11s %9s %10s %10s %9s %9s | %11s %9s %12s %9s%n", shape + " " + ack,
                    rate(limit), rate(artemisNp), rate(artemisP), rate(reliq), rate(reliqAof),
                    ratio(reliq, limit), ratio(reliqAof, limit), ratio(reliq, artemisNp), ratio(reliqAof, artemisP));
            }
        }
        out.println("(limit: the same figure for every acknowledgement mode of a shape; it acknowledges nothing)");
    }

    private void profiles() {
        out.println();
        out.println("Where the time goes, per message consumed in the measured window");
        out.printf("%-11s | %-45s | %-24s | %s%n", "", "JVM CPU µs (Artemis rows: clients + broker)",
            "Redis CPU µs", "Redis calls sent by clients");
        out.printf("%-11s | %7s %8s %8s %8s %9s | %6s %6s %9s | %6s %6s %9s  %s%n", "run",
            Results.LIMIT, "Art np", "Art p", Results.RELIQ, Results.RELIQ_AOF,
            Results.LIMIT, Results.RELIQ, Results.RELIQ_AOF, Results.LIMIT, Results.RELIQ, Results.RELIQ_AOF,
            "reliq by command");
        for (Shape shape : SHAPES) {
            for (AckMode ack : AckMode.values()) {
                Profile limit = results.profile(shape, ack, Results.LIMIT);
                Profile artemisNp = results.profile(shape, ack, Results.ARTEMIS_NP);
                Profile artemisP = results.profile(shape, ack, Results.ARTEMIS_P);
                Profile reliq = results.profile(shape, ack, Results.RELIQ);
                Profile reliqAof = results.profile(shape, ack, Results.RELIQ_AOF);
                if (limit == null && artemisNp == null && artemisP == null && reliq == null && reliqAof == null) {
                    continue;
                }
                out.printf("%-11s | %7s %8s %8s %8s %9s | %6s %6s %9s | %6s %6s %9s  %s%n", shape + " " + ack,
                    jvm(limit), jvm(artemisNp), jvm(artemisP), jvm(reliq), jvm(reliqAof),
                    redisCpu(limit), redisCpu(reliq), redisCpu(reliqAof),
                    calls(limit), calls(reliq), calls(reliqAof),
                    reliq == null ? "" : reliq.redisCalls().entrySet().stream()
                        .map(e -> String.format("%s %.2f", e.getKey(), e.getValue()))
                        .collect(Collectors.joining(", ")));
            }
        }
        out.println("(CPU per message times msg/s gives cores busy; two processes sharing few cores wait for each other)");
    }

    private void operations() {
        out.println();
        out.println("Core operations alone, one caller, Redis without persistence (µs)");
        out.printf("%-16s %14s %14s %15s%n", "operation", "Redis per call", "Redis per msg", "caller per call");
        for (OperationCost c : results.operations) {
            out.printf("%-16s %14.1f %14.1f %15.1f%n", c.operation(), c.redisMicrosPerCall(),
                c.redisMicrosPerMessage(), c.roundTripMicrosPerCall());
        }
        out.println("(Redis: time inside the script, INFO commandstats usec of EVALSHA; caller: client + network + Redis)");
    }

    static String jvm(Profile p) {
        return p == null ? "-" : String.format("%.1f", p.jvmCpuMicros());
    }

    static String redisCpu(Profile p) {
        return p == null || Double.isNaN(p.redisCpuMicros()) ? "-" : String.format("%.1f", p.redisCpuMicros());
    }

    static String calls(Profile p) {
        return p == null || Double.isNaN(p.redisCpuMicros()) ? "-" : String.format("%.2f", p.totalRedisCalls());
    }

    private void latency() {
        out.println();
        out.printf("Latency at %,d msg/s: 1 producer, 1 consumer, AUTO_ACKNOWLEDGE; ms from the intended send time"
            + " (%s s measured)%n", settings.latencyRate(), seconds(settings.latencyMeasure().toMillis()));
        out.printf("%-11s %9s %8s %8s %8s %8s  %s%n", "provider", "msg/s", "p50", "p99", "p99.9", "max", "");
        for (String column : Results.COLUMNS) {
            LatencyResult r = results.latency.get(column);
            if (r == null) {
                if (results.failures.containsKey("latency " + column)) {
                    out.printf("%-11s %9s%n", column, "failed");
                }
                continue;
            }
            out.printf("%-11s %,9.0f %8s %8s %8s %8s  %s%n", column, r.achievedRate(), millis(r.p50Millis()),
                millis(r.p99Millis()), millis(r.p999Millis()), millis(r.maxMillis()),
                r.saturated() ? "saturated: cannot sustain the rate, so its queue grows" : "");
        }
        latencyRatio("reliq ÷ limit", Results.RELIQ, Results.LIMIT);
        latencyRatio("reliq ÷ Artemis np", Results.RELIQ, Results.ARTEMIS_NP);
        latencyRatio("reliq AOF ÷ Artemis p", Results.RELIQ_AOF, Results.ARTEMIS_P);
    }

    private void latencyRatio(String label, String column, String base) {
        LatencyResult r = results.latency.get(column);
        LatencyResult b = results.latency.get(base);
        if (r == null || b == null) {
            return;
        }
        if (r.saturated() || b.saturated()) {
            out.printf("  %-22s not comparable: %s is saturated%n", label, r.saturated() ? column : base);
            return;
        }
        out.printf("  %-22s p50 %s, p99 %s, p99.9 %s%n", label, ratio(r.p50Millis(), b.p50Millis()),
            ratio(r.p99Millis(), b.p99Millis()), ratio(r.p999Millis(), b.p999Millis()));
    }

    private void backlog() {
        out.println();
        long depth = results.backlog.get(0).depth();
        out.printf("Receive + acknowledge with 0 and %,d messages waiting (Redis without persistence; µs per pair)%n",
            depth);
        out.printf("%-11s %8s %8s %8s | %8s %8s %8s | %10s%n", "api", "0: mean", "p50", "p99",
            "deep: mean", "p50", "p99", "p50 ratio");
        for (BacklogResult r : results.backlog) {
            out.printf("%-11s %8.0f %8.0f %8.0f | %10.0f %8.0f %8.0f | %10s%n", r.api(),
                r.empty().meanMicros(), r.empty().p50Micros(), r.empty().p99Micros(),
                r.deep().meanMicros(), r.deep().p50Micros(), r.deep().p99Micros(), ratio(r.ratio()));
        }
        out.println("(JMS: CLIENT_ACKNOWLEDGE with prefetch=1, so every receive goes to Redis at both depths)");
    }

    private void idle() {
        IdleResult r = results.idle;
        out.println();
        out.println("Idle cost (reliq): Redis commands sent by clients per second, from INFO commandstats");
        out.printf("  a started connection, no consumers   %6.2f /s%n", r.connectionPerSecond());
        out.printf("  each idle consumer adds              %6.2f /s   (%d consumers, each with a listener,"
            + " own session, own empty queue)%n", r.perConsumerPerSecond(), r.consumers());
        out.printf("  by command, with the consumers       %s%n", r.byCommand().entrySet().stream()
            .map(e -> String.format("%s %.2f", e.getKey(), e.getValue())).collect(Collectors.joining(", ")));
    }

    private void memory() {
        out.println();
        out.printf("Redis memory per stored 1 KiB message (growth of used_memory over %,d messages)%n",
            results.memory.get(0).messages());
        out.printf("%-26s %10s %14s %12s%n", "stored as", "bytes/msg", "above payload", "÷ limit's");
        double limitOverhead = results.memory.get(0).overhead();
        for (MemoryResult r : results.memory) {
            out.printf("%-26s %,10.0f %,14.0f %12s%n", r.store(), r.bytesPerMessage(), r.overhead(),
                ratio(r.overhead(), limitOverhead));
        }
    }

    private void failures() {
        if (results.failures.isEmpty()) {
            return;
        }
        out.println();
        out.println("Failed");
        for (Map.Entry<String, String> e : results.failures.entrySet()) {
            out.printf("  %s: %s%n", e.getKey(), e.getValue());
        }
    }

    private static String millis(double value) {
        return Double.isNaN(value) ? "-" : String.format("%.3f", value);
    }

    static String rate(Double value) {
        return value == null ? "-" : String.format("%,.0f", value);
    }

    static String ratio(Double value, Double base) {
        if (value == null || base == null || base == 0) {
            return "-";
        }
        return ratio(value / base);
    }

    static String ratio(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return "-";
        }
        if (value < 0.1) {
            return String.format("%.3f", value);
        }
        return value < 10 ? String.format("%.2f", value) : String.format("%.1f", value);
    }

    static String seconds(long millis) {
        return millis % 1000 == 0 ? Long.toString(millis / 1000) : String.format("%.1f", millis / 1000.0);
    }
}
