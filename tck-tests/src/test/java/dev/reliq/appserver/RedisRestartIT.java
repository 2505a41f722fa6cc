package dev.reliq.appserver;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
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

import jakarta.jms.JMSException;

import dev.reliq.appserver.app.DrainMdb;
import dev.reliq.appserver.app.Names;
import dev.reliq.appserver.app.Recorder;

/** Redis restarted under a deployed message-driven bean: delivery resumes by itself, without a redeploy. */
@ExtendWith(ArquillianExtension.class)
class RedisRestartIT extends AppServerTest {

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
    void deliveryResumesAfterRedisRestarts() throws Exception {
        deployer.deploy("drain");
        try {
            List<String> before = sendBatch(Names.DRAIN, "before-" + UUID.randomUUID(), 5);
            await().atMost(Duration.ofSeconds(30)).until(() -> processed(before).size() == 5);
            seen.close();
            AppServerRedis.get().restart();
            seen = new Seen(factory);
            List<String> after = sendBatch(Names.DRAIN, "after-" + UUID.randomUUID(), 5);
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> processed(after).size() == 5);
        } finally {
            deployer.undeploy("drain");
        }
    }

    // ------------------------------------------------------------------ helpers

    private static Set<String> processed(List<String> ids) throws JMSException {
        return seen.seenAmong(ids);
    }
}
