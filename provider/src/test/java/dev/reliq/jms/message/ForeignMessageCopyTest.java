package dev.reliq.jms.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import jakarta.jms.BytesMessage;
import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.MessageEOFException;
import jakarta.jms.MessageFormatException;
import jakarta.jms.ObjectMessage;
import jakarta.jms.Queue;
import jakarta.jms.StreamMessage;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TextMessage;

import org.junit.jupiter.api.Test;

import dev.reliq.jms.ReliqQueue;

class ForeignMessageCopyTest {

    @Test
    void plainForeignMessageKeepsHeadersAndProperties() throws Exception {
        ForeignMessage foreign = foreignWithEverything();
        ReliqMessage copy = ReliqMessage.copyOf(foreign);
        assertThat(copy.getClass()).isEqualTo(ReliqMessage.class);
        assertThat(copy.getJMSMessageID()).isEqualTo("ID:foreign-1");
        assertThat(copy.getJMSTimestamp()).isEqualTo(11L);
        assertThat(copy.getJMSCorrelationID()).isEqualTo("corr");
        assertThat(copy.getJMSReplyTo()).isEqualTo(new ReliqQueue("replies"));
        assertThat(copy.getJMSDestination()).isEqualTo(new ReliqQueue("orders"));
        assertThat(copy.getJMSDeliveryMode()).isEqualTo(1);
        assertThat(copy.getJMSRedelivered()).isTrue();
        assertThat(copy.getJMSType()).isEqualTo("type");
        assertThat(copy.getJMSExpiration()).isEqualTo(22L);
        assertThat(copy.getJMSDeliveryTime()).isEqualTo(33L);
        assertThat(copy.getJMSPriority()).isEqualTo(8);
        assertThat(Collections.list(copy.getPropertyNames())).containsExactly("count", "name", "ratio");
        assertThat(copy.getObjectProperty("count")).isEqualTo(3);
        assertThat(copy.getObjectProperty("ratio")).isEqualTo(0.5);

        ReliqMessage decoded = MessageCodec.decode(MessageCodec.encode(copy));
        MessageCodecTest.assertSameHeaders(decoded, copy);
    }

    @Test
    void foreignTemporaryReplyToIsDropped() throws Exception {
        ForeignMessage foreign = new ForeignMessage();
        foreign.replyTo = new TemporaryQueue() {
            @Override
            public String getQueueName() {
                return "tmp";
            }

            @Override
            public void delete() {
            }
        };
        assertThat(ReliqMessage.copyOf(foreign).getJMSReplyTo()).isNull();
    }

    @Test
    void byteCorrelationIdIsCopiedWhenThereIsNoStringOne() throws Exception {
        ForeignMessage foreign = new ForeignMessage();
        foreign.correlationIdBytes = new byte[] {1, 2, 3};
        assertThat(ReliqMessage.copyOf(foreign).getJMSCorrelationIDAsBytes()).containsExactly(1, 2, 3);
    }

    @Test
    void foreignTextMessage() throws Exception {
        TextMessage foreign = foreignWithEverything().as(TextMessage.class, Map.of("getText", args -> "hello"));
        ReliqTextMessage copy = (ReliqTextMessage) ReliqMessage.copyOf(foreign);
        assertThat(copy.getText()).isEqualTo("hello");
        assertThat(copy.getJMSMessageID()).isEqualTo("ID:foreign-1");
        assertThat(copy.getIntProperty("count")).isEqualTo(3);
    }

    @Test
    void foreignBytesMessageIsCopiedWhateverItsReadPosition() throws Exception {
        byte[] body = new byte[20_000];
        for (int i = 0; i < body.length; i++) {
            body[i] = (byte) i;
        }
        int[] position = {5};
        BytesMessage foreign = new ForeignMessage().as(BytesMessage.class, Map.of(
            "reset", args -> {
                position[0] = 0;
                return null;
            },
            "readBytes", args -> {
                byte[] buffer = (byte[]) args[0];
                if (position[0] == body.length) {
                    return -1;
                }
                int count = Math.min(buffer.length, body.length - position[0]);
                System.arraycopy(body, position[0], buffer, 0, count);
                position[0] += count;
                return count;
            }));
        ReliqBytesMessage copy = (ReliqBytesMessage) ReliqMessage.copyOf(foreign);
        assertThat(copy.getBody(byte[].class)).isEqualTo(body);
    }

