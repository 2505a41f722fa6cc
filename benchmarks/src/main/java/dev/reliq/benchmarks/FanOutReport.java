package dev.reliq.benchmarks;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The topic fan-out part of the report: messages published and delivered per second in every
 * column, where the time went per published message, and what a reliq publish costs by itself as
 * the subscriptions grow. Kept apart from {@link Report}, whose number formats it shares.
 */
final class FanOutReport {

    private static final String ROW = "%-17s %-9s %9s %10s %10s %9s %9s | %11s %9s %12s %9s%n";
    private static final String PROFILE_ROW =
        "%-17s | %7s %8s %8s %8s %9s | %6s %6s %9s | %6s %6s %9s | %6s %6s %9s  %s%n";

    private final Results results;
    private final FanOutSettings settings;
    private final PrintStream out;

    private FanOutReport(Results results, FanOutSettings settings, PrintStream out) {
        this.results = results;
        this.settings = settings;
        this.out = out;
    }

    static void print(Results results, FanOutSettings settings, PrintStream out) {
        FanOutReport report = new FanOutReport(results, settings, out);
        List<TopicShape> shapes = report.shapes();
        if (!shapes.isEmpty()) {
            report.throughput(shapes);
            report.profiles(shapes);
        }
        if (!results.publishing.isEmpty()) {
            report.publishing();
        }
    }

    /** The rows, in the order they ran. */
    private List<TopicShape> shapes() {
        List<TopicShape> shapes = new ArrayList<>();
        for (Results.FanOutCell cell : results.fanOut.keySet()) {
            if (!shapes.contains(cell.shape())) {
                shapes.add(cell.shape());
            }
        }
        return shapes;
    }

    private void throughput(List<TopicShape> shapes) {
        out.println();
        out.printf("Topic fan-out: 1 publisher, S subscriptions with one consumer each (own connection and"
            + " AUTO_ACKNOWLEDGE session); per second, %s s warm-up + %s s measured%n",
            Report.seconds(settings.warmUp().toMillis()), Report.seconds(settings.measure().toMillis()));
        out.printf(ROW, "run", "", Results.LIMIT, Results.ARTEMIS_NP, Results.ARTEMIS_P, Results.RELIQ,
            Results.RELIQ_AOF, "reliq/limit", "AOF/limit", "reliq/Art np", "AOF/Art p");
        for (TopicShape shape : shapes) {
            row(shape.toString(), "published", shape, FanOutThroughput::publishedPerSecond);
            row("", "delivered", shape, FanOutThroughput::deliveriesPerSecond);
        }
        out.printf("(limit: per message one LPUSH onto each subscriber's own list, pipelined with a round trip every"
            + " %d commands, or every message when S > %d; each consumer pops up to %d messages per command (RPOP"
            + " with a count) from its own list and waits in BRPOP while it is empty. The payload is copied S times"
            + " and nothing is acknowledged; a shared durable row repeats the limit of its S)%n",
            RawThroughput.PIPELINE, RawThroughput.PIPELINE, RawThroughput.PIPELINE);
        out.println("(delivered: messages received by all consumers together; the publisher waits while "
            + "the deliveries due, over all subscriptions, reach the in-flight limit)");
    }

    private interface Figure {
        double of(FanOutThroughput measured);
    }

    private void row(String label, String what, TopicShape shape, Figure figure) {
        Double limit = figure(shape, Results.LIMIT, figure);
        Double artemisNp = figure(shape, Results.ARTEMIS_NP, figure);
        Double artemisP = figure(shape, Results.ARTEMIS_P, figure);
        Double reliq = figure(shape, Results.RELIQ, figure);
        Double reliqAof = figure(shape, Results.RELIQ_AOF, figure);
        out.printf(ROW, label, what, Report.rate(limit), Report.rate(artemisNp), Report.rate(artemisP),
            Report.rate(reliq), Report.rate(reliqAof), Report.ratio(reliq, limit), Report.ratio(reliqAof, limit),
            Report.ratio(reliq, artemisNp), Report.ratio(reliqAof, artemisP));
    }

