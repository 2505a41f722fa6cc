package dev.reliq.queue;

import static dev.reliq.queue.QueueTestSupport.bytes;
import static dev.reliq.queue.QueueTestSupport.serverNow;
import static dev.reliq.queue.QueueTestSupport.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

import dev.reliq.test.RedisServerExtension;

/**
 * The behaviour of a reliable queue, run against every kind of Redis the fixture provides
 * (standalone Redis 7, embedded Redis 6.2, a 3-master cluster) by the subclasses.
 */
abstract class ReliableQueueContract {

    private static final AtomicInteger QUEUES = new AtomicInteger();

    protected QueueClient client;
    private String testName;

    /** The Redis this run of the contract uses. */
    abstract RedisServerExtension redis();

    @BeforeEach
    void connect(TestInfo info) {
        // a sweep would race with the assertions on lazy recovery; the sweep has its own test
        client = QueueTestSupport.client(redis(), "sweepInterval=0");
        testName = info.getTestMethod().orElseThrow().getName();
    }

    @AfterEach
    void disconnect() {
        client.close();
    }

    /** A fresh queue per test, so tests never see each other's messages. */
    ReliableQueue newQueue() {
        return client.queue(testName + "-" + QUEUES.incrementAndGet());
    }

    ReliableQueue newQueue(QueueAttributes attributes) {
        ReliableQueue queue = newQueue();
        queue.setAttributes(attributes);
        return queue;
    }

    static QueueAttributes attrs() {
        return QueueAttributes.defaults();
    }

    // ------------------------------------------------------------------ basics

    @Test
    void sentMessageIsReceivedOnceAndAcknowledged() {
        ReliableQueue queue = newQueue();
        Instant before = serverNow(redis()).minusMillis(5);
        String id = queue.send(bytes("hello"));

        List<ReceivedMessage> received = queue.receive(10);
        assertThat(received).hasSize(1);
        ReceivedMessage m = received.get(0);
        assertThat(m.id()).isEqualTo(id);
        assertThat(text(m.body())).isEqualTo("hello");
        assertThat(m.deliveries()).isEqualTo(1);
        assertThat(m.isRedelivery()).isFalse();
        assertThat(m.priority()).isEqualTo(OutgoingMessage.DEFAULT_PRIORITY);
        assertThat(m.sentAt()).isAfterOrEqualTo(before);
        assertThat(m.firstDeliveredAt()).isAfterOrEqualTo(m.sentAt());
        assertThat(m.visibleAgainAt()).isEqualTo(m.firstDeliveredAt().plus(QueueAttributes.DEFAULT_VISIBILITY_TIMEOUT));
        assertThat(m.expiresAt()).isEmpty();
        assertThat(m.deadLetter()).isEmpty();

        assertThat(queue.receive(10)).as("in flight, so invisible").isEmpty();
        assertThat(queue.stats().inFlight()).isEqualTo(1);

        assertThat(queue.acknowledge(m.receiptHandle())).isEqualTo(HandleOutcome.ACKNOWLEDGED);
        assertThat(queue.acknowledge(m.receiptHandle())).as("second ack").isEqualTo(HandleOutcome.NOT_IN_FLIGHT);
        assertThat(queue.stats().total()).isZero();
        assertThat(queue.receive(10)).isEmpty();
    }

    @Test
    void batchesAreSentAtomicallyAndSettledPerHandle() {
        ReliableQueue queue = newQueue();
        List<OutgoingMessage> batch = IntStream.range(0, 50)
            .mapToObj(i -> OutgoingMessage.of(bytes("m" + i))).toList();
        List<String> ids = queue.sendBatch(batch);
        assertThat(ids).hasSize(50).doesNotHaveDuplicates();

        List<ReceivedMessage> first = queue.receive(20);
        assertThat(first).extracting(m -> text(m.body()))
            .containsExactlyElementsOf(IntStream.range(0, 20).mapToObj(i -> "m" + i).toList());
        assertThat(first).extracting(ReceivedMessage::id).containsExactlyElementsOf(ids.subList(0, 20));

        List<String> handles = new ArrayList<>(first.stream().map(ReceivedMessage::receiptHandle).toList());
        handles.add(first.get(0).id() + ":999999"); // never issued
        HandleResults results = queue.acknowledge(handles);
        assertThat(results.outcomes()).hasSize(21);
        assertThat(results.notInFlight()).containsExactly(first.get(0).id() + ":999999");
        assertThat(results.outcome(first.get(5).receiptHandle())).isEqualTo(HandleOutcome.ACKNOWLEDGED);

        List<ReceivedMessage> rest = queue.receive(100);
        assertThat(rest).hasSize(30);
        assertThat(queue.extendVisibility(rest.stream().map(ReceivedMessage::receiptHandle).toList(),
            Duration.ofMinutes(1)).allInFlight()).isTrue();
        assertThat(queue.release(rest.stream().map(ReceivedMessage::receiptHandle).toList(), Duration.ZERO)
            .outcomes()).hasSize(30).allSatisfy((h, o) -> assertThat(o).isEqualTo(HandleOutcome.RELEASED));
        assertThat(queue.stats().ready()).isEqualTo(30);
    }

