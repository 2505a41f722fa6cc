package dev.reliq.samples.mdb;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

import dev.reliq.samples.support.EmbeddedRedis;
import dev.reliq.test.FileTrees;

/**
 * Runs the sample the way its README deploys it, in one command: a WildFly that Maven unpacked,
 * with {@code reliq-ra.rar} and the sample's WAR in the deployment scanner's directory and the
 * Redis URL in the system property {@code reliq.url}. It sends three orders (one poison) through
 * {@code /send}, prints {@code /status}, and keeps the server running until Enter is pressed (at
 * once when standard input is not a terminal).
 *
 * <p>The Redis is the one {@code REDIS_URL} names, or else an embedded one. The server runs
 * from a copy of {@code standalone/} under {@code target/wildfly-run}, so the WildFly of the test
 * is untouched; its HTTP port is 8080 plus the port offset (system property
 * {@code wildfly.portOffset}, default 100).
 */
public final class RunOnWildFly {

    private static final String CONTEXT = "/reliq-sample-mdb/";
    private static final Duration STARTUP = Duration.ofMinutes(3);
    private static final Duration STORY = Duration.ofSeconds(60);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Path jbossHome;
    private final Path runDir;
    private final int portOffset;
    private Process server;

    private RunOnWildFly(Path jbossHome, Path runDir, int portOffset) {
        this.jbossHome = jbossHome;
        this.runDir = runDir;
        this.portOffset = portOffset;
    }

    public static void main(String[] args) throws Exception {
        Path jbossHome = Path.of(required("jboss.home"));
        if (!Files.isDirectory(jbossHome.resolve("standalone"))) {
            throw new IllegalStateException("no WildFly at " + jbossHome + ": run the README's command, whose 'verify'"
                + " phase unpacks it (and leave out -Dreliq.appservers.skip)");
        }
        RunOnWildFly run = new RunOnWildFly(jbossHome, Path.of(required("wildfly.run.dir")),
            Integer.getInteger("wildfly.portOffset", 100));
        String url = System.getenv("REDIS_URL");
        if (url != null && !url.isBlank()) {
            System.out.println("Using the Redis named by REDIS_URL");
            run.run(url, List.of(Path.of(required("reliq.rar")), Path.of(required("reliq.sample.war"))));
            return;
        }
        try (EmbeddedRedis redis = EmbeddedRedis.start()) {
            System.out.println("No REDIS_URL set: started an embedded Redis " + redis.version() + " at " + redis.uri());
            run.run(redis.uri(), List.of(Path.of(required("reliq.rar")), Path.of(required("reliq.sample.war"))));
        }
    }

    private void run(String redisUrl, List<Path> deployments) throws Exception {
        int httpPort = 8080 + portOffset;
        int managementPort = 9990 + portOffset;
        requireFree(httpPort, "HTTP");
        requireFree(managementPort, "management");
        prepareServerBase(deployments);
        Thread stopper = new Thread(this::stopServer, "stop WildFly");
        Runtime.getRuntime().addShutdownHook(stopper);
        try {
            startServer(redisUrl);
            URI app = URI.create("http://localhost:" + httpPort + CONTEXT);
            System.out.println("WildFly " + jbossHome.getFileName() + " is starting (standalone-full, port offset "
                + portOffset + "), deploying " + deployments.get(0).getFileName() + " and "
                + deployments.get(1).getFileName() + "; its log: " + runDir.resolve("standalone/log/server.log"));
            String status = await(app.resolve("status"), STARTUP, body -> true, "the application to answer");
            System.out.println("Deployed. Sending three orders through " + app.resolve("send") + ":");
            for (String order : List.of("order-1", "poison-order-2", "order-3")) {
                int code = post(app.resolve("send?text=" + order));
                System.out.println("  POST send?text=" + order + " -> HTTP " + code);
            }
            status = await(app.resolve("status"), STORY,
                body -> body.contains("order-3\n") && body.contains("poison-order-2 reason="),
                "order-3 to be processed and poison-order-2 to reach orders.DLQ");
            System.out.println();
            System.out.println("GET " + app.resolve("status") + ":");
            System.out.print(status.indent(2));
            System.out.println();
            System.out.println("WildFly keeps running: try curl -X POST '" + app.resolve("send?text=order-4")
                + "' and curl " + app.resolve("status"));
            System.out.println("Press Enter to stop it.");
            waitForEnter();
        } finally {
            stopServer();
            Runtime.getRuntime().removeShutdownHook(stopper);
        }
    }

    /** A fresh copy of {@code standalone/} with the two deployments in its scanner's directory. */
    private void prepareServerBase(List<Path> deployments) throws IOException {
        Path base = runDir.resolve("standalone");
        FileTrees.delete(base);
        FileTrees.copy(jbossHome.resolve("standalone/configuration"), base.resolve("configuration"));
        Path scanned = Files.createDirectories(base.resolve("deployments"));
        for (Path deployment : deployments) {
            Files.copy(deployment, scanned.resolve(deployment.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private void startServer(String redisUrl) throws IOException {
        boolean windows = System.getProperty("os.name").toLowerCase().startsWith("windows");
        Path script = jbossHome.resolve(windows ? "bin/standalone.bat" : "bin/standalone.sh");
        ProcessBuilder builder = new ProcessBuilder(script.toString(), "-c", "standalone-full.xml",
            "-Djboss.server.base.dir=" + runDir.resolve("standalone"),
            "-Djboss.socket.binding.port-offset=" + portOffset,
            "-Dreliq.url=" + redisUrl)
            .redirectErrorStream(true)
            .redirectOutput(runDir.resolve("console.log").toFile());
        builder.environment().put("JBOSS_HOME", jbossHome.toString());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("NOPAUSE", "true");
        server = builder.start();
    }

    private synchronized void stopServer() {
        if (server == null) {
            return;
        }
        System.out.println("Stopping WildFly...");
        server.descendants().forEach(ProcessHandle::destroy);
        server.destroy();
        server.descendants().forEach(ProcessHandle::destroyForcibly);
        try {
            server.onExit().get();
        } catch (Exception e) {
            server.destroyForcibly();
        }
        server = null;
    }

    /** Polls {@code uri} until it answers 200 with a body {@code ready} accepts; fails with the server's state otherwise. */
    private String await(URI uri, Duration limit, Predicate<String> ready, String what) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            if (server != null && !server.isAlive()) {
                throw new IllegalStateException("WildFly exited with " + server.exitValue() + "; see "
                    + runDir.resolve("console.log"));
            }
            try {
                HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
                last = "HTTP " + response.statusCode() + "\n" + response.body();
                if (response.statusCode() == 200 && ready.test(response.body())) {
                    return response.body();
                }
            } catch (ConnectException notYet) {
                last = "no answer";
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("waited " + limit.toSeconds() + "s for " + what + "; " + uri + " gave " + last
            + "; see " + runDir.resolve("standalone/log/server.log"));
    }

    private static int post(URI uri) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.noBody()).build(),
            HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static void waitForEnter() throws IOException {
        if (System.console() == null) {
            System.out.println("(standard input is not a terminal: stopping now)");
            return;
        }
        System.in.read();
    }

    private static void requireFree(int port, String what) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress("127.0.0.1", port));
        } catch (IOException e) {
            throw new IllegalStateException("WildFly's " + what + " port " + port + " is in use; choose another offset"
                + " with -Dwildfly.portOffset=<n> (ports 8080+n and 9990+n)", e);
        }
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + property + " is not set; run this through the"
                + " sample's README command");
        }
        return value;
    }
}
