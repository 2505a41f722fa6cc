package dev.reliq.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Everything one run measured, for the report and for the smoke test. */
final class Results {

    /** The limit's column: raw Jedis against the Redis without persistence. */
    static final String LIMIT = "limit";
    static final String ARTEMIS_NP = "Artemis np";
    static final String ARTEMIS_P = "Artemis p";
    static final String RELIQ = "reliq";
    static final String RELIQ_AOF = "reliq AOF";
    /** The columns in the order they are printed. */
    static final List<String> COLUMNS = List.of(LIMIT, ARTEMIS_NP, ARTEMIS_P, RELIQ, RELIQ_AOF);

    /** One throughput figure: the limit's has no acknowledgement mode (null). */
    record Cell(Shape shape, AckMode ack, String column) {
    }

    /** One fan-out figure. */
    record FanOutCell(TopicShape shape, String column) {
    }

    final Map<String, String> environment = new LinkedHashMap<>();
    final Map<String, String> legend = new LinkedHashMap<>();
    final Map<Cell, Double> throughput = new LinkedHashMap<>();
    final Map<Cell, Profile> profiles = new LinkedHashMap<>();
    final Map<FanOutCell, FanOutThroughput> fanOut = new LinkedHashMap<>();
    final List<PublishResult> publishing = new ArrayList<>();
    final List<OperationCost> operations = new ArrayList<>();
    final Map<String, LatencyResult> latency = new LinkedHashMap<>();
    final List<BacklogResult> backlog = new ArrayList<>();
    IdleResult idle;
    final List<MemoryResult> memory = new ArrayList<>();
    /** What failed, and why; a failed figure is printed as "failed". */
    final Map<String, String> failures = new LinkedHashMap<>();

    Double throughput(Shape shape, AckMode ack, String column) {
        return throughput.get(cell(shape, ack, column));
    }

    Profile profile(Shape shape, AckMode ack, String column) {
        return profiles.get(cell(shape, ack, column));
    }

    void record(Shape shape, AckMode ack, String column, Throughput measured) {
        throughput.put(cell(shape, ack, column), measured.perSecond());
        profiles.put(cell(shape, ack, column), measured.profile());
    }

    FanOutThroughput fanOut(TopicShape shape, String column) {
        return fanOut.get(new FanOutCell(shape, column));
    }

    void record(TopicShape shape, String column, FanOutThroughput measured) {
        fanOut.put(new FanOutCell(shape, column), measured);
    }

    private static Cell cell(Shape shape, AckMode ack, String column) {
        return new Cell(shape, column.equals(LIMIT) ? null : ack, column);
    }
}