    private Double figure(TopicShape shape, String column, Figure figure) {
        FanOutThroughput measured = results.fanOut(shape, column);
        return measured == null ? null : figure.of(measured);
    }

    private void profiles(List<TopicShape> shapes) {
        out.println();
        out.println("Where the time goes in fan-out, per published message (and Redis CPU per delivery)");
        out.printf("%-17s | %-45s | %-24s | %-24s | %s%n", "", "JVM CPU µs (Artemis rows: clients + broker)",
            "Redis CPU µs per publish", "Redis CPU µs per delivery", "Redis calls sent by clients per publish");
        out.printf(PROFILE_ROW, "run", Results.LIMIT, "Art np", "Art p", Results.RELIQ, Results.RELIQ_AOF,
            Results.LIMIT, Results.RELIQ, Results.RELIQ_AOF, Results.LIMIT, Results.RELIQ, Results.RELIQ_AOF,
            Results.LIMIT, Results.RELIQ, Results.RELIQ_AOF, "reliq by command");
        for (TopicShape shape : shapes) {
            FanOutThroughput limit = results.fanOut(shape, Results.LIMIT);
            FanOutThroughput reliq = results.fanOut(shape, Results.RELIQ);
            FanOutThroughput reliqAof = results.fanOut(shape, Results.RELIQ_AOF);
            out.printf(PROFILE_ROW, shape,
                Report.jvm(profile(limit)), Report.jvm(profile(results.fanOut(shape, Results.ARTEMIS_NP))),
                Report.jvm(profile(results.fanOut(shape, Results.ARTEMIS_P))), Report.jvm(profile(reliq)),
                Report.jvm(profile(reliqAof)),
                Report.redisCpu(profile(limit)), Report.redisCpu(profile(reliq)), Report.redisCpu(profile(reliqAof)),
                perDelivery(limit), perDelivery(reliq), perDelivery(reliqAof),
                Report.calls(profile(limit)), Report.calls(profile(reliq)), Report.calls(profile(reliqAof)),
                reliq == null ? "" : reliq.profile().redisCalls().entrySet().stream()
                    .map(e -> String.format("%s %.2f", e.getKey(), e.getValue()))
                    .collect(Collectors.joining(", ")));
        }
        out.println("(per publish: the whole window's cost, publisher and consumers, over the messages published;"
            + " per delivery: the same over the messages delivered)");
    }

    private static Profile profile(FanOutThroughput measured) {
        return measured == null ? null : measured.profile();
    }

    private static String perDelivery(FanOutThroughput measured) {
        if (measured == null || Double.isNaN(measured.redisCpuMicrosPerDelivery())) {
            return "-";
        }
        return String.format("%.1f", measured.redisCpuMicrosPerDelivery());
    }

    private void publishing() {
        out.println();
        out.printf("Publishing alone (reliq, Redis without persistence): 1 publisher, S durable subscriptions nobody"
            + " consumes from, %s s measured%n", Report.seconds(settings.publishWindow().toMillis()));
        out.printf("%6s %12s %8s %8s | %13s %10s %10s | %6s %13s%n", "S", "published/s", "send p50", "p99",
            "Redis CPU µs", "script µs", "script ÷ S", "calls", "KiB to Redis");
        for (PublishResult r : results.publishing) {
            out.printf("%,6d %,12.0f %8.0f %8.0f | %13.1f %10.1f %10.2f | %6.2f %,13.1f%n", r.subscriptions(),
                r.perSecond(), r.latency().p50Micros(), r.latency().p99Micros(), r.profile().redisCpuMicros(),
                r.scriptMicros(), r.scriptMicros() / r.subscriptions(), r.profile().totalRedisCalls(),
                r.bytesToRedis() / 1024);
        }
        out.println("(per publish; send: µs the publisher waited for each send; script: INFO commandstats usec of"
            + " EVALSHA, the time inside the publish script; KiB to Redis: the call's bytes, the subscriptions' key"
            + " names included)");
    }
}