    @Test
    void foreignMapMessage() throws Exception {
        Map<String, Object> entries = new java.util.LinkedHashMap<>();
        entries.put("i", 1);
        entries.put("c", 'c');
        entries.put("b", new byte[] {4});
        entries.put("n", null);
        MapMessage foreign = new ForeignMessage().as(MapMessage.class, Map.of(
            "getMapNames", args -> Collections.enumeration(entries.keySet()),
            "getObject", args -> entries.get((String) args[0])));
        ReliqMapMessage copy = (ReliqMapMessage) ReliqMessage.copyOf(foreign);
        assertThat(Collections.list(copy.getMapNames())).containsExactly("i", "c", "b", "n");
        assertThat(copy.getInt("i")).isEqualTo(1);
        assertThat(copy.getChar("c")).isEqualTo('c');
        assertThat(copy.getBytes("b")).containsExactly(4);
        assertThat(copy.itemExists("n")).isTrue();
    }

    @Test
    void foreignStreamMessage() throws Exception {
        List<Object> fields = new ArrayList<>(java.util.Arrays.asList(1, "two", null, new byte[] {3}));
        int[] next = {0};
        StreamMessage foreign = new ForeignMessage().as(StreamMessage.class, Map.of(
            "reset", args -> {
                next[0] = 0;
                return null;
            },
            "readObject", args -> {
                if (next[0] == fields.size()) {
                    throw new MessageEOFException("end");
                }
                return fields.get(next[0]++);
            }));
        ReliqStreamMessage copy = (ReliqStreamMessage) ReliqMessage.copyOf(foreign);
        copy.reset();
        assertThat(copy.readInt()).isEqualTo(1);
        assertThat(copy.readString()).isEqualTo("two");
        assertThat(copy.readObject()).isNull();
        assertThat((byte[]) copy.readObject()).containsExactly(3);
    }

    @Test
    void foreignObjectMessage() throws Exception {
        ArrayList<String> object = new ArrayList<>(List.of("x"));
        ObjectMessage foreign = new ForeignMessage().as(ObjectMessage.class,
            Map.of("getObject", args -> (Serializable) object));
        ReliqObjectMessage copy = (ReliqObjectMessage) ReliqMessage.copyOf(foreign);
        assertThat(copy.getObject()).isEqualTo(object);
    }

    @Test
    void foreignPropertyWithAnInvalidNameIsAFormatError() {
        ForeignMessage foreign = new ForeignMessage();
        foreign.properties.put("has-dash", 1);
        assertThatThrownBy(() -> ReliqMessage.copyOf(foreign)).isInstanceOf(MessageFormatException.class)
            .hasMessageContaining("'has-dash'");
    }

    @Test
    void reliqMessageIsCopiedIndependently() throws JMSException {
        ReliqTextMessage original = new ReliqTextMessage();
        original.setText("a");
        original.setIntProperty("p", 1);
        ReliqTextMessage copy = (ReliqTextMessage) ReliqMessage.copyOf(original);
        original.setText("b");
        assertThat(copy.getText()).isEqualTo("a");
        assertThat(copy.getIntProperty("p")).isEqualTo(1);
        assertThat(copy).isNotSameAs(original);
    }

    private static ForeignMessage foreignWithEverything() {
        ForeignMessage foreign = new ForeignMessage();
        foreign.messageId = "ID:foreign-1";
        foreign.timestamp = 11;
        foreign.correlationId = "corr";
        foreign.replyTo = (Queue) () -> "replies";
        foreign.destination = (Queue) () -> "orders";
        foreign.deliveryMode = 1;
        foreign.redelivered = true;
        foreign.type = "type";
        foreign.expiration = 22;
        foreign.deliveryTime = 33;
        foreign.priority = 8;
        foreign.properties.put("count", 3);
        foreign.properties.put("name", "n");
        foreign.properties.put("ratio", 0.5);
        return foreign;
    }
}
