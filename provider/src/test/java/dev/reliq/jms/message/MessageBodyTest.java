package dev.reliq.jms.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.jms.JMSException;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageNotReadableException;
import jakarta.jms.MessageNotWriteableException;

import org.junit.jupiter.api.Test;

class MessageBodyTest {

    @Test
    void plainMessageHasNoBodyOfAnyType() throws JMSException {
        ReliqMessage message = new ReliqMessage();
        assertThat(message.getBody(String.class)).isNull();
        assertThat(message.getBody(Integer.class)).isNull();
        assertThat(message.isBodyAssignableTo(Map.class)).isTrue();
    }

    @Test
    void textBodyIsAssignableToStringAndItsSupertypes() throws JMSException {
        ReliqTextMessage message = new ReliqTextMessage();
        message.setText("hi");
        assertThat(message.getBody(String.class)).isEqualTo("hi");
        assertThat(message.getBody(CharSequence.class)).isEqualTo("hi");
        assertThat(message.getBody(Object.class)).isEqualTo("hi");
        assertThat(message.isBodyAssignableTo(Comparable.class)).isTrue();
        assertThat(message.isBodyAssignableTo(Integer.class)).isFalse();
        assertThatThrownBy(() -> message.getBody(Integer.class)).isInstanceOf(MessageFormatException.class)
            .hasMessageContaining("java.lang.Integer");
    }

    @Test
    void nullTextIsNoBodyButEmptyTextIsABody() throws JMSException {
        ReliqTextMessage message = new ReliqTextMessage();
        assertThat(message.getText()).isNull();
        assertThat(message.getBody(Integer.class)).isNull();
        assertThat(message.isBodyAssignableTo(Integer.class)).isTrue();
        message.setText("");
        assertThat(message.isBodyAssignableTo(Integer.class)).isFalse();
        assertThat(message.getBody(String.class)).isEmpty();
    }

    @Test
    void bytesBodyIsAssignableToByteArray() throws JMSException {
        ReliqBytesMessage message = new ReliqBytesMessage();
        message.writeBytes(new byte[] {1, 2, 3});
        assertThat(message.isBodyAssignableTo(byte[].class)).isTrue();
        assertThat(message.isBodyAssignableTo(Object.class)).isTrue();
        assertThat(message.isBodyAssignableTo(String.class)).isFalse();
        assertThat(message.getBody(byte[].class)).containsExactly(1, 2, 3);
        assertThatThrownBy(() -> message.getBody(String.class)).isInstanceOf(MessageFormatException.class);
    }

    @Test
    void getBodyOfBytesMessageResetsBeforeAndAfter() throws JMSException {
        ReliqBytesMessage message = new ReliqBytesMessage();
        message.writeInt(7);
        message.writeInt(8);
        message.reset();
        message.readInt();
        assertThat(message.getBody(byte[].class)).hasSize(8);
        assertThat(message.readInt()).isEqualTo(7);
    }

    @Test
    void emptyBytesMessageHasNoBody() throws JMSException {
        ReliqBytesMessage message = new ReliqBytesMessage();
        assertThat(message.isBodyAssignableTo(String.class)).isTrue();
        assertThat(message.getBody(String.class)).isNull();
    }

    @Test
    void mapBodyIsAssignableOnlyToMapAndObject() throws JMSException {
        ReliqMapMessage message = new ReliqMapMessage();
        message.setInt("a", 1);
        message.setBytes("b", new byte[] {2});
        assertThat(message.isBodyAssignableTo(Map.class)).isTrue();
        assertThat(message.isBodyAssignableTo(Object.class)).isTrue();
        assertThat(message.isBodyAssignableTo(HashMap.class)).isFalse();
        @SuppressWarnings("unchecked")
        Map<String, Object> body = message.getBody(Map.class);
        assertThat(body).containsEntry("a", 1).containsKey("b");
        assertThat((byte[]) body.get("b")).containsExactly(2);
        assertThatThrownBy(() -> message.getBody(HashMap.class)).isInstanceOf(MessageFormatException.class)
            .hasMessageContaining("Map.class");
    }

    @Test
    void emptyMapIsNoBody() throws JMSException {
        ReliqMapMessage message = new ReliqMapMessage();
        assertThat(message.getBody(String.class)).isNull();
        assertThat(message.isBodyAssignableTo(String.class)).isTrue();
    }

