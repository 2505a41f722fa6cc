package dev.reliq.jms.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collections;
import java.util.stream.Stream;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageNotWriteableException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.reliq.jms.message.ConversionTable.Row;
import dev.reliq.jms.message.ConversionTable.Type;

class MessagePropertiesTest {

    static Stream<Arguments> propertyCells() {
        return ConversionTable.cells(ConversionTable.PROPERTY_TYPES);
    }

    @ParameterizedTest(name = "{0} read as {1}")
    @MethodSource("propertyCells")
    void propertyReadsFollowTheConversionTable(Row row, Type read) throws JMSException {
        ReliqMessage message = new ReliqMessage();
        message.setObjectProperty("p", row.written());
        row.check(read, type -> read(message, type), "Property 'p'");
    }

    @Test
    void typedSettersStoreTheirType() throws JMSException {
        ReliqMessage message = new ReliqMessage();
        message.setBooleanProperty("a", true);
        message.setByteProperty("b", (byte) 1);
        message.setShortProperty("c", (short) 2);
        message.setIntProperty("d", 3);
        message.setLongProperty("e", 4L);
        message.setFloatProperty("f", 5f);
        message.setDoubleProperty("g", 6d);
        message.setStringProperty("h", "7");
        assertThat(Stream.of("a", "b", "c", "d", "e", "f", "g", "h").map(name -> property(message, name)))
            .containsExactly(true, (byte) 1, (short) 2, 3, 4L, 5f, 6d, "7");
    }