    // ------------------------------------------------------------------ visibility

    @Test
    void expiredVisibilityRedeliversWithNewHandleAndTheOldHandleCannotAcknowledge() {
        ReliableQueue queue = newQueue();
        queue.send(bytes("work"));
        ReceivedMessage first = queue.receive(1, Duration.ofMillis(300), Duration.ZERO).get(0);

        List<ReceivedMessage> again = new ArrayList<>();
        await().atMost(Duration.ofSeconds(10)).until(() -> again.addAll(queue.receive(1)));
        ReceivedMessage second = again.get(0);

        assertThat(second.id()).isEqualTo(first.id());
        assertThat(second.receiptHandle()).isNotEqualTo(first.receiptHandle());
        assertThat(second.deliveries()).isEqualTo(2);
        assertThat(second.isRedelivery()).isTrue();
        assertThat(second.firstDeliveredAt()).isEqualTo(first.firstDeliveredAt());
        assertThat(second.firstDeliveredAt()).isBefore(first.visibleAgainAt().plusMillis(1));

        for (HandleResults stale : List.of(queue.acknowledge(List.of(first.receiptHandle())),
                queue.extendVisibility(List.of(first.receiptHandle()), Duration.ofMinutes(1)),
                queue.release(List.of(first.receiptHandle())),
                queue.deadLetter(List.of(first.receiptHandle()), "test", null))) {
            assertThat(stale.notInFlight()).containsExactly(first.receiptHandle());
        }
        QueueStats stats = queue.stats();
        assertThat(stats.inFlight()).as("still in flight under the new handle").isEqualTo(1);
        assertThat(stats.deadLettered()).isZero();

        assertThat(queue.acknowledge(second.receiptHandle())).isEqualTo(HandleOutcome.ACKNOWLEDGED);
        assertThat(queue.stats().total()).isZero();
    }

    @Test
    void acknowledgementAfterTheDeadlineIsRefusedEvenBeforeAnyoneReceivesAgain() {
        ReliableQueue queue = newQueue();
        queue.send(bytes("late"));
        ReceivedMessage m = queue.receive(1, Duration.ofMillis(200), Duration.ZERO).get(0);
        await().atMost(Duration.ofSeconds(10)).until(() -> serverNow(redis()).isAfter(m.visibleAgainAt()));

        assertThat(queue.acknowledge(m.receiptHandle())).isEqualTo(HandleOutcome.NOT_IN_FLIGHT);
        ReceivedMessage again = queue.receive(1).get(0);
        assertThat(again.id()).isEqualTo(m.id());
        assertThat(again.deliveries()).isEqualTo(2);
    }

    @Test
    void extendingVisibilityKeepsTheMessageInvisiblePastItsFirstDeadline() {
        ReliableQueue queue = newQueue();
        queue.send(bytes("slow work"));
        ReceivedMessage m = queue.receive(1, Duration.ofMillis(500), Duration.ZERO).get(0);

        assertThat(queue.extendVisibility(List.of(m.receiptHandle()), Duration.ofSeconds(30)).outcome(m.receiptHandle()))
            .isEqualTo(HandleOutcome.EXTENDED);
        await().atMost(Duration.ofSeconds(10)).until(() -> serverNow(redis()).isAfter(m.visibleAgainAt().plusMillis(200)));

        assertThat(queue.receive(1)).as("the lease was renewed").isEmpty();
        assertThat(queue.acknowledge(m.receiptHandle())).isEqualTo(HandleOutcome.ACKNOWLEDGED);
    }

    // ------------------------------------------------------------------ release

