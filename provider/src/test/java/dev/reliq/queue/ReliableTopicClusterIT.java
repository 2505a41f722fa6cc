package dev.reliq.queue;

import org.junit.jupiter.api.extension.RegisterExtension;

import dev.reliq.test.RedisServerExtension;

/** The topic contract on a 3-master Redis Cluster: a publish and every subscription stay in the topic's slot. */
class ReliableTopicClusterIT extends ReliableTopicContract {

    @RegisterExtension
    static final RedisServerExtension REDIS = RedisServerExtension.cluster();

    @Override
    RedisServerExtension redis() {
        return REDIS;
    }
}
