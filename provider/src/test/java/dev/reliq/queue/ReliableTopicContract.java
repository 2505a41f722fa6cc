package dev.reliq.queue;

import static dev.reliq.queue.QueueTestSupport.bytes;
import static dev.reliq.queue.QueueTestSupport.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

import dev.reliq.test.RedisServerExtension;

/**
 * Topics in the core, run against every kind of Redis the fixture provides: a publish reaches
 * each subscription registered at that moment, the payload is stored once and freed by the last
 * subscription done with it, and a subscription is a full reliable queue (dead letters, redrive,
 * purge). On a cluster, every step stays in the topic's slot.
 */
abstract class ReliableTopicContract {

    private static final AtomicInteger TOPICS = new AtomicInteger();

    private QueueClient client;
    private ReliableTopic topic;

    abstract RedisServerExtension redis();

    @BeforeEach
    void connect(TestInfo info) {
        client = QueueTestSupport.client(redis(), "sweepInterval=0");
        topic = client.topic(info.getTestMethod().orElseThrow().getName() + "-" + TOPICS.incrementAndGet());
    }

    @AfterEach
    void disconnect() {
        client.close();
    }

    private ReliableQueue subscribe(String name) {
        String queue = topic.subscriptionQueue("", name, true);
        topic.subscribe(new TopicSubscription(queue, name, "", true, false, "", false, "test"));
        return client.queue(queue);
    }

    /** The fields of the topic's shared hash other than its counters: the stored payloads and their metadata. */
    private Map<String, String> storedMessages() {
        Map<String, String> shared = new java.util.HashMap<>(redis().jedis().hgetAll(
            QueueKeys.sharedKey(client.options().keyPrefix(), ReliableTopic.encode(topic.name()))));
        shared.remove("id");
        shared.remove("version");
        return shared;
    }

    private List<String> publish(String... bodies) {
        return topic.publish(java.util.Arrays.stream(bodies).map(b -> OutgoingMessage.of(bytes(b))).toList(),
            (m, s) -> true);
    }

    @Test
    void publishedMessageReachesEverySubscriptionAndIsFreedAfterTheLastAcknowledgement() {
        ReliableQueue a = subscribe("a");
        ReliableQueue b = subscribe("b");
        String id = publish("hello").get(0);

        assertThat(storedMessages()).containsEntry(id, "hello").containsKey(id + ":r");
        ReceivedMessage fromA = a.receive(10).get(0);
        ReceivedMessage fromB = b.receive(10).get(0);
        assertThat(text(fromA.body())).isEqualTo("hello");
        assertThat(text(fromB.body())).isEqualTo("hello");
        assertThat(fromA.id()).isEqualTo(id).isEqualTo(fromB.id());

        a.acknowledge(List.of(fromA.receiptHandle()));
        assertThat(storedMessages()).as("b still holds the message").containsEntry(id, "hello");
        b.acknowledge(List.of(fromB.receiptHandle()));
        assertThat(storedMessages()).as("nothing holds it any more").isEmpty();
    }

    @Test
    void subscriptionMadeAfterAPublishDoesNotGetThatMessage() {
        ReliableQueue early = subscribe("early");
        publish("before");
        ReliableQueue late = subscribe("late");
        publish("after");

        assertThat(early.receive(10)).extracting(m -> text(m.body())).containsExactly("before", "after");
        assertThat(late.receive(10)).extracting(m -> text(m.body())).containsExactly("after");
    }

    @Test
    void messageForNoSubscriptionIsNotStored() {
        ReliableQueue wanted = subscribe("wanted");
        subscribe("filtered");
        List<String> ids = topic.publish(List.of(OutgoingMessage.of(bytes("x"))),
            (m, s) -> s.queue().equals(wanted.name()));
        assertThat(ids.get(0)).isNotEmpty();
        assertThat(topic.publish(List.of(OutgoingMessage.of(bytes("y"))), (m, s) -> false)).containsExactly("");

        assertThat(client.queue(topic.subscriptionQueue("", "filtered", true)).receive(10)).isEmpty();
        assertThat(wanted.receive(10)).extracting(m -> text(m.body())).containsExactly("x");
        assertThat(storedMessages()).hasSize(3); // x, x:m, x:r
    }

    @Test
    void publishWithAStaleListOfSubscriptionsStillReachesANewOne() {
        subscribe("first");
        publish("one");
        try (QueueClient other = QueueTestSupport.client(redis(), "sweepInterval=0")) {
            String queue = topic.subscriptionQueue("", "second", true);
            other.topic(topic.name()).subscribe(new TopicSubscription(queue, "second", "", true, false, "", false, "x"));
        }
        publish("two");
        assertThat(client.queue(topic.subscriptionQueue("", "second", true)).receive(10))
            .extracting(m -> text(m.body())).containsExactly("two");
    }