    @Test
    void releaseWithDelayHidesTheMessageUntilTheDelayPasses() {
        ReliableQueue queue = newQueue();
        queue.send(bytes("retry me"));
        ReceivedMessage m = queue.receive(1).get(0);
        Instant releasedAt = serverNow(redis());

        assertThat(queue.release(List.of(m.receiptHandle()), Duration.ofMillis(800)).outcome(m.receiptHandle()))
            .isEqualTo(HandleOutcome.DELAYED);
        assertThat(queue.receive(1)).isEmpty();
        assertThat(queue.stats().delayed()).isEqualTo(1);

        List<ReceivedMessage> again = queue.receive(1, null, Duration.ofSeconds(10));
        assertThat(again).hasSize(1);
        ReceivedMessage second = again.get(0);
        assertThat(second.deliveries()).isEqualTo(2);
        Instant secondDeliveredAt = second.visibleAgainAt().minus(QueueAttributes.DEFAULT_VISIBILITY_TIMEOUT);
        assertThat(Duration.between(releasedAt, secondDeliveredAt)).isGreaterThanOrEqualTo(Duration.ofMillis(790));
    }

    @Test
    void releaseWithoutDelayMakesTheMessageReadyAtOnceInItsOriginalPlace() {
        ReliableQueue queue = newQueue();
        queue.sendBatch(List.of(OutgoingMessage.of(bytes("first")), OutgoingMessage.of(bytes("second"))));
        ReceivedMessage first = queue.receive(1).get(0);
        assertThat(queue.release(List.of(first.receiptHandle()), Duration.ZERO).outcome(first.receiptHandle()))
            .isEqualTo(HandleOutcome.RELEASED);

        List<ReceivedMessage> both = queue.receive(2);
        assertThat(both).extracting(r -> text(r.body())).containsExactly("first", "second");
        assertThat(both.get(0).deliveries()).isEqualTo(2);
    }

    @Test
    void releasingAnUndeliveredMessageDoesNotCountADelivery() {
        ReliableQueue queue = newQueue();
        queue.send(bytes("prefetched"));
        ReceivedMessage m = queue.receive(1).get(0);
        assertThat(queue.releaseUndelivered(List.of(m.receiptHandle())).outcome(m.receiptHandle()))
            .isEqualTo(HandleOutcome.RELEASED);

        ReceivedMessage again = queue.receive(1).get(0);
        assertThat(again.deliveries()).isEqualTo(1);
        assertThat(again.isRedelivery()).isFalse();
        assertThat(again.receiptHandle()).isNotEqualTo(m.receiptHandle());
    }

    @Test
    void releaseAppliesTheQueuesRedeliveryBackoff() {
        ReliableQueue queue = newQueue(attrs().withRedeliveryDelay(Duration.ofMillis(300))
            .withRedeliveryMultiplier(2.0).withMaxRedeliveryDelay(Duration.ofSeconds(10)));
        queue.send(bytes("flaky"));

        ReceivedMessage m1 = queue.receive(1).get(0);
        Instant released1 = serverNow(redis());
        assertThat(queue.release(List.of(m1.receiptHandle())).outcome(m1.receiptHandle())).isEqualTo(HandleOutcome.DELAYED);
        ReceivedMessage m2 = queue.receive(1, null, Duration.ofSeconds(10)).get(0);
        Duration firstBackoff = Duration.between(released1, m2.visibleAgainAt().minus(QueueAttributes.DEFAULT_VISIBILITY_TIMEOUT));

        Instant released2 = serverNow(redis());
        assertThat(queue.release(List.of(m2.receiptHandle())).outcome(m2.receiptHandle())).isEqualTo(HandleOutcome.DELAYED);
        ReceivedMessage m3 = queue.receive(1, null, Duration.ofSeconds(10)).get(0);
        Duration secondBackoff = Duration.between(released2, m3.visibleAgainAt().minus(QueueAttributes.DEFAULT_VISIBILITY_TIMEOUT));

        assertThat(firstBackoff).isGreaterThanOrEqualTo(Duration.ofMillis(290));
        assertThat(secondBackoff).as("doubled after the second delivery").isGreaterThanOrEqualTo(Duration.ofMillis(590));
        assertThat(m3.deliveries()).isEqualTo(3);
    }

    // ------------------------------------------------------------------ delay, priority, TTL

    @Test
    void delayedMessageIsInvisibleUntilDue() {
        ReliableQueue queue = newQueue();
        queue.send(OutgoingMessage.of(bytes("later")).withDelay(Duration.ofMillis(700)));
        queue.send(bytes("now"));

        assertThat(queue.receive(10)).extracting(m -> text(m.body())).containsExactly("now");
        assertThat(queue.stats().delayed()).isEqualTo(1);

        List<ReceivedMessage> later = queue.receive(10, null, Duration.ofSeconds(10));
        assertThat(later).extracting(m -> text(m.body())).containsExactly("later");
        ReceivedMessage m = later.get(0);
        assertThat(Duration.between(m.sentAt(), m.firstDeliveredAt())).isGreaterThanOrEqualTo(Duration.ofMillis(700));
        assertThat(m.deliveries()).isEqualTo(1);
    }

