package dev.reliq.appserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.ResourceAdapterArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;

import dev.reliq.appserver.app.DrainMdb;
import dev.reliq.appserver.app.Names;
import dev.reliq.appserver.app.Recorder;
import dev.reliq.jms.ReliqConnectionFactory;

/** Redis restarted under a deployed message-driven bean: delivery resumes by itself, without a redeploy. */
@ExtendWith(ArquillianExtension.class)
class RedisRestartIT {

    private static ReliqConnectionFactory factory;
    private static Seen seen;

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

    @BeforeAll
    static void connect() throws JMSException {
        factory = new ReliqConnectionFactory(AppServerRedis.uri());
        seen = new Seen(factory);
    }

    @AfterAll
    static void disconnect() throws JMSException {
        if (seen != null) {
            seen.close();
        }
    }

    @Test
    void deliveryResumesAfterRedisRestarts() throws Exception {
        deployer.deploy("drain");
        try {
            List<String> before = sendBatch("before-" + UUID.randomUUID(), 5);
            await().atMost(Duration.ofSeconds(30)).until(() -> processed(before).size() == 5);
            seen.close();
            AppServerRedis.get().restart();
            seen = new Seen(factory);
            List<String> after = sendBatch("after-" + UUID.randomUUID(), 5);
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> processed(after).size() == 5);
        } finally {
            deployer.undeploy("drain");
        }
    }

    // ------------------------------------------------------------------ helpers

    private static List<String> sendBatch(String prefix, int count) throws JMSException {
        List<String> ids = new ArrayList<>();
        try (Connection connection = factory.createConnection()) {
            Session session = connection.createSession(Session.SESSION_TRANSACTED);
            MessageProducer producer = session.createProducer(session.createQueue(Names.DRAIN));
            for (int i = 0; i < count; i++) {
                String id = prefix + "-" + i;
                producer.send(session.createTextMessage(id));
                ids.add(id);
            }
            session.commit();
        }
        return ids;
    }

    private static Set<String> processed(List<String> ids) throws JMSException {
        return seen.seenAmong(ids);
    }
}