    @Test
    void streamBodyIsNeverAssignable() throws JMSException {
        ReliqStreamMessage message = new ReliqStreamMessage();
        assertThat(message.isBodyAssignableTo(Object.class)).isFalse();
        assertThatThrownBy(() -> message.getBody(Object.class)).isInstanceOf(MessageFormatException.class);
        message.writeInt(1);
        assertThat(message.isBodyAssignableTo(Object.class)).isFalse();
        assertThatThrownBy(() -> message.getBody(Object.class)).isInstanceOf(MessageFormatException.class);
    }

    @Test
    void objectBodyIsAssignableToItsClassAndSupertypes() throws JMSException {
        ReliqObjectMessage message = new ReliqObjectMessage();
        ArrayList<String> list = new ArrayList<>(List.of("a"));
        message.setObject(list);
        assertThat(message.isBodyAssignableTo(Serializable.class)).isTrue();
        assertThat(message.isBodyAssignableTo(List.class)).isTrue();
        assertThat(message.isBodyAssignableTo(Map.class)).isFalse();
        assertThat((Object) message.getBody(List.class)).isEqualTo(list);
        assertThatThrownBy(() -> message.getBody(Map.class)).isInstanceOf(MessageFormatException.class);
    }

    @Test
    void nullObjectIsNoBody() throws JMSException {
        ReliqObjectMessage message = new ReliqObjectMessage();
        assertThat(message.getObject()).isNull();
        assertThat((Object) message.getBody(Map.class)).isNull();
        assertThat(message.isBodyAssignableTo(Map.class)).isTrue();
    }

    @Test
    void receivedTextIsReadOnlyUntilClearBody() throws JMSException {
        ReliqTextMessage message = new ReliqTextMessage();
        message.setText("a");
        message.markReceived();
        assertThatThrownBy(() -> message.setText("b")).isInstanceOf(MessageNotWriteableException.class)
            .hasMessageContaining("clearBody()");
        assertThat(message.getText()).isEqualTo("a");
        message.clearBody();
        assertThat(message.getText()).isNull();
        message.setText("b");
        assertThat(message.getText()).isEqualTo("b");
    }

    @Test
    void receivedObjectIsReadOnlyUntilClearBody() throws JMSException {
        ReliqObjectMessage message = new ReliqObjectMessage();
        message.setObject("a");
        message.markReceived();
        assertThatThrownBy(() -> message.setObject("b")).isInstanceOf(MessageNotWriteableException.class);
        message.clearBody();
        assertThat(message.getObject()).isNull();
        message.setObject("b");
        assertThat(message.getObject()).isEqualTo("b");
    }

    @Test
    void clearBodyKeepsHeadersAndProperties() throws JMSException {
        ReliqTextMessage message = new ReliqTextMessage();
        message.setText("a");
        message.setJMSType("t");
        message.setIntProperty("p", 1);
        message.clearBody();
        assertThat(message.getJMSType()).isEqualTo("t");
        assertThat(message.getIntProperty("p")).isEqualTo(1);
    }

    @Test
    void clearPropertiesLeavesTheBodyReadOnly() throws JMSException {
        ReliqTextMessage message = new ReliqTextMessage();
        message.setText("a");
        message.markReceived();
        message.clearProperties();
        message.setIntProperty("p", 1);
        assertThatThrownBy(() -> message.setText("b")).isInstanceOf(MessageNotWriteableException.class);
    }

    @Test
    void acknowledgeCallsTheProvidersAcknowledger() throws JMSException {
        ReliqMessage message = new ReliqMessage();
        message.acknowledge(); // an application's own message: nothing happens
        int[] calls = {0};
        message.setAcknowledger(() -> calls[0]++);
        message.acknowledge();
        assertThat(calls[0]).isEqualTo(1);
        message.setAcknowledger(() -> {
            throw new jakarta.jms.IllegalStateException("session closed");
        });
        assertThatThrownBy(message::acknowledge).isInstanceOf(jakarta.jms.IllegalStateException.class);
    }

    @Test
    void newBytesAndStreamMessagesBecomeReadableWhenReceived() throws JMSException {
        ReliqBytesMessage bytes = new ReliqBytesMessage();
        ReliqStreamMessage stream = new ReliqStreamMessage();
        assertThatThrownBy(bytes::readByte).isInstanceOf(MessageNotReadableException.class);
        assertThatThrownBy(stream::readByte).isInstanceOf(MessageNotReadableException.class);
        bytes.markReceived();
        stream.markReceived();
        assertThatThrownBy(bytes::readByte).isInstanceOf(jakarta.jms.MessageEOFException.class);
        assertThatThrownBy(stream::readByte).isInstanceOf(jakarta.jms.MessageEOFException.class);
    }
}