    @Test
    void higherPriorityIsDeliveredFirstAndFifoWithinAPriority() {
        ReliableQueue queue = newQueue();
        queue.sendBatch(List.of(
            OutgoingMessage.of(bytes("low-1")).withPriority(1),
            OutgoingMessage.of(bytes("high-1")).withPriority(9),
            OutgoingMessage.of(bytes("normal-1")),
            OutgoingMessage.of(bytes("high-2")).withPriority(9),
            OutgoingMessage.of(bytes("low-2")).withPriority(1),
            OutgoingMessage.of(bytes("lowest")).withPriority(0),
            OutgoingMessage.of(bytes("normal-2"))));

        assertThat(queue.peek(10)).extracting(m -> text(m.body()))
            .containsExactly("high-1", "high-2", "normal-1", "normal-2", "low-1", "low-2", "lowest");
        List<ReceivedMessage> received = queue.receive(10);
        assertThat(received).extracting(m -> text(m.body()))
            .containsExactly("high-1", "high-2", "normal-1", "normal-2", "low-1", "low-2", "lowest");
        assertThat(received).extracting(ReceivedMessage::priority).containsExactly(9, 9, 4, 4, 1, 1, 0);
    }

    @Test
    void expiredMessagesAreNeverDelivered() {
        ReliableQueue queue = newQueue();
        queue.send(OutgoingMessage.of(bytes("short-lived")).withTimeToLive(Duration.ofMillis(300)));
        queue.send(OutgoingMessage.of(bytes("long-lived")).withTimeToLive(Duration.ofMinutes(10)));
        Instant expiry = serverNow(redis()).plusMillis(300);
        await().atMost(Duration.ofSeconds(10)).until(() -> serverNow(redis()).isAfter(expiry.plusMillis(50)));

        assertThat(queue.peek(10)).extracting(m -> text(m.body())).containsExactly("long-lived");
        List<ReceivedMessage> received = queue.receive(10);
        assertThat(received).extracting(m -> text(m.body())).containsExactly("long-lived");
        assertThat(received.get(0).expiresAt()).isPresent();
        assertThat(queue.stats().expiredTotal()).isEqualTo(1);
        assertThat(queue.stats().ready()).isZero();
    }

    @Test
    void messageWhoseTimeToLivePassesInFlightIsDroppedWhenReleased() {
        ReliableQueue queue = newQueue();
        queue.send(OutgoingMessage.of(bytes("perishable")).withTimeToLive(Duration.ofMillis(400)));
        ReceivedMessage m = queue.receive(1).get(0);
        await().atMost(Duration.ofSeconds(10)).until(() -> serverNow(redis()).isAfter(m.expiresAt().orElseThrow()));

        assertThat(queue.release(List.of(m.receiptHandle()), Duration.ZERO).outcome(m.receiptHandle()))
            .isEqualTo(HandleOutcome.EXPIRED);
        assertThat(queue.receive(1)).isEmpty();
        assertThat(queue.stats().total()).isZero();
    }

    // ------------------------------------------------------------------ dead letters

