package dev.reliq.benchmarks;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import jakarta.jms.DeliveryMode;

import dev.reliq.jms.ReliqConnectionFactory;
import dev.reliq.queue.QueueClient;

/**
 * Runs the benchmarks and prints the side-by-side report. It starts everything it measures: two
 * {@code redis-server} processes on free loopback ports (one without persistence, one with AOF
 * {@code everysec}) and an embedded ActiveMQ Artemis broker, and removes them afterwards.
 *
 * <pre>
 * mvn -B -q -pl benchmarks -am -DskipTests package exec:java -Dexec.args="--quick"
 * </pre>
 *
 * <p>Arguments: {@code --quick} (the default, about four minutes), {@code --full} (about twenty
 * minutes), {@code --smoke} (every scenario for about a second), and
 * {@code --only=throughput,fanout,operations,latency,backlog,idle,memory} to run some scenarios
 * only. The report goes to stdout, progress to stderr.
 */
public final class Benchmarks {

    private Benchmarks() {
    }

    public static void main(String[] args) throws Exception {
        Settings settings = Settings.quick();
        Set<Scenario> scenarios = EnumSet.allOf(Scenario.class);
        for (String arg : args) {
            if (arg.equals("--quick")) {
                settings = Settings.quick();
            } else if (arg.equals("--full")) {
                settings = Settings.full();
            } else if (arg.equals("--smoke")) {
                settings = Settings.smoke();
            } else if (arg.startsWith("--only=")) {
                scenarios = EnumSet.noneOf(Scenario.class);
                for (String name : arg.substring("--only=".length()).split(",")) {
                    scenarios.add(Scenario.parse(name));
                }
            } else {
                throw new IllegalArgumentException("Unknown argument '" + arg + "'; use --quick, --full, --smoke"
                    + " or --only=throughput,fanout,operations,latency,backlog,idle,memory");
            }
        }
        Results results = run(settings, scenarios, Progress.to(System.err));
        Report.print(results, settings, System.out);
        if (!results.failures.isEmpty()) {
            throw new IllegalStateException(results.failures.size() + " measurement(s) failed; see the report");
        }
    }

    /** Starts the servers, runs {@code scenarios}, stops the servers. A failed measurement is recorded, not thrown. */
    static Results run(Settings settings, Set<Scenario> scenarios, Progress progress) throws Exception {
        Results results = new Results();
        results.environment.put("machine", Machine.cpu() + ", " + Machine.memory() + ", " + Machine.os());
        results.environment.put("java", Machine.java());
        results.environment.put("load start", Machine.load() + " (1, 5, 15 min averages)");
        RedisExecutable executable = RedisExecutable.find();
        progress.note("starting Redis (" + executable.origin() + ") and Artemis");
        try (RedisServerProcess plain = RedisServerProcess.start(executable, "no-persistence",
                RedisServerProcess.NO_PERSISTENCE);
             RedisServerProcess aof = RedisServerProcess.start(executable, "aof-everysec",
                RedisServerProcess.AOF_EVERYSEC);
             ArtemisBroker artemis = ArtemisBroker.start();
             QueueClient plainAdmin = QueueClient.connect(plain.uri());
             QueueClient aofAdmin = QueueClient.connect(aof.uri())) {
            results.environment.put("redis", "Redis " + plain.version() + ", " + executable.origin());
            results.environment.put("artemis", artemis.description());
            results.environment.put("reliq", version());

            List<JmsTarget> targets = List.of(
                new JmsTarget(Results.ARTEMIS_NP, "Artemis, DeliveryMode.NON_PERSISTENT",
                    artemis.connectionFactory(), DeliveryMode.NON_PERSISTENT, artemis::deleteQueue, null),
                new JmsTarget(Results.ARTEMIS_P,
                    "Artemis, DeliveryMode.PERSISTENT (sends and commits wait for the journal's sync)",
                    artemis.connectionFactory(), DeliveryMode.PERSISTENT, artemis::deleteQueue, null),
                new JmsTarget(Results.RELIQ, "reliq on Redis without persistence (--save \"\" --appendonly no)",
                    new ReliqConnectionFactory(plain.uri()), DeliveryMode.PERSISTENT,
                    name -> drop(plainAdmin, name), plain),
                new JmsTarget(Results.RELIQ_AOF, "reliq on Redis with --appendonly yes --appendfsync everysec",
                    new ReliqConnectionFactory(aof.uri()), DeliveryMode.PERSISTENT,
                    name -> drop(aofAdmin, name), aof));
            results.legend.put(Results.LIMIT, "raw Jedis on the Redis without persistence: LPUSH and RPOP pipelined "
                + RawThroughput.PIPELINE + " per round trip, no reliability");
            targets.forEach(t -> results.legend.put(t.column(), t.description()));

            Suite suite = new Suite(settings, results, progress, executable);
            if (scenarios.contains(Scenario.THROUGHPUT)) {
                suite.throughput(plain, targets);
            }
            if (scenarios.contains(Scenario.FANOUT)) {
                suite.fanOut(plain, targets);
            }
            if (scenarios.contains(Scenario.OPERATIONS)) {
                suite.operations(plain);
            }
            if (scenarios.contains(Scenario.LATENCY)) {
                suite.latency(plain, targets);
            }
            if (scenarios.contains(Scenario.BACKLOG)) {
                suite.backlog(plain);
            }
            if (scenarios.contains(Scenario.IDLE)) {
                suite.idle();
            }
            if (scenarios.contains(Scenario.MEMORY)) {
                suite.memory(plain);
            }
        }
        results.environment.put("load end", Machine.load());
        progress.note("done");
        return results;
    }

    /** Deletes a queue after a run, and stops the admin client sweeping it. */
    private static void drop(QueueClient admin, String name) {
        admin.queue(name).delete();
        admin.forget(name);
    }

    private static String version() {
        String version = QueueClient.class.getPackage().getImplementationVersion();
        return "reliq " + (version == null ? "(built from this source tree)" : version);
    }
}
