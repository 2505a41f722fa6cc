package dev.reliq.queue;

import org.junit.jupiter.api.extension.RegisterExtension;

import dev.reliq.test.RedisServerExtension;

/** The topic contract on a standalone Redis (the build runs it on Redis 7 and on 6.2). */
class ReliableTopicIT extends ReliableTopicContract {

    @RegisterExtension
    static final RedisServerExtension REDIS = RedisServerExtension.standalone();

    @Override
    RedisServerExtension redis() {
        return REDIS;
    }
}