    @Test
    void messageReleasedMaxDeliveriesTimesMovesToTheDeadLetterQueueAndCanBeRedriven() {
        ReliableQueue queue = newQueue(attrs().withMaxDeliveries(3));
        String id = queue.send(OutgoingMessage.of(bytes("poison")).withPriority(7));

        List<HandleOutcome> outcomes = new ArrayList<>();
        Instant firstDelivery = null;
        for (int attempt = 1; attempt <= 3; attempt++) {
            ReceivedMessage m = queue.receive(1).get(0);
            assertThat(m.deliveries()).isEqualTo(attempt);
            if (firstDelivery == null) {
                firstDelivery = m.firstDeliveredAt();
            }
            outcomes.add(queue.release(List.of(m.receiptHandle()), Duration.ZERO).outcome(m.receiptHandle()));
        }
        assertThat(outcomes).containsExactly(HandleOutcome.RELEASED, HandleOutcome.RELEASED, HandleOutcome.DEAD_LETTERED);
        assertThat(queue.receive(1)).isEmpty();
        QueueStats stats = queue.stats();
        assertThat(stats.total()).isZero();
        assertThat(stats.deadLettered()).isEqualTo(1);
        assertThat(stats.deadLetteredTotal()).isEqualTo(1);

        ReliableQueue dlq = queue.deadLetterQueue();
        assertThat(dlq.name()).isEqualTo(queue.name() + ".DLQ");
        assertThat(dlq.peek(10)).hasSize(1);
        ReceivedMessage dead = dlq.receive(1).get(0);
        assertThat(text(dead.body())).isEqualTo("poison");
        assertThat(dead.priority()).isEqualTo(7);
        DeadLetterInfo info = dead.deadLetter().orElseThrow();
        assertThat(info.reason()).isEqualTo(DeadLetterInfo.MAX_DELIVERIES);
        assertThat(info.originQueue()).isEqualTo(queue.name());
        assertThat(info.originId()).isEqualTo(id);
        assertThat(info.deliveries()).isEqualTo(3);
        assertThat(info.firstDeliveredAt()).contains(firstDelivery);
        assertThat(info.lastDeliveredAt()).isPresent();
        assertThat(info.deadLetteredAt()).isAfterOrEqualTo(info.lastDeliveredAt().orElseThrow());
        assertThat(dlq.release(List.of(dead.receiptHandle()), Duration.ZERO).outcome(dead.receiptHandle()))
            .isEqualTo(HandleOutcome.RELEASED);

        assertThat(queue.redrive(10)).isEqualTo(1);
        assertThat(dlq.stats().total()).isZero();
        ReceivedMessage redriven = queue.receive(1).get(0);
        assertThat(text(redriven.body())).isEqualTo("poison");
        assertThat(redriven.deliveries()).as("a redriven message starts afresh").isEqualTo(1);
        assertThat(redriven.priority()).isEqualTo(7);
        assertThat(redriven.deadLetter()).isEmpty();
    }

    @Test
    void messageWhoseVisibilityLapsesMaxDeliveriesTimesIsDeadLettered() {
        ReliableQueue queue = newQueue(attrs().withMaxDeliveries(2).withVisibilityTimeout(Duration.ofMillis(200)));
        queue.send(bytes("crashes every consumer"));

        assertThat(queue.receive(1).get(0).deliveries()).isEqualTo(1);
        List<ReceivedMessage> second = new ArrayList<>();
        await().atMost(Duration.ofSeconds(10)).until(() -> second.addAll(queue.receive(1)));
        assertThat(second.get(0).deliveries()).isEqualTo(2);

        await().atMost(Duration.ofSeconds(10)).until(() -> queue.receive(1).isEmpty() && queue.stats().deadLettered() == 1);
        DeadLetterInfo info = queue.deadLetterQueue().peek(1).get(0).deadLetter().orElseThrow();
        assertThat(info.reason()).isEqualTo(DeadLetterInfo.MAX_DELIVERIES);
        assertThat(info.deliveries()).isEqualTo(2);
    }

    @Test
    void clientCanDeadLetterAMessageWithItsOwnReason() {
        ReliableQueue queue = newQueue();
        queue.send(bytes("{not json"));
        ReceivedMessage m = queue.receive(1).get(0);
        assertThat(queue.deadLetter(List.of(m.receiptHandle()), "corrupt", "payload is not JSON")
            .outcome(m.receiptHandle())).isEqualTo(HandleOutcome.DEAD_LETTERED);

        DeadLetterInfo info = queue.deadLetterQueue().receive(1).get(0).deadLetter().orElseThrow();
        assertThat(info.reason()).isEqualTo("corrupt");
        assertThat(info.detail()).isEqualTo("payload is not JSON");
        assertThat(info.deliveries()).isEqualTo(1);
    }

    @Test
    void corruptStoredDataGoesToTheDeadLetterQueueAndTheConsumerCarriesOn() {
        ReliableQueue queue = newQueue();
        List<String> ids = queue.sendBatch(List.of(OutgoingMessage.of(bytes("one")), OutgoingMessage.of(bytes("two")),
            OutgoingMessage.of(bytes("three")), OutgoingMessage.of(bytes("four"))));
        QueueKeys keys = new QueueKeys(client.options().keyPrefix(), queue.name());
        redis().jedis().hset(keys.key("meta"), ids.get(1), "this is not metadata");
        redis().jedis().hdel(keys.key("msg"), ids.get(2));

        List<ReceivedMessage> received = queue.receive(10);
        assertThat(received).extracting(m -> text(m.body())).containsExactly("one", "four");

        List<ReceivedMessage> dead = queue.deadLetterQueue().receive(10);
        assertThat(dead).hasSize(2);
        assertThat(dead).allSatisfy(d -> assertThat(d.deadLetter().orElseThrow().reason()).isEqualTo(DeadLetterInfo.CORRUPT));
        assertThat(dead).extracting(d -> d.deadLetter().orElseThrow().detail())
            .containsExactlyInAnyOrder("unreadable metadata", "payload missing");
        assertThat(dead).extracting(d -> text(d.body())).contains("two");
        assertThat(dead).extracting(d -> d.deadLetter().orElseThrow().originId())
            .containsExactlyInAnyOrder(ids.get(1), ids.get(2));
    }

