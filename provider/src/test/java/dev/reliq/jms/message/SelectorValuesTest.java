package dev.reliq.jms.message;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;

import org.junit.jupiter.api.Test;

class SelectorValuesTest {

    @Test
    void selectableHeadersHaveTheSelectorsTypes() throws JMSException {
        ReliqMessage message = new ReliqMessage();
        message.setJMSMessageID("ID:1");
        message.setJMSTimestamp(123L);
        message.setJMSCorrelationID("c");
        message.setJMSType("t");
        message.setJMSPriority(7);
        assertThat(message.value("JMSDeliveryMode")).isEqualTo("PERSISTENT");
        assertThat(message.value("JMSPriority")).isEqualTo(7);
        assertThat(message.value("JMSMessageID")).isEqualTo("ID:1");
        assertThat(message.value("JMSTimestamp")).isEqualTo(123L);
        assertThat(message.value("JMSCorrelationID")).isEqualTo("c");
        assertThat(message.value("JMSType")).isEqualTo("t");
        message.setJMSDeliveryMode(DeliveryMode.NON_PERSISTENT);
        assertThat(message.value("JMSDeliveryMode")).isEqualTo("NON_PERSISTENT");
    }

    @Test
    void unsetHeadersAreNull() {
        ReliqMessage message = new ReliqMessage();
        assertThat(message.value("JMSMessageID")).isNull();
        assertThat(message.value("JMSCorrelationID")).isNull();
        assertThat(message.value("JMSType")).isNull();
    }

    @Test
    void propertiesKeepTheirTypeWithoutConversion() throws JMSException {
        ReliqMessage message = new ReliqMessage();
        message.setStringProperty("NumberOfOrders", "2");
        message.setIntProperty("weight", 2500);
        message.setDeliveryCount(2);
        message.markReceived();
        assertThat(message.value("NumberOfOrders")).isEqualTo("2");
        assertThat(message.value("weight")).isEqualTo(2500);
        assertThat(message.value("JMSXDeliveryCount")).isEqualTo(2);
        assertThat(message.value("absent")).isNull();
        assertThat(message.value("numberoforders")).isNull();
    }

    @Test
    void decodedMessageAnswersWithoutDecodingItsBody() throws Exception {
        ReliqMapMessage map = new ReliqMapMessage();
        map.setString("k", "v");
        map.setStringProperty("region", "eu");
        ReliqMessage decoded = MessageCodec.decode(MessageCodec.encode(map));
        assertThat(decoded.value("region")).isEqualTo("eu");
    }

    @Test
    void invalidHeaderValuesAreRefusedWithTheValidRange() {
        ReliqMessage message = new ReliqMessage();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> message.setJMSPriority(10))
            .isInstanceOf(JMSException.class).hasMessageContaining("0 (lowest) to 9");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> message.setJMSDeliveryMode(3))
            .isInstanceOf(JMSException.class).hasMessageContaining("PERSISTENT");
    }
}
