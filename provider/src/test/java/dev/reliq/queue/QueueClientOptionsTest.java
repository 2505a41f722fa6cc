package dev.reliq.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class QueueClientOptionsTest {

    @Test
    void optionsComeFromTheUri() {
        QueueClientOptions o = QueueClientOptions.fromUri(RedisUri.parse(
            "redis://localhost?keyPrefix=app&visibilityTimeout=45s&maxDeliveries=3&redeliveryDelay=500ms"
                + "&redeliveryMultiplier=1.5&maxRedeliveryDelay=1m&redeliveryJitter=0.2&pollInterval=250ms"
                + "&sweepInterval=0&recoveryBudget=50&maxMessageSize=256KiB"));
        assertThat(o.keyPrefix()).isEqualTo("app");
        assertThat(o.queueDefaults().visibilityTimeout()).isEqualTo(Duration.ofSeconds(45));
        assertThat(o.queueDefaults().maxDeliveries()).isEqualTo(3);
        assertThat(o.queueDefaults().redeliveryDelay()).isEqualTo(Duration.ofMillis(500));
        assertThat(o.queueDefaults().redeliveryMultiplier()).isEqualTo(1.5);
        assertThat(o.queueDefaults().maxRedeliveryDelay()).isEqualTo(Duration.ofMinutes(1));
        assertThat(o.queueDefaults().redeliveryJitter()).isEqualTo(0.2);
        assertThat(o.pollInterval()).isEqualTo(Duration.ofMillis(250));
        assertThat(o.sweepInterval()).isZero();
        assertThat(o.recoveryBudget()).isEqualTo(50);
        assertThat(o.maxMessageSize()).isEqualTo(256 * 1024);
    }

    @Test
    void defaultsApplyWithoutOptions() {
        QueueClientOptions o = QueueClientOptions.fromUri(RedisUri.parse("redis://localhost"));
        assertThat(o).isEqualTo(QueueClientOptions.defaults());
        assertThat(o.queueDefaults().forQueue("orders").deadLetterQueue()).isEqualTo("orders.DLQ");
        assertThat(o.queueDefaults().forQueue("orders").maxDeliveries()).isEqualTo(10);
        assertThat(o.queueDefaults().forQueue("orders.DLQ").maxDeliveries()).isZero();
    }

    @Test
    void badValuesNameTheOptionAndHideThePassword() {
        assertThatThrownBy(() -> QueueClientOptions.fromUri(RedisUri.parse("redis://u:s3cret@localhost?maxDeliveries=many")))
            .isInstanceOf(InvalidRedisUriException.class)
            .hasMessageContaining("maxDeliveries").hasMessageContaining("many").hasMessageNotContaining("s3cret");
        assertThatThrownBy(() -> QueueClientOptions.fromUri(RedisUri.parse("redis://localhost?visibilityTimeout=soon")))
            .isInstanceOf(InvalidRedisUriException.class).hasMessageContaining("visibilityTimeout");
        assertThatThrownBy(() -> QueueClientOptions.fromUri(RedisUri.parse("redis://localhost?redeliveryJitter=2")))
            .isInstanceOf(InvalidRedisUriException.class).hasMessageContaining("redeliveryJitter");
        assertThatThrownBy(() -> QueueClientOptions.fromUri(RedisUri.parse("redis://localhost?maxMessageSize=big")))
            .isInstanceOf(InvalidRedisUriException.class).hasMessageContaining("256KiB");
        assertThatThrownBy(() -> QueueClientOptions.fromUri(RedisUri.parse("redis://localhost?keyPrefix=a{b}")))
            .isInstanceOf(InvalidRedisUriException.class).hasMessageContaining("keyPrefix");
    }

    @Test
    void unknownOptionsAreRefusedWithASuggestion() {
        Set<String> known = new HashSet<>(RedisUri.connectionOptionNames());
        known.addAll(QueueClientOptions.optionNames());
        assertThatThrownBy(() -> QueueClientOptions.rejectUnknownOptions(
                RedisUri.parse("redis://:pw@localhost?visibilitytimeout=30s"), known))
            .isInstanceOf(InvalidRedisUriException.class)
            .hasMessageContaining("unknown option 'visibilitytimeout'")
            .hasMessageContaining("Did you mean 'visibilityTimeout'?")
            .hasMessageNotContaining(":pw@");
        QueueClientOptions.rejectUnknownOptions(RedisUri.parse("redis://localhost?maxDeliveries=2&connectTimeout=1s"), known);
    }

    @Test
    void connectRefusesATypoBeforeTouchingRedis() {
        assertThatThrownBy(() -> QueueClient.connect("redis://127.0.0.1:1?maxDelivery=3"))
            .isInstanceOf(InvalidRedisUriException.class).hasMessageContaining("Did you mean").hasMessageContaining("maxDeliveries");
    }
}