    @Test
    void redriveMovesEveryDeadLetterThatStillHasAPayloadAndLeavesTheRest() {
        ReliableQueue queue = newQueue();
        queue.sendBatch(List.of(OutgoingMessage.of(bytes("lost payload")),
            OutgoingMessage.of(bytes("bad meta")).withPriority(6), OutgoingMessage.of(bytes("fine"))));
        List<ReceivedMessage> all = queue.receive(10);
        queue.deadLetter(all.stream().map(ReceivedMessage::receiptHandle).toList(), "rejected", null);
        QueueKeys dlqKeys = new QueueKeys(client.options().keyPrefix(), queue.deadLetterQueueName());
        List<QueuedMessage> dead = queue.deadLetterQueue().peek(10);
        assertThat(dead).extracting(m -> text(m.body())).containsExactly("bad meta", "lost payload", "fine");
        redis().jedis().hdel(dlqKeys.key("msg"), dead.get(1).id());
        redis().jedis().hset(dlqKeys.key("meta"), dead.get(0).id(), "corrupt again");

        assertThat(queue.redrive(1)).as("one at a time, past the dead letter without a payload").isEqualTo(2);
        assertThat(queue.receive(10)).extracting(m -> text(m.body())).containsExactly("bad meta", "fine");
        assertThat(queue.stats().deadLettered()).as("the one without a payload stays").isEqualTo(1);
    }

    // ------------------------------------------------------------------ operations

    @Test
    void statsAndBrowseDescribeTheQueueWithoutChangingIt() {
        ReliableQueue queue = newQueue();
        queue.sendBatch(List.of(OutgoingMessage.of(bytes("a")), OutgoingMessage.of(bytes("b")),
            OutgoingMessage.of(bytes("c")), OutgoingMessage.of(bytes("d")).withDelay(Duration.ofMinutes(5))));
        ReceivedMessage inFlight = queue.receive(1).get(0);
        assertThat(text(inFlight.body())).isEqualTo("a");

        QueueStats stats = queue.stats();
        assertThat(stats.ready()).isEqualTo(2);
        assertThat(stats.delayed()).isEqualTo(1);
        assertThat(stats.inFlight()).isEqualTo(1);
        assertThat(stats.deadLettered()).isZero();
        assertThat(stats.oldestReadyAge()).isPresent();
        assertThat(stats.oldestReadyAge().get()).isLessThan(Duration.ofMinutes(1));

        BrowsePage page1 = queue.browse(null, 1);
        assertThat(page1.messages()).extracting(m -> text(m.body())).containsExactly("b");
        assertThat(page1.nextCursor()).isPresent();
        BrowsePage page2 = queue.browse(page1.nextCursor().get(), 10);
        assertThat(page2.messages()).extracting(m -> text(m.body())).containsExactly("c");
        assertThat(page2.nextCursor()).as("end of the queue").isEmpty();
        assertThat(queue.peek(10)).extracting(QueuedMessage::id)
            .containsExactly(page1.messages().get(0).id(), page2.messages().get(0).id());
        assertThat(queue.stats()).usingRecursiveComparison().ignoringFields("oldestReadyAge").isEqualTo(stats);

        assertThat(queue.receive(10)).extracting(m -> text(m.body())).containsExactly("b", "c");
    }