    @Test
    void deadLetteredTopicMessageKeepsItsPayloadAndCanBeRedriven() {
        ReliableQueue a = subscribe("a");
        ReliableQueue b = subscribe("b");
        a.setAttributes(QueueAttributes.defaults().withMaxDeliveries(1));
        publish("poison");

        ReceivedMessage first = a.receive(10).get(0);
        a.release(List.of(first.receiptHandle()));
        assertThat(a.receive(10)).as("over maxDeliveries: dead-lettered, not delivered").isEmpty();
        ReceivedMessage dead = a.deadLetterQueue().receive(10).get(0);
        assertThat(text(dead.body())).isEqualTo("poison");
        assertThat(dead.deadLetter()).hasValueSatisfying(info -> assertThat(info.reason()).isEqualTo("maxDeliveries"));
        a.deadLetterQueue().release(List.of(dead.receiptHandle()), Duration.ZERO);

        assertThat(a.redrive(10)).isEqualTo(1);
        assertThat(a.receive(10)).extracting(m -> text(m.body())).containsExactly("poison");
        assertThat(b.receive(10)).extracting(m -> text(m.body())).containsExactly("poison");
    }

    @Test
    void unsubscribingAndPurgingGiveBackEveryReference() {
        ReliableQueue a = subscribe("a");
        ReliableQueue b = subscribe("b");
        publish("1", "2", "3");
        a.receive(1); // one in flight, two ready

        assertThat(topic.unsubscribe(a.name(), true)).isTrue();
        assertThat(topic.subscriptions()).extracting(TopicSubscription::queue).containsExactly(b.name());
        assertThat(storedMessages()).as("b still holds all three").hasSize(9);
        assertThat(b.purge()).isEqualTo(3);
        assertThat(storedMessages()).isEmpty();
        List<byte[]> ownKeys = new QueueKeys(client.options().keyPrefix(), a.name()).keySet().subList(0, 9);
        assertThat(ownKeys).as("keys of the unsubscribed subscription")
            .noneMatch(key -> redis().jedis().exists(new String(key, java.nio.charset.StandardCharsets.UTF_8)));
    }

    @Test
    void expiredTopicMessageIsDroppedAndFreed() {
        ReliableQueue a = subscribe("a");
        topic.publish(List.of(new OutgoingMessage(bytes("soon gone"), 4, Duration.ZERO, Duration.ofMillis(50))),
            (m, s) -> true);
        Awaitility.await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertThat(a.receive(10)).isEmpty();
            assertThat(storedMessages()).isEmpty();
        });
    }

    @Test
    void delayedTopicMessageArrivesAfterItsDelay() {
        ReliableQueue a = subscribe("a");
        topic.publish(List.of(new OutgoingMessage(bytes("later"), 4, Duration.ofMillis(300), Duration.ZERO)),
            (m, s) -> true);
        assertThat(a.receive(10)).isEmpty();
        assertThat(a.stats().delayed()).isEqualTo(1);
        Awaitility.await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
            assertThat(a.receive(10)).extracting(m -> text(m.body())).containsExactly("later"));
    }

    @Test
    void anUnreadableReferenceCountNeitherBlocksAnAcknowledgementNorCrashesAnotherSubscription() {
        ReliableQueue a = subscribe("a");
        ReliableQueue b = subscribe("b");
        String id = publish("counted").get(0);
        redis().jedis().hset(QueueKeys.sharedKey(client.options().keyPrefix(), ReliableTopic.encode(topic.name())),
            id + ":r", "not a number");

        ReceivedMessage fromA = a.receive(10).get(0);
        assertThat(a.acknowledge(fromA.receiptHandle())).isEqualTo(HandleOutcome.ACKNOWLEDGED);
        assertThat(b.receive(10)).as("b's copy is gone with the shared payload: not delivered").isEmpty();
        ReceivedMessage dead = b.deadLetterQueue().receive(10).get(0);
        assertThat(dead.deadLetter()).hasValueSatisfying(info -> assertThat(info.reason()).isEqualTo("corrupt"));
        assertThat(storedMessages()).isEmpty();
    }

    @Test
    void browseSeesTopicMessagesWithTheirPayload() {
        ReliableQueue a = subscribe("a");
        publish("look");
        assertThat(a.browse(null, 10).messages()).extracting(m -> text(m.body())).containsExactly("look");
        assertThat(a.stats().ready()).isEqualTo(1);
    }
}
