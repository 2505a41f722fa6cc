package dev.reliq.appserver.crash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;

import dev.reliq.appserver.crash.app.CrashServlet;
import dev.reliq.appserver.crash.app.CrashingSender;
import dev.reliq.appserver.crash.app.HaltOnCommit;
import dev.reliq.jms.ReliqConnectionFactory;
import dev.reliq.test.RedisServerExtension;

/**
 * XA crash recovery in WildFly, with a real crash: a container-managed transaction in which
 * reliq sent two messages is prepared, the server JVM halts before reliq's branches commit, and
 * after a restart the transaction manager's recovery commits those branches from their records
 * in Redis ({@code <keyPrefix>:xa:prepared}). Each message is then in the queue exactly once and
 * the records are gone.
 *
 * <p>Recovery comes from the {@code <recovery>} element of the adapter's ironjacamar.xml, for
 * the factory at {@code java:/jms/reliq/ConnectionFactory}. One message goes through that
 * factory, the other through a factory the application defines in web.xml on the same Redis,
 * which has no recovery settings of its own (WildFly logs IJ020016 for it): the adapter's
 * factory lists that branch too, and the transaction manager commits it. The application has no
 * message-driven bean, so no activation's recovery can stand in for the factory's.
 *
 * <p>The server is not the suite's Arquillian one: this test starts, halts and restarts a
 * WildFly of its own, from a server base directory that keeps the transaction log between the
 * two runs, with ports moved by the offset its failsafe execution names
 * ({@code reliq.crash.portOffset}). Narayana's periodic recovery runs every two seconds instead
 * of two minutes.
 */
class XaCrashRecoveryIT {

    @RegisterExtension
    static final RedisServerExtension REDIS = RedisServerExtension.standalone();

    private static final String CONTEXT = "xa-crash";
    private static final Duration STARTUP = Duration.ofMinutes(3);
    private static final Duration RECOVERY = Duration.ofSeconds(60);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void branchesLeftPreparedByACrashAreCommittedByRecoveryAfterTheRestart() throws Exception {
        String offset = System.getProperty("reliq.crash.portOffset");
        assumeTrue(offset != null, "runs in the failsafe execution wildfly-xa-recovery, which gives it a WildFly"
            + " and a port offset of its own");
        String url = REDIS.uri() + (REDIS.uri().contains("?") ? "&" : "?") + "keyPrefix=" + REDIS.keyPrefix();
        String queue = "xa-crash-" + UUID.randomUUID();
        String text = "order-" + UUID.randomUUID();
        Path work = Path.of(System.getProperty("reliq.crash.dir"));
        Path war = application(work.resolve(CONTEXT + ".war"), url);
        ReliqConnectionFactory factory = new ReliqConnectionFactory(url);

        try (StandaloneWildFly server = new StandaloneWildFly(Path.of(System.getProperty("jboss.home")),
                work.resolve("standalone"), Integer.parseInt(offset), List.of(
                    "-Dreliq.url=" + url,
                    "-DRecoveryEnvironmentBean.periodicRecoveryPeriod=2",
                    "-DRecoveryEnvironmentBean.recoveryBackoffPeriod=1"))) {
            server.prepare(List.of(Path.of(System.getProperty("reliq.rar")), war));
            URI endpoint = URI.create("http://127.0.0.1:" + server.httpPort() + "/" + CONTEXT + "/crash");

            server.start();
            awaitReady(server, endpoint);
            crash(endpoint.resolve("crash?queue=" + encode(queue) + "&text=" + encode(text)));
            assertThat(server.awaitExit(60)).as("exit status of the halted server").isEqualTo(HaltOnCommit.HALT_STATUS);

            Set<String> inDoubt = preparedBranches();
            assertThat(inDoubt).as("reliq's branches, prepared and not committed").hasSize(2);
            assertThat(browse(factory, queue)).as("the queue before recovery").isEmpty();

            server.start();
            awaitReady(server, endpoint);
            await().atMost(RECOVERY).pollInterval(Duration.ofMillis(250)).until(() -> preparedBranches().isEmpty());

            assertThat(receiveAll(factory, queue)).containsExactlyInAnyOrder(text + "-adapter", text + "-application");
            String log = Files.readString(server.serverLog());
            for (String branch : inDoubt) {
                assertThat(log).contains("Committed recovered transaction branch " + branch);
            }
        }
    }

    /**
     * The application: a servlet and a bean whose transaction halts the server at commit, and a
     * connection factory of its own on {@code url}; no message-driven bean.
     */
    private static Path application(Path file, String url) throws IOException {
        String webXml = """
            <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0">
              <connection-factory>
                <name>%s</name>
                <interface-name>jakarta.jms.ConnectionFactory</interface-name>
                <resource-adapter>reliq-ra</resource-adapter>
                <transaction-support>XATransaction</transaction-support>
                <property><name>url</name><value>%s</value></property>
              </connection-factory>
            </web-app>
            """.formatted(CrashingSender.APPLICATION_FACTORY, url.replace("&", "&amp;").replace("<", "&lt;"));
        Files.createDirectories(file.getParent());
        ShrinkWrap.create(WebArchive.class, file.getFileName().toString())
            .addClasses(CrashServlet.class, CrashingSender.class, HaltOnCommit.class)
            .addAsWebInfResource(new StringAsset(webXml), "web.xml")
            // the application's factory runs an adapter instance loaded by the application's class loader
            .setManifest(new StringAsset("Manifest-Version: 1.0\nDependencies: deployment.reliq-ra.rar\n"))
            .as(ZipExporter.class)
            .exportTo(file.toFile(), true);
        return file;
    }

    private static void awaitReady(StandaloneWildFly server, URI endpoint) {
        await().atMost(STARTUP).pollInterval(Duration.ofMillis(250))
            .failFast("WildFly exited; see " + server.serverLog(), () -> !server.isRunning())
            .ignoreExceptions()
            .until(() -> HTTP.send(HttpRequest.newBuilder(endpoint).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body().equals("ready"));
    }

    /** Posts the request whose transaction halts the server: it gets no answer. */
    private static void crash(URI uri) throws InterruptedException {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            throw new AssertionError("the server answered instead of halting: HTTP " + response.statusCode() + " "
                + response.body());
        } catch (IOException expected) {
            // the server died while the request was in its transaction
        }
    }

    private static Set<String> preparedBranches() {
        return REDIS.jedis().hkeys(REDIS.keyPrefix() + ":xa:prepared");
    }

    private static List<String> browse(ReliqConnectionFactory factory, String queue) throws JMSException {
        try (Connection connection = factory.createConnection()) {
            Session session = connection.createSession();
            List<String> texts = new ArrayList<>();
            for (Object m : Collections.list(session.createBrowser(session.createQueue(queue)).getEnumeration())) {
                texts.add(((TextMessage) m).getText());
            }
            return texts;
        }
    }

    /** Every message in the queue: waits for the first, then takes what else is there. */
    private static List<String> receiveAll(ReliqConnectionFactory factory, String queue) throws JMSException {
        try (Connection connection = factory.createConnection()) {
            Session session = connection.createSession();
            MessageConsumer consumer = session.createConsumer(session.createQueue(queue));
            connection.start();
            List<String> texts = new ArrayList<>();
            Message m = consumer.receive(10_000);
            while (m != null) {
                texts.add(((TextMessage) m).getText());
                m = consumer.receive(500);
            }
            return texts;
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