    @Test
    void browsingPastManyExpiredMessagesIsBoundedPerCallAndStillReachesTheRest() {
        ReliableQueue queue = newQueue();
        queue.sendBatch(IntStream.range(0, 350)
            .mapToObj(i -> OutgoingMessage.of(bytes("gone-" + i)).withTimeToLive(Duration.ofMillis(200))).toList());
        queue.send(bytes("alive"));
        Instant expiry = serverNow(redis()).plusMillis(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> serverNow(redis()).isAfter(expiry.plusMillis(50)));

        List<String> seen = new ArrayList<>();
        int calls = 0;
        String cursor = null;
        do {
            BrowsePage page = queue.browse(cursor, 10);
            page.messages().forEach(m -> seen.add(text(m.body())));
            cursor = page.nextCursor().orElse(null);
            calls++;
        } while (cursor != null && calls < 100);

        assertThat(seen).containsExactly("alive");
        assertThat(calls).as("each call examines at most max + recoveryBudget (100) entries").isGreaterThanOrEqualTo(4);
    }

    @Test
    void purgeDeletesEveryMessageAndStalesTheHandles() {
        ReliableQueue queue = newQueue();
        queue.sendBatch(List.of(OutgoingMessage.of(bytes("a")), OutgoingMessage.of(bytes("b")),
            OutgoingMessage.of(bytes("c")).withDelay(Duration.ofMinutes(5))));
        ReceivedMessage m = queue.receive(1).get(0);

        assertThat(queue.purge()).isEqualTo(3);
        assertThat(queue.stats().total()).isZero();
        assertThat(queue.acknowledge(m.receiptHandle())).isEqualTo(HandleOutcome.NOT_IN_FLIGHT);
        queue.send(bytes("after purge"));
        assertThat(queue.receive(10)).extracting(r -> text(r.body())).containsExactly("after purge");
    }

    @Test
    void queueNamesWithBracesKeepAllKeysInOneSlot() {
        for (String name : List.of("orders{eu}", "{", "}{", "a}b{c", "%7B")) {
            ReliableQueue queue = client.queue(testName + name);
            queue.setAttributes(attrs().withMaxDeliveries(1));
            queue.send(bytes(name));
            ReceivedMessage m = queue.receive(1).get(0);
            assertThat(text(m.body())).isEqualTo(name);
            assertThat(queue.release(List.of(m.receiptHandle()), Duration.ZERO).outcome(m.receiptHandle()))
                .isEqualTo(HandleOutcome.DEAD_LETTERED);
            assertThat(text(queue.deadLetterQueue().receive(1).get(0).body())).isEqualTo(name);
        }
        assertThat(client.queue("{").receive(1)).as("'{' is not the same queue as '" + testName + "{'").isEmpty();
    }

    @Test
    void scriptsAreLoadedAgainWhenTheServerHasForgottenThem() {
        ReliableQueue queue = newQueue();
        queue.send(bytes("before the flush"));
        String routingKey = new QueueKeys(client.options().keyPrefix(), queue.name()).key("ready");
        redis().jedis().scriptFlush(routingKey); // as after a restart or a failover

        queue.send(bytes("after the flush"));
        assertThat(queue.receive(10)).extracting(m -> text(m.body())).containsExactly("before the flush", "after the flush");
    }

    @Test
    void attributesLiveInRedisAndEveryClientSeesThem() {
        ReliableQueue queue = newQueue();
        queue.send(bytes("creates the queue"));
        assertThat(queue.attributes()).isEqualTo(QueueAttributes.defaults().forQueue(queue.name()));

        QueueAttributes changed = attrs().withVisibilityTimeout(Duration.ofSeconds(7)).withMaxDeliveries(2)
            .withRedeliveryJitter(0.25);
        queue.setAttributes(changed);

        try (QueueClient other = QueueTestSupport.client(redis(), "visibilityTimeout=99s&sweepInterval=0")) {
            ReliableQueue seen = other.queue(queue.name());
            assertThat(seen.attributes()).isEqualTo(changed.forQueue(queue.name()));
            ReceivedMessage m = seen.receive(1).get(0);
            assertThat(Duration.between(m.firstDeliveredAt(), m.visibleAgainAt())).isEqualTo(Duration.ofSeconds(7));
        }
    }

    @Test
    void aDeadLetterQueueChangedByOneClientIsFollowedByAnother() {
        ReliableQueue queue = newQueue(attrs().withMaxDeliveries(1));
        try (QueueClient other = QueueTestSupport.client(redis(), "sweepInterval=0")) {
            ReliableQueue seenByOther = other.queue(queue.name());
            seenByOther.send(bytes("poison"));
            assertThat(seenByOther.deadLetterQueueName()).isEqualTo(queue.name() + ".DLQ");

            // same hash tag as the queue, so this works on a cluster too
            String parking = queue.name() + ".DLQ.DLQ";
            queue.setAttributes(queue.attributes().withDeadLetterQueue(parking));

            ReceivedMessage m = seenByOther.receive(1).get(0);
            assertThat(seenByOther.release(List.of(m.receiptHandle()), Duration.ZERO).outcome(m.receiptHandle()))
                .isEqualTo(HandleOutcome.DEAD_LETTERED);
            assertThat(seenByOther.deadLetterQueueName()).isEqualTo(parking);
        }
        assertThat(client.queue(queue.name() + ".DLQ").stats().total()).isZero();
        assertThat(client.queue(queue.name() + ".DLQ.DLQ").peek(1)).extracting(q -> text(q.body())).containsExactly("poison");
    }

