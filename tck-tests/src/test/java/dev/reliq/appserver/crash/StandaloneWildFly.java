package dev.reliq.appserver.crash;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.reliq.test.FileTrees;

/**
 * A WildFly (standalone-full) that a test starts, kills and starts again itself, unlike the
 * Arquillian-managed one of the suite. It runs the unpacked distribution from a server base
 * directory of its own (a copy of {@code standalone/configuration} plus a deployment scanner
 * directory), which keeps its data, the transaction log included, from one start to the next.
 */
final class StandaloneWildFly implements AutoCloseable {

    private final Path jbossHome;
    private final Path base;
    private final int portOffset;
    private final List<String> systemProperties;
    private Process script;
    private int starts;

    StandaloneWildFly(Path jbossHome, Path base, int portOffset, List<String> systemProperties) {
        this.jbossHome = jbossHome;
        this.base = base;
        this.portOffset = portOffset;
        this.systemProperties = List.copyOf(systemProperties);
    }

    int httpPort() {
        return 8080 + portOffset;
    }

    /** A fresh server base: the distribution's configuration, and {@code deployments} in its scanner's directory. */
    void prepare(List<Path> deployments) throws IOException {
        FileTrees.delete(base);
        FileTrees.copy(jbossHome.resolve("standalone/configuration"), base.resolve("configuration"));
        Path scanned = Files.createDirectories(base.resolve("deployments"));
        for (Path deployment : deployments) {
            Files.copy(deployment, scanned.resolve(deployment.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    Path deployments() {
        return base.resolve("deployments");
    }

    Path serverLog() {
        return base.resolve("log/server.log");
    }

    void start() throws IOException {
        requireFree(httpPort(), "HTTP");
        requireFree(9990 + portOffset, "management");
        List<String> command = new ArrayList<>(List.of(jbossHome.resolve("bin/standalone.sh").toString(),
            "-c", "standalone-full.xml",
            "-Djboss.server.base.dir=" + base,
            "-Djboss.socket.binding.port-offset=" + portOffset));
        command.addAll(systemProperties);
        ProcessBuilder builder = new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(base.resolve("console-" + ++starts + ".log").toFile()));
        builder.environment().put("JBOSS_HOME", jbossHome.toString());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("NOPAUSE", "true");
        builder.environment().remove("JAVA_OPTS");
        script = builder.start();
    }

    boolean isRunning() {
        return script != null && script.isAlive();
    }

    /** Waits for the server to exit by itself; returns the exit status of standalone.sh, which passes the JVM's on. */
    int awaitExit(long seconds) throws InterruptedException {
        if (!script.waitFor(seconds, TimeUnit.SECONDS)) {
            throw new IllegalStateException("WildFly did not exit within " + seconds + "s; see " + serverLog());
        }
        return script.exitValue();
    }

    /** Kills the server JVM and standalone.sh at once (no graceful shutdown); nothing when it is not running. */
    @Override
    public void close() {
        if (script == null) {
            return;
        }
        List<ProcessHandle> tree = new ArrayList<>(script.descendants().toList());
        tree.forEach(ProcessHandle::destroyForcibly);
        script.destroyForcibly();
        for (ProcessHandle p : tree) {
            p.onExit().orTimeout(30, TimeUnit.SECONDS).exceptionally(e -> p).join();
        }
        try {
            script.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        script = null;
    }

    private static void requireFree(int port, String what) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress("127.0.0.1", port));
        } catch (IOException e) {
            throw new IllegalStateException("WildFly's " + what + " port " + port + " is in use: is another server"
                + " running with the same port offset?", e);
        }
    }
}
