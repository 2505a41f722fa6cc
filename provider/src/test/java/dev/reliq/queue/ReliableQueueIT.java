package dev.reliq.queue;

import org.junit.jupiter.api.extension.RegisterExtension;

import dev.reliq.test.RedisServerExtension;

/** The reliable-queue contract on a standalone Redis (the build runs it on Redis 7 and on 6.2). */
class ReliableQueueIT extends ReliableQueueContract {

    @RegisterExtension
    static final RedisServerExtension REDIS = RedisServerExtension.standalone();

    @Override
    RedisServerExtension redis() {
        return REDIS;
    }
}