    @Test
    void newQueuesTakeTheClientsDefaults() {
        try (QueueClient custom = QueueTestSupport.client(redis(), "visibilityTimeout=5s&maxDeliveries=3&sweepInterval=0")) {
            ReliableQueue queue = custom.queue(testName + "-custom");
            queue.send(bytes("x"));
            QueueAttributes attrs = queue.attributes();
            assertThat(attrs.visibilityTimeout()).isEqualTo(Duration.ofSeconds(5));
            assertThat(attrs.maxDeliveries()).isEqualTo(3);
            assertThat(attrs.deadLetterQueue()).isEqualTo(queue.name() + ".DLQ");
            assertThat(queue.deadLetterQueue().attributes().maxDeliveries()).as("dead letters stay").isZero();
        }
    }

    @Test
    void waitingReceiveWakesAsSoonAsAMessageArrives() throws Exception {
        // a long poll interval: only the pub/sub wake-up can deliver within the assertion's bound
        try (QueueClient waiting = QueueTestSupport.client(redis(), "pollInterval=30s&sweepInterval=0")) {
            ReliableQueue consumerSide = waiting.queue(testName + "-wake");
            ReliableQueue producerSide = client.queue(testName + "-wake");
            List<ReceivedMessage> received = new java.util.concurrent.CopyOnWriteArrayList<>();
            Thread consumer = new Thread(() -> received.addAll(consumerSide.receive(1, null, Duration.ofSeconds(20))));
            consumer.start();
            // send only once the consumer found the queue empty and sleeps
            await().atMost(Duration.ofSeconds(10)).until(() -> isWaitingForWakeUp(consumer));

            long sentAt = System.nanoTime();
            producerSide.send(bytes("ping"));
            consumer.join(20_000);
            long latencyMillis = (System.nanoTime() - sentAt) / 1_000_000;
            assertThat(received).extracting(m -> text(m.body())).containsExactly("ping");
            assertThat(latencyMillis).as("woken by the notification, not by the 30s poll").isLessThan(5000);
        }
    }

    private static boolean isWaitingForWakeUp(Thread thread) {
        return thread.getState() == Thread.State.TIMED_WAITING && java.util.Arrays.stream(thread.getStackTrace())
            .anyMatch(frame -> frame.getMethodName().equals("awaitChange"));
    }

    @Test
    void waitingReceiveReturnsEmptyWhenNothingArrives() {
        ReliableQueue queue = newQueue();
        long start = System.nanoTime();
        assertThat(queue.receive(1, null, Duration.ofMillis(300))).isEmpty();
        assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(290);
    }

    @Test
    void oversizedMessageIsRefusedAndNothingIsSent() {
        try (QueueClient small = QueueTestSupport.client(redis(), "maxMessageSize=1KiB&sweepInterval=0")) {
            ReliableQueue queue = small.queue(testName + "-small");
            assertThatThrownBy(() -> queue.sendBatch(List.of(OutgoingMessage.of(new byte[10]),
                    OutgoingMessage.of(new byte[1025]))))
                .isInstanceOf(MessageTooLargeException.class)
                .hasMessageContaining("1025 bytes").hasMessageContaining("maxMessageSize (1024 bytes)");
            assertThat(queue.stats().total()).isZero();
        }
    }

    @Test
    void backgroundSweepDeadLettersLapsedMessagesWhenNobodyReceives() {
        try (QueueClient sweeping = QueueTestSupport.client(redis(), "sweepInterval=100ms")) {
            ReliableQueue queue = sweeping.queue(testName + "-swept");
            queue.setAttributes(attrs().withMaxDeliveries(1).withVisibilityTimeout(Duration.ofMillis(200)));
            queue.send(bytes("abandoned"));
            queue.receive(1);
            await().atMost(Duration.ofSeconds(10)).until(() -> queue.stats().deadLettered() == 1);
            assertThat(queue.stats().inFlight()).isZero();
        }
    }
}
