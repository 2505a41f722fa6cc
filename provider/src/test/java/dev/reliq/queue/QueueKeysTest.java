package dev.reliq.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import java.util.List;

import org.junit.jupiter.api.Test;

import redis.clients.jedis.util.JedisClusterCRC16;

class QueueKeysTest {

    @Test
    void queueAndItsDeadLetterQueuesShareOneHashTag() {
        QueueKeys orders = new QueueKeys("reliq", "orders");
        QueueKeys dlq = new QueueKeys("reliq", "orders.DLQ");
        QueueKeys dlqOfDlq = new QueueKeys("reliq", "orders.DLQ.DLQ");

        assertThat(orders.key("ready")).isEqualTo("reliq:{orders}:ready");
        assertThat(dlq.key("ready")).isEqualTo("reliq:{orders}.DLQ:ready");
        assertThat(dlqOfDlq.key("ready")).isEqualTo("reliq:{orders}.DLQ.DLQ:ready");
        assertThat(slot(orders.key("ready"))).isEqualTo(slot(dlq.key("msg"))).isEqualTo(slot(dlqOfDlq.key("attrs")));
    }

    @Test
    void everyKeyOfAQueueIsInTheSameSlot() {
        QueueKeys keys = new QueueKeys("reliq", "payments");
        int slot = slot(keys.key("ready"));
        assertThat(keys.keySet()).hasSize(10)
            .allSatisfy(key -> assertThat(JedisClusterCRC16.getSlot(key)).isEqualTo(slot));
    }

    @Test
    void aTopicsSubscriptionsTheirDeadLetterQueuesAndItsKeysShareOneSlot() {
        QueueKeys subscription = new QueueKeys("reliq", "prices::client-1:audit");
        QueueKeys deadLetters = new QueueKeys("reliq", "prices::client-1:audit.DLQ");

        assertThat(subscription.key("ready")).isEqualTo("reliq:{prices}::client-1:audit:ready");
        assertThat(deadLetters.key("ready")).isEqualTo("reliq:{prices}::client-1:audit.DLQ:ready");
        assertThat(QueueKeys.sharedKey("reliq", "prices")).isEqualTo("reliq:shared:{prices}");
        assertThat(List.of(deadLetters.key("msg"), QueueKeys.sharedKey("reliq", "prices"),
                QueueKeys.topicKey("reliq", "prices", "subscriptions")))
            .allSatisfy(key -> assertThat(slot(key)).isEqualTo(slot(subscription.key("ready"))));
        assertThat(QueueKeys.tagOf("::x")).as("a name starting with :: has no topic part").isEqualTo("::x");
    }

    @Test
    void bracesInNamesAreEscapedSoTheyCannotMoveTheTag() {
        QueueKeys braces = new QueueKeys("reliq", "a}b{c");
        assertThat(braces.key("ready")).isEqualTo("reliq:{a%7Db%7Bc}:ready");
        assertThat(new QueueKeys("reliq", "{").key("ready")).isEqualTo("reliq:{%7B}:ready");
        assertThat(new QueueKeys("reliq", "100%").key("ready")).isEqualTo("reliq:{100%25}:ready");
        assertThat(new QueueKeys("reliq", "%7B").key("ready"))
            .as("an escape sequence typed by the user is not confused with an escaped brace")
            .isNotEqualTo(new QueueKeys("reliq", "{").key("ready"));
        assertThat(slot(new QueueKeys("reliq", "x{y}").key("ready")))
            .isEqualTo(slot(new QueueKeys("reliq", "x{y}.DLQ").key("ready")));
    }

    @Test
    void aNameThatIsOnlyTheSuffixKeepsItAsItsTag() {
        assertThat(QueueKeys.tagOf(".DLQ")).isEqualTo(".DLQ");
        assertThat(QueueKeys.tagOf(".DLQ.DLQ")).isEqualTo(".DLQ");
        assertThat(new QueueKeys("reliq", ".DLQ").key("ready")).isEqualTo("reliq:{.DLQ}:ready");
    }

    @Test
    void badNamesAndPrefixesAreRefusedWithAReason() {
        assertThatThrownBy(() -> new QueueKeys("reliq", "")).hasMessageContaining("must not be empty");
        assertThatThrownBy(() -> new QueueKeys("reliq", "a\nb")).hasMessageContaining("control characters");
        assertThatThrownBy(() -> new QueueKeys("reliq", "x".repeat(1025))).hasMessageContaining("at most 1024");
        assertThatThrownBy(() -> new QueueKeys("re{liq", "q")).hasMessageContaining("keyPrefix");
    }

    private static int slot(String key) {
        return JedisClusterCRC16.getSlot(key.getBytes(StandardCharsets.UTF_8));
    }
}
