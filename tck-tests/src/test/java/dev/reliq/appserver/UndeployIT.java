package dev.reliq.appserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.ResourceAdapterArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;

import dev.reliq.appserver.app.DrainMdb;
import dev.reliq.appserver.app.Names;
import dev.reliq.appserver.app.Recorder;
import dev.reliq.jms.ReliqConnection;
import dev.reliq.queue.QueueStats;

import redis.clients.jedis.UnifiedJedis;

/**
 * A message-driven bean undeployed while messages flow: every message is processed or still on
 * the queue, nothing stays in flight, and a redeployed bean processes the rest.
 */
@ExtendWith(ArquillianExtension.class)
class UndeployIT extends AppServerTest {

    @ArquillianResource
    private Deployer deployer;

    @Deployment(name = "rar", order = 1, testable = false)
    static ResourceAdapterArchive resourceAdapter() {
        return Deployments.resourceAdapter();
    }

    @Deployment(name = "drain", order = 2, testable = false, managed = false)
    static WebArchive application() {
        return Deployments.application("reliq-drain", DrainMdb.class, Recorder.class);
    }

    @Test
    void undeployingTheBeanMidStreamLosesNothing() throws Exception {
        String run = UUID.randomUUID().toString();
        List<String> ids = sendBatch(Names.DRAIN, run, 400);
        deployer.deploy("drain");
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> seen.seenAmong(ids).size() >= 40);
        } finally {
            deployer.undeploy("drain");
        }
        // the undeployed bean's sessions gave back what they held (a rolled-back delivery may wait
        // out its redelivery delay first)
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            QueueStats stats = stats();
            return stats.inFlight() == 0 && stats.delayed() == 0;
        });
        assertThat(browse(run)).as("messages left on the queue after the undeploy").isNotEmpty();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            Set<String> missing = new HashSet<>(ids);
            missing.removeAll(seen.seenAmong(ids));
            missing.removeAll(browse(run));
            assertThat(missing).as("neither processed nor on the queue; %s; where they are: %s", stats(),
                whereAre(missing)).isEmpty();
        });
        // the rest is processed once the bean is back
        deployer.deploy("drain");
        try {
            await().atMost(Duration.ofSeconds(90)).until(() -> seen.seenAmong(ids).size() == ids.size());
        } finally {
            deployer.undeploy("drain");
        }
    }

    private static Set<String> browse(String prefix) throws JMSException {
        Set<String> found = new HashSet<>();
        try (Connection connection = factory.createConnection()) {
            Session session = connection.createSession();
            QueueBrowser browser = session.createBrowser(session.createQueue(Names.DRAIN));
            var e = browser.getEnumeration();
            while (e.hasMoreElements()) {
                String text = ((TextMessage) e.nextElement()).getText();
                if (text.startsWith(prefix)) {
                    found.add(text);
                }
            }
        }
        return found;
    }

    private static QueueStats stats() throws JMSException {
        try (ReliqConnection connection = (ReliqConnection) factory.createConnection()) {
            return connection.reliableQueue(Names.DRAIN).stats();
        }
    }

    /** For a failure message: in which of the queue's sets each missing message is, read straight from Redis. */
    private static String whereAre(Set<String> missing) {
        UnifiedJedis jedis = AppServerRedis.get().jedis();
        String base = AppServerRedis.get().keyPrefix() + ":{" + Names.DRAIN + "}";
        StringBuilder out = new StringBuilder();
        Map<byte[], byte[]> payloads = jedis.hgetAll((base + ":msg").getBytes(StandardCharsets.UTF_8));
        for (String text : missing) {
            String id = null;
            for (Map.Entry<byte[], byte[]> e : payloads.entrySet()) {
                if (new String(e.getValue(), StandardCharsets.ISO_8859_1).contains(text)) {
                    id = new String(e.getKey(), StandardCharsets.UTF_8);
                }
            }
            out.append(text).append(" -> id ").append(id);
            if (id != null) {
                out.append(" ready=").append(jedis.zscore(base + ":ready", id))
                    .append(" delayed=").append(jedis.zscore(base + ":delayed", id))
                    .append(" meta=").append(jedis.hget(base + ":meta", id));
            }
            out.append("; ");
        }
        return out.toString();
    }
}