    @Test
    void unparseableStringGivesNumberFormatException() throws JMSException {
        ReliqMessage message = new ReliqMessage();
        message.setStringProperty("p", "abc");
        assertThatThrownBy(() -> message.getIntProperty("p")).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> message.getByteProperty("p")).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> message.getShortProperty("p")).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> message.getLongProperty("p")).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> message.getFloatProperty("p")).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> message.getDoubleProperty("p")).isInstanceOf(NumberFormatException.class);
        assertThat(message.getBooleanProperty("p")).isFalse();
    }

    @Test
    void absentPropertyReadsLikeValueOfNull() throws JMSException {
        ReliqMessage message = new ReliqMessage();
        assertThat(message.getStringProperty("absent")).isNull();
        assertThat(message.getObjectProperty("absent")).isNull();
        assertThat(message.getBooleanProperty("absent")).isFalse();
        assertThatThrownBy(() -> message.getByteProperty("absent")).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> message.getShortProperty("absent")).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> message.getIntProperty("absent")).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> message.getLongProperty("absent")).isInstanceOf(NumberFormatException.class);
        // Float.valueOf(null) and Double.valueOf(null) throw NullPointerException
        assertThatThrownBy(() -> message.getFloatProperty("absent")).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> message.getDoubleProperty("absent")).isInstanceOf(NullPointerException.class);
        assertThat(message.propertyExists("absent")).isFalse();
    }

    @Test
    void nullStringPropertyExistsAndReadsAsAbsent() throws JMSException {
        ReliqMessage message = new ReliqMessage();
        message.setStringProperty("p", null);
        assertThat(message.propertyExists("p")).isTrue();
        assertThat(message.getStringProperty("p")).isNull();
        assertThat(Collections.list(message.getPropertyNames())).containsExactly("p");
        assertThatThrownBy(() -> message.getIntProperty("p")).isInstanceOf(NumberFormatException.class);
    }

    @Test
    void setObjectPropertyRefusesOtherTypes() {
        ReliqMessage message = new ReliqMessage();
        assertThatThrownBy(() -> message.setObjectProperty("p", new StringBuilder("x")))
            .isInstanceOf(MessageFormatException.class).hasMessageContaining("java.lang.StringBuilder");
        assertThatThrownBy(() -> message.setObjectProperty("p", 'c')).isInstanceOf(MessageFormatException.class);
        assertThatThrownBy(() -> message.setObjectProperty("p", new byte[1])).isInstanceOf(MessageFormatException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1abc", "a-b", "a b", "a.b", "NULL", "true", "False", "not", "AND", "or", "Between",
        "LIKE", "in", "IS", "escape", "JMSType", "JMSMessageID", "JMSPriority"})
    void invalidPropertyNamesAreRefused(String name) {
        ReliqMessage message = new ReliqMessage();
        assertThatThrownBy(() -> message.setStringProperty(name, "v")).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining(name.isEmpty() ? "null or empty" : "'" + name + "'");
    }

    @Test
    void nullPropertyNameIsRefused() {
        ReliqMessage message = new ReliqMessage();
        assertThatThrownBy(() -> message.setIntProperty(null, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "_x", "$y", "order_id2", "JMSXGroupID", "JMS_reliq_thing", "Größe", "NULLABLE", "isbn"})
    void selectorIdentifiersAreValidPropertyNames(String name) throws JMSException {
        ReliqMessage message = new ReliqMessage();
        message.setStringProperty(name, "v");
        assertThat(message.getStringProperty(name)).isEqualTo("v");
    }

    @Test
    void propertyNamesListEveryPropertyIncludingProviderSetDeliveryCount() throws JMSException {
        ReliqMessage message = new ReliqMessage();
        message.setIntProperty("a", 1);
        message.setStringProperty("b", "x");
        message.setDeliveryCount(3);
        assertThat(Collections.list(message.getPropertyNames())).containsExactlyInAnyOrder("a", "b", "JMSXDeliveryCount");
        assertThat(message.getIntProperty("JMSXDeliveryCount")).isEqualTo(3);
    }

    @Test
    void receivedPropertiesAreReadOnlyUntilCleared() throws JMSException {
        ReliqMessage message = new ReliqMessage();
        message.setIntProperty("a", 1);
        message.markReceived();

        assertThatThrownBy(() -> message.setIntProperty("b", 2)).isInstanceOf(MessageNotWriteableException.class)
            .hasMessageContaining("clearProperties()");
        assertThatThrownBy(() -> message.setObjectProperty("a", "x")).isInstanceOf(MessageNotWriteableException.class);
        assertThat(message.getIntProperty("a")).isEqualTo(1);

        message.clearProperties();
        assertThat(message.getPropertyNames().hasMoreElements()).isFalse();
        message.setIntProperty("b", 2);
        assertThat(message.getIntProperty("b")).isEqualTo(2);
    }

    @Test
    void providerSetsDeliveryCountOnReadOnlyProperties() throws JMSException {
        ReliqMessage message = new ReliqMessage();
        message.markReceived();
        message.setDeliveryCount(1);
        assertThat(message.getIntProperty("JMSXDeliveryCount")).isEqualTo(1);
        assertThat(message.getJMSRedelivered()).isFalse();
        message.setDeliveryCount(2);
        assertThat(message.getObjectProperty("JMSXDeliveryCount")).isEqualTo(2);
        assertThat(message.getJMSRedelivered()).isTrue();
    }

    @Test
    void headersStayWritableOnReceivedMessage() throws JMSException {
        ReliqMessage message = new ReliqMessage();
        message.markReceived();
        message.setJMSType("t");
        message.setJMSCorrelationID("c");
        assertThat(message.getJMSType()).isEqualTo("t");
        assertThat(message.getJMSCorrelationID()).isEqualTo("c");
    }

    @Test
    void clearPropertiesKeepsHeaders() throws JMSException {
        ReliqMessage message = new ReliqMessage();
        message.setJMSType("t");
        message.setIntProperty("a", 1);
        message.clearProperties();
        assertThat(message.getJMSType()).isEqualTo("t");
        assertThat(message.propertyExists("a")).isFalse();
    }

    static Object read(Message message, Type type) throws JMSException {
        return switch (type) {
            case BOOLEAN -> message.getBooleanProperty("p");
            case BYTE -> message.getByteProperty("p");
            case SHORT -> message.getShortProperty("p");
            case INT -> message.getIntProperty("p");
            case LONG -> message.getLongProperty("p");
            case FLOAT -> message.getFloatProperty("p");
            case DOUBLE -> message.getDoubleProperty("p");
            case STRING -> message.getStringProperty("p");
            default -> throw new IllegalArgumentException(type + " is not a property type");
        };
    }

    private static Object property(Message message, String name) {
        try {
            return message.getObjectProperty(name);
        } catch (JMSException e) {
            throw new AssertionError(e);
        }
    }
}
