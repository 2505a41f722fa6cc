package dev.reliq.jms;

import jakarta.jms.JMSException;

/** Topics and subscriptions are not built yet; every topic operation says so plainly. */
final class Topics {

    private Topics() {
    }

    static JMSException notYetSupported() {
        return new JMSException("Topics are not supported by this version of reliq yet; only queues are",
            "RELIQ_TOPICS_UNSUPPORTED");
    }
}
