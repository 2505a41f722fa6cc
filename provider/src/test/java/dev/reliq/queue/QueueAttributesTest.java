package dev.reliq.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

class QueueAttributesTest {

    @Test
    void attributesRoundTripThroughTheRedisHash() {
        QueueAttributes a = QueueAttributes.defaults().withVisibilityTimeout(Duration.ofMillis(1500))
            .withMaxDeliveries(4).withDeadLetterQueue("orders.DLQ").withRedeliveryDelay(Duration.ofSeconds(1))
            .withRedeliveryMultiplier(3).withMaxRedeliveryDelay(Duration.ofMinutes(2)).withRedeliveryJitter(0.1);
        assertThat(QueueAttributes.fromHash(a.toHash(), QueueAttributes.defaults())).isEqualTo(a);
        assertThat(a.toHash()).containsEntry("visibilityTimeoutMs", "1500").containsEntry("maxDeliveries", "4");
    }

    @Test
    void missingOrUnreadableFieldsFallBack() {
        QueueAttributes fallback = QueueAttributes.defaults().forQueue("q");
        QueueAttributes read = QueueAttributes.fromHash(Map.of("maxDeliveries", "x", "visibilityTimeoutMs", "2000"), fallback);
        assertThat(read.maxDeliveries()).isEqualTo(fallback.maxDeliveries());
        assertThat(read.visibilityTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(read.deadLetterQueue()).isEqualTo("q.DLQ");
    }

    @Test
    void invalidAttributesAreRefused() {
        QueueAttributes d = QueueAttributes.defaults();
        assertThatThrownBy(() -> d.withVisibilityTimeout(Duration.ZERO)).hasMessageContaining("visibilityTimeout");
        assertThatThrownBy(() -> d.withMaxDeliveries(-1)).hasMessageContaining("maxDeliveries");
        assertThatThrownBy(() -> d.withRedeliveryMultiplier(0.5)).hasMessageContaining("redeliveryMultiplier");
        assertThatThrownBy(() -> d.withRedeliveryJitter(1.5)).hasMessageContaining("redeliveryJitter");
        assertThatThrownBy(() -> d.withRedeliveryDelay(Duration.ofSeconds(-1))).hasMessageContaining("negative");
        assertThatThrownBy(() -> OutgoingMessage.of(new byte[0]).withPriority(10)).hasMessageContaining("priority");
    }
}
