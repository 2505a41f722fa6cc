package dev.reliq.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.reliq.test.RedisServerExtension;

/**
 * Reaping takes turns: of all the clients of one Redis and key prefix, one at a time examines the
 * registry of temporary queues and non-durable subscriptions, so that many connections do not
 * each look up every owner's lease.
 */
class EphemeralQueuesIT {

    @RegisterExtension
    static final RedisServerExtension REDIS = RedisServerExtension.standalone();

    private static final Duration LONG_TURN = Duration.ofMinutes(1);

    private final List<QueueClient> clients = new ArrayList<>();

    /** Five clients of one key prefix of the test's own, so no test sees another's reaper lease. */
    @BeforeEach
    void connect(TestInfo test) {
        String base = REDIS.uri();
        String uri = base + (base.contains("?") ? "&" : "?") + "keyPrefix=" + REDIS.keyPrefix() + "-"
            + test.getTestMethod().orElseThrow().getName();
        for (int i = 0; i < 5; i++) {
            clients.add(QueueClient.connect(uri));
        }
    }

    @AfterEach
    void close() {
        clients.forEach(QueueClient::close);
    }

    @Test
    void onlyTheClientWhoseTurnItIsReaps() {
        EphemeralQueues first = clients.get(0).ephemeralQueues();
        registerDeadQueues(first, "early", 20);
        assertThat(reapInTurn(first, "reaper-0", LONG_TURN, 500)).isEqualTo(20);

        registerDeadQueues(first, "late", 20);
        for (int i = 1; i < clients.size(); i++) {
            assertThat(reapInTurn(clients.get(i).ephemeralQueues(), "reaper-" + i, LONG_TURN, 500))
                .as("client %d while reaper-0 has the turn", i).isZero();
        }
        assertThat(first.isRegistered("late-0")).isTrue();

        // the holder's next turn renews its lease and reaps what the others left
        assertThat(reapInTurn(first, "reaper-0", LONG_TURN, 500)).isEqualTo(20);
        assertThat(first.isRegistered("late-0")).isFalse();
    }

    @Test
    void anotherClientTakesTheTurnOnceTheHolderStopsRenewingIt() {
        EphemeralQueues holder = clients.get(0).ephemeralQueues();
        EphemeralQueues other = clients.get(1).ephemeralQueues();
        assertThat(reapInTurn(holder, "reaper-0", Duration.ofMillis(500), 500)).isZero();
        registerDeadQueues(holder, "orphan", 3);

        assertThat(reapInTurn(other, "reaper-1", Duration.ofMillis(500), 500)).isZero();
        await().atMost(Duration.ofSeconds(5))
            .until(() -> reapInTurn(other, "reaper-1", Duration.ofMillis(500), 500) == 3);
        assertThat(holder.isRegistered("orphan-2")).isFalse();
    }

    @Test
    void aTurnGivenUpPassesAtOnce() {
        EphemeralQueues holder = clients.get(0).ephemeralQueues();
        EphemeralQueues other = clients.get(1).ephemeralQueues();
        assertThat(holder.takeTurn("reaper-0", LONG_TURN)).isTrue();
        assertThat(other.takeTurn("reaper-1", LONG_TURN)).isFalse();

        holder.endTurn("reaper-0");
        assertThat(other.takeTurn("reaper-1", LONG_TURN)).isTrue();
    }

    @Test
    void aTurnLeavesQueuesWhoseOwnersAreAlive() {
        QueueClient owner = clients.get(0);
        owner.leases().acquire("connection:alive", "me", LONG_TURN);
        owner.ephemeralQueues().register("kept", "connection:alive");
        registerDeadQueues(owner.ephemeralQueues(), "gone", 2);

        assertThat(reapInTurn(clients.get(1).ephemeralQueues(), "reaper-1", LONG_TURN, 500)).isEqualTo(2);
        assertThat(owner.ephemeralQueues().isRegistered("kept")).isTrue();
    }

    @Test
    void aLargeRegistryIsCoveredOverSeveralTurnsOfABudgetEach() {
        EphemeralQueues reaper = clients.get(0).ephemeralQueues();
        registerDeadQueues(reaper, "many", 600);

        int firstTurn = reapInTurn(reaper, "reaper-0", LONG_TURN, 200);
        assertThat(firstTurn).as("one turn examines about its budget").isBetween(1, 300);
        int total = firstTurn;
        for (int turn = 0; turn < 20 && total < 600; turn++) {
            total += reapInTurn(reaper, "reaper-0", LONG_TURN, 200);
        }
        assertThat(total).isEqualTo(600);
        assertThat(reaper.isRegistered("many-599")).isFalse();
    }

    /** What a JMS connection does each renewal period: reaps if it is its turn; 0 when it is not. */
    private static int reapInTurn(EphemeralQueues registry, String reaper, Duration turn, int budget) {
        return registry.takeTurn(reaper, turn) ? registry.reap(budget) : 0;
    }

    /** Queues registered under leases nobody holds, as a crashed connection leaves them. */
    private static void registerDeadQueues(EphemeralQueues registry, String name, int count) {
        for (int i = 0; i < count; i++) {
            registry.register(name + "-" + i, "connection:crashed-" + name);
        }
    }
}
