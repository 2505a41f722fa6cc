package dev.reliq.appserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

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
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;

import dev.reliq.appserver.app.Names;
import dev.reliq.appserver.app.NonDurableTopicMdb;
import dev.reliq.appserver.app.Recorder;
import dev.reliq.appserver.app.TopicMdb;
import dev.reliq.jms.ReliqConnection;
import dev.reliq.queue.QueueStats;
import dev.reliq.queue.ReliableTopic;
import dev.reliq.queue.TopicSubscription;

/**
 * Message-driven beans on a topic: {@link TopicMdb} with a durable subscription and
 * {@link NonDurableTopicMdb} with a non-durable one, both with two sessions, in one application
 * that each test deploys and undeploys. Messages are published from this JVM; the topic's
 * subscriptions are read through the core API.
 */
@ExtendWith(ArquillianExtension.class)
class TopicMdbIT extends AppServerTest {

    private static final String DURABLE = "durable";
    private static final String NON_DURABLE = "non-durable";

    @ArquillianResource
    private Deployer deployer;

    @Deployment(name = "rar", order = 1, testable = false)
    static ResourceAdapterArchive resourceAdapter() {
        return Deployments.resourceAdapter();
    }

    @Deployment(name = "topic", order = 2, testable = false, managed = false)
    static WebArchive application() {
        return Deployments.application("reliq-topic", TopicMdb.class, NonDurableTopicMdb.class, Recorder.class);
    }

    @Test
    void durableTopicMdbReceivesEachMessageOnce() throws Exception {
        deploy();
        try {
            List<String> ids = publish("once", 20);
            await().atMost(Duration.ofSeconds(60)).until(() -> !seen.countsOf(ids, DURABLE).containsValue(0));
            // the bean's two sessions read one subscription: no message reaches both
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4))
                .until(() -> Set.copyOf(seen.countsOf(ids, DURABLE).values()).equals(Set.of(1)));
            assertThat(subscriptions()).filteredOn(TopicSubscription::durable).singleElement()
                .satisfies(s -> {
                    assertThat(s.name()).isEqualTo(Names.TOPIC_SUBSCRIPTION);
                    assertThat(s.clientId()).isEqualTo(Names.TOPIC_CLIENT_ID);
                    assertThat(s.shared()).isTrue();
                });
        } finally {
            deployer.undeploy("topic");
        }
    }

    @Test
    void durableSubscriptionKeepsMessagesWhileTheApplicationIsUndeployed() throws Exception {
        deploy();
        try {
            List<String> before = publish("before-undeploy", 5);
            await().atMost(Duration.ofSeconds(60)).until(() -> !seen.countsOf(before, DURABLE).containsValue(0));
        } finally {
            deployer.undeploy("topic");
        }

        List<String> whileAway = publish("while-undeployed", 20);
        Optional<TopicSubscription> kept = durableSubscription();
        assertThat(kept).as("the durable subscription after the undeploy, among %s", subscriptions()).isPresent();
        TopicSubscription subscription = kept.get();
        QueueStats stats = stats(subscription.queue());
        assertThat(stats.ready()).as("ready on the subscription while undeployed; %s", stats).isEqualTo(20);
        assertThat(stats.inFlight() + stats.delayed()).as("in flight or delayed; %s", stats).isZero();
        assertThat(seen.seenAmong(whileAway)).as("recorded while undeployed").isEmpty();

        deploy();
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> !seen.countsOf(whileAway, DURABLE).containsValue(0));
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4))
                .until(() -> Set.copyOf(seen.countsOf(whileAway, DURABLE).values()).equals(Set.of(1)));
            for (String id : whileAway) {
                assertThat(seen.of(id, DURABLE).get(0).deliveryCount()).as("delivery count of %s", id).isEqualTo(1);
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> stats(subscription.queue()).total() == 0);
        } finally {
            deployer.undeploy("topic");
        }
    }

    @Test
    void nonDurableTopicMdbSubscriptionEndsWithTheApplication() throws Exception {
        TopicSubscription subscription = deploy();
        try {
            assertThat(subscription.shared()).as("the bean's sessions share one subscription").isTrue();
            List<String> ids = publish("non-durable", 10);
            // the durable bean gets them too: wait for it as well, so its subscription is empty for the other tests
            await().atMost(Duration.ofSeconds(60)).until(() -> !seen.countsOf(ids, NON_DURABLE).containsValue(0)
                && !seen.countsOf(ids, DURABLE).containsValue(0));
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4))
                .until(() -> Set.copyOf(seen.countsOf(ids, NON_DURABLE).values()).equals(Set.of(1)));
            assertThat(nonDurableSubscriptions()).containsExactly(subscription);
        } finally {
            deployer.undeploy("topic");
        }
        assertThat(nonDurableSubscriptions()).as("non-durable subscriptions after the undeploy").isEmpty();
        assertThat(stats(subscription.queue()).total()).as("messages left on its queue").isZero();
        assertThat(durableSubscription()).as("the durable subscription of the other bean").isPresent();
    }

    // ------------------------------------------------------------------ helpers

    /**
     * Deploys the application and waits until both beans are subscribed, so that every message
     * published afterwards reaches them (a subscription gets only what is published after it is
     * made). Returns the non-durable bean's new subscription.
     */
    private TopicSubscription deploy() throws JMSException {
        List<String> earlier = nonDurableSubscriptions().stream().map(TopicSubscription::queue).toList();
        deployer.deploy("topic");
        TopicSubscription[] made = new TopicSubscription[1];
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                made[0] = nonDurableSubscriptions().stream().filter(s -> !earlier.contains(s.queue())).findFirst()
                    .orElse(null);
                return made[0] != null && durableSubscription().isPresent();
            });
        } catch (RuntimeException | Error e) {
            deployer.undeploy("topic");
            throw e;
        }
        return made[0];
    }

    /** Publishes {@code count} text messages "prefix-run-i" to the topic in one transaction; returns their texts. */
    private static List<String> publish(String prefix, int count) throws JMSException {
        String run = prefix + "-" + UUID.randomUUID();
        List<String> ids = new ArrayList<>();
        try (Connection connection = factory.createConnection()) {
            Session session = connection.createSession(Session.SESSION_TRANSACTED);
            MessageProducer producer = session.createProducer(session.createTopic(Names.TOPIC));
            for (int i = 0; i < count; i++) {
                String id = run + "-" + i;
                producer.send(session.createTextMessage(id));
                ids.add(id);
            }
            session.commit();
        }
        return ids;
    }

    /** The topic's subscriptions as registered in Redis now. */
    private static List<TopicSubscription> subscriptions() throws JMSException {
        try (ReliqConnection connection = (ReliqConnection) factory.createConnection()) {
            ReliableTopic topic = connection.reliableTopic(Names.TOPIC);
            topic.refresh();
            return topic.subscriptions();
        }
    }

    private static Optional<TopicSubscription> durableSubscription() throws JMSException {
        return subscriptions().stream()
            .filter(s -> s.durable() && s.name().equals(Names.TOPIC_SUBSCRIPTION)
                && s.clientId().equals(Names.TOPIC_CLIENT_ID))
            .findFirst();
    }

    private static List<TopicSubscription> nonDurableSubscriptions() throws JMSException {
        return subscriptions().stream().filter(s -> !s.durable()).collect(Collectors.toList());
    }

    private static QueueStats stats(String queue) throws JMSException {
        try (ReliqConnection connection = (ReliqConnection) factory.createConnection()) {
            return connection.reliableQueue(queue).stats();
        }
    }
}
