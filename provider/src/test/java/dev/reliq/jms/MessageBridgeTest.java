package dev.reliq.jms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

import jakarta.jms.MessageNotWriteableException;
import jakarta.jms.ObjectMessage;

import org.junit.jupiter.api.Test;

import dev.reliq.jms.message.MessageCodec;
import dev.reliq.jms.message.ObjectMessagePolicy;
import dev.reliq.jms.message.ReliqMessage;
import dev.reliq.jms.message.ReliqObjectMessage;
import dev.reliq.jms.message.ReliqTextMessage;
import dev.reliq.jms.selector.MessageSelector;
import dev.reliq.queue.DeadLetterInfo;
import dev.reliq.queue.QueuedMessage;

class MessageBridgeTest {

    record Order(String id) implements Serializable {
    }

    private static final DeadLetterInfo DEAD = new DeadLetterInfo("maxDeliveries", "", "orders", "m-1", 5,
        Optional.of(Instant.ofEpochMilli(1000)), Optional.of(Instant.ofEpochMilli(2000)), Instant.ofEpochMilli(3000));

    private static QueuedMessage queued(byte[] body, int deliveries, DeadLetterInfo deadLetter) {
        return new QueuedMessage("0-1", "m-1", body, 4, Instant.now(), Optional.empty(), deliveries,
            Optional.ofNullable(deadLetter));
    }

    private static byte[] text(String text, String color) throws Exception {
        ReliqTextMessage message = new ReliqTextMessage();
        message.setText(text);
        message.setStringProperty("color", color);
        return MessageCodec.encode(message);
    }

    @Test
    void aBrowsedDeadLetterCarriesTheDeadLetterPropertiesAndIsReadOnly() throws Exception {
        ReliqMessage browsed = MessageBridge.browsed(queued(text("poison", "red"), 0, DEAD),
            ObjectMessagePolicy.defaults());
        assertThat(browsed.getStringProperty(MessageBridge.DLQ_REASON)).isEqualTo("maxDeliveries");
        assertThat(browsed.getStringProperty(MessageBridge.DLQ_ORIGIN)).isEqualTo("orders");
        assertThat(browsed.getIntProperty(MessageBridge.DLQ_DELIVERIES)).isEqualTo(5);
        assertThat(browsed.getLongProperty(MessageBridge.DLQ_FIRST_DELIVERY)).isEqualTo(1000);
        assertThat(browsed.getLongProperty(MessageBridge.DLQ_LAST_DELIVERY)).isEqualTo(2000);
        assertThat(browsed.getLongProperty(MessageBridge.DLQ_TIME)).isEqualTo(3000);
        assertThat(browsed.propertyExists(MessageBridge.DLQ_DETAIL)).as("empty detail is left out").isFalse();
        assertThat(browsed.getIntProperty("JMSXDeliveryCount")).isEqualTo(1);
        assertThat(browsed.getJMSRedelivered()).isFalse();
        assertThatThrownBy(() -> browsed.setStringProperty("x", "y")).isInstanceOf(MessageNotWriteableException.class);
        assertThatThrownBy(() -> ((ReliqTextMessage) browsed).setText("x"))
            .isInstanceOf(MessageNotWriteableException.class);
    }

    @Test
    void aBrowsedMessageDeliveredBeforeShowsTheCountOfItsNextDelivery() throws Exception {
        ReliqMessage browsed = MessageBridge.browsed(queued(text("again", "red"), 2, null), ObjectMessagePolicy.defaults());
        assertThat(browsed.getIntProperty("JMSXDeliveryCount")).isEqualTo(3);
        assertThat(browsed.getJMSRedelivered()).isTrue();
        assertThat(browsed.propertyExists(MessageBridge.DLQ_REASON)).isFalse();
    }

    @Test
    void aBrowsedObjectMessageUsesTheGivenAllowList() throws Exception {
        ReliqObjectMessage sent = new ReliqObjectMessage();
        sent.setObject(new Order("o-1"));
        byte[] payload = MessageCodec.encode(sent);
        ObjectMessage refused = (ObjectMessage) MessageBridge.browsed(queued(payload, 0, null),
            ObjectMessagePolicy.defaults());
        assertThatThrownBy(refused::getObject).hasMessageContaining(Order.class.getName());
        ObjectMessage allowed = (ObjectMessage) MessageBridge.browsed(queued(payload, 0, null),
            ObjectMessagePolicy.allowing(Order.class.getName()));
        assertThat(allowed.getObject()).isEqualTo(new Order("o-1"));
    }

    @Test
    void selectorsOnAQueuedMessageSeeItsPropertiesAndDeadLetterProperties() throws Exception {
        MessageSelector byReason = MessageSelector.parse("JMS_ReliqDeadLetterReason = 'maxDeliveries' AND color = 'red'");
        assertThat(MessageBridge.matches(byReason, queued(text("poison", "red"), 0, DEAD))).isTrue();
        assertThat(MessageBridge.matches(byReason, queued(text("poison", "blue"), 0, DEAD))).isFalse();
        assertThat(MessageBridge.matches(byReason, queued(text("alive", "red"), 0, null))).isFalse();
    }

    @Test
    void aPayloadThatIsNotAJmsMessageMatchesEverySelectorSoItIsClaimedAndDeadLettered() throws Exception {
        MessageSelector selector = MessageSelector.parse("color = 'red'");
        byte[] garbage = "not jms".getBytes(StandardCharsets.UTF_8);
        assertThat(MessageBridge.matches(selector, queued(garbage, 0, null))).isTrue();
        assertThat(MessageBridge.matches(selector, garbage)).isTrue();
    }
}
