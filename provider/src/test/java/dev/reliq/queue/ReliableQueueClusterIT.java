package dev.reliq.queue;

import org.junit.jupiter.api.extension.RegisterExtension;

import dev.reliq.test.RedisServerExtension;

/**
 * The reliable-queue contract on a 3-master Redis Cluster: every operation that touches a
 * queue and its dead-letter queue must stay in one slot (no CROSSSLOT errors).
 */
class ReliableQueueClusterIT extends ReliableQueueContract {

    @RegisterExtension
    static final RedisServerExtension REDIS = RedisServerExtension.cluster();

    @Override
    RedisServerExtension redis() {
        return REDIS;
    }
}
