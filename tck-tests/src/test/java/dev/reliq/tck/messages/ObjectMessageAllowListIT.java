package dev.reliq.tck.messages;

import static dev.reliq.tck.JmsTestSupport.factory;
import static dev.reliq.tck.JmsTestSupport.queue;
import static dev.reliq.tck.JmsTestSupport.uri;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import jakarta.jms.Connection;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.MessageFormatRuntimeException;
import jakarta.jms.ObjectMessage;
import jakarta.jms.Queue;
import jakarta.jms.Session;

import dev.reliq.jms.ReliqConnectionFactory;
import dev.reliq.test.RedisServerExtension;

/**
 * ObjectMessage bodies are deserialized only for classes the receiving connection's
 * {@code objectMessageAllowList} allows (besides the JDK value types): a class outside it is
 * refused with a JMSException that names the class and the option, at any depth of the object
 * graph; a pattern that is not valid fails when the factory is created.
 */
class ObjectMessageAllowListIT {

    @RegisterExtension
    static final RedisServerExtension REDIS = RedisServerExtension.standalone();

    private static final String PARCEL = Parcel.class.getName();

    /** Sends {@code body} in an ObjectMessage with a connection that allows every class of this package. */
    private static Queue sendObject(java.io.Serializable body) throws Exception {
        try (Connection sender = factory(REDIS, "objectMessageAllowList=dev.reliq.tck.messages.**").createConnection()) {
            Session session = sender.createSession(Session.AUTO_ACKNOWLEDGE);
            Queue queue = queue(session, "objects");
            session.createProducer(queue).send(session.createObjectMessage(body));
            return queue;
        }
    }

    private static ObjectMessage receiveObject(String options, Queue queue) throws Exception {
        try (Connection receiver = factory(REDIS, options).createConnection()) {
            Session session = receiver.createSession(Session.AUTO_ACKNOWLEDGE);
            receiver.start();
            ObjectMessage message = (ObjectMessage) session.createConsumer(session.createQueue(queue.getQueueName()))
                .receive(5000);
            assertThat(message).as("the message arrived").isNotNull();
            return message;
        }
    }

    @Test
    void aClassOutsideTheDefaultListIsRefusedAtGetObjectNamingTheClassAndTheOption() throws Exception {
        Queue queue = sendObject(Parcel.sample());
        ObjectMessage refused = receiveObject("", queue);
        assertThatThrownBy(refused::getObject).isInstanceOf(JMSException.class)
            .hasMessageContaining(PARCEL).hasMessageContaining("objectMessageAllowList");
        assertThatThrownBy(() -> refused.getBody(Parcel.class)).isInstanceOf(JMSException.class)
            .hasMessageContaining(PARCEL);
        assertThat(refused.isBodyAssignableTo(Parcel.class)).as("deserialization fails").isFalse();
    }

    @Test
    void aClassOutsideTheListIsRefusedEvenInsideAnAllowedCollection() throws Exception {
        HashMap<String, Object> map = new HashMap<>();
        map.put("parcel", Parcel.sample());
        Queue queue = sendObject(map);
        ObjectMessage refused = receiveObject("", queue);
        assertThatThrownBy(refused::getObject).isInstanceOf(JMSException.class)
            .hasMessageContaining(PARCEL).hasMessageContaining("objectMessageAllowList");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev.reliq.tck.messages.**", "dev.reliq.**", "dev.reliq.tck.messages.*",
        "com.example.Other,dev.reliq.tck.messages.Parcel,dev.reliq.tck.messages.Parcel$Item"})
    void aConnectionWhoseAllowListCoversTheClassesReadsTheObject(String allowList) throws Exception {
        Queue queue = sendObject(Parcel.sample());
        ObjectMessage accepted = receiveObject("objectMessageAllowList=" + allowList, queue);
        assertThat(accepted.getObject()).isEqualTo(Parcel.sample());
        assertThat(accepted.getBody(Parcel.class)).isEqualTo(Parcel.sample());
    }

    @Test
    void anAllowListThatOmitsANestedClassRefusesTheObjectNamingThatClass() throws Exception {
        Queue queue = sendObject(Parcel.sample());
        ObjectMessage refused = receiveObject("objectMessageAllowList=" + PARCEL, queue);
        assertThatThrownBy(refused::getObject).isInstanceOf(JMSException.class)
            .hasMessageContaining(Parcel.Item.class.getName());
    }

    @Test
    void receiveBodyOfARefusedClassThrowsAndTheMessageIsNotLost() throws Exception {
        Queue queue = sendObject(Parcel.sample());
        try (JMSContext context = factory(REDIS, "").createContext()) {
            JMSConsumer consumer = context.createConsumer(context.createQueue(queue.getQueueName()));
            assertThatThrownBy(() -> consumer.receiveBody(Parcel.class, 5000))
                .isInstanceOf(MessageFormatRuntimeException.class);
            assertThat(consumer.receive(5000)).as("not lost").isInstanceOf(ObjectMessage.class);
        }
    }

    @Test
    void aBrowserReadsObjectsWithItsConnectionsAllowList() throws Exception {
        Queue queue = sendObject(Parcel.sample());
        try (Connection browsing = factory(REDIS, "objectMessageAllowList=dev.reliq.tck.messages.**").createConnection()) {
            Session session = browsing.createSession(Session.AUTO_ACKNOWLEDGE);
            Queue same = session.createQueue(queue.getQueueName());
            java.util.Enumeration<?> shown = session.createBrowser(same).getEnumeration();
            assertThat(shown.hasMoreElements()).isTrue();
            assertThat(((ObjectMessage) shown.nextElement()).getObject()).isEqualTo(Parcel.sample());
        }
    }

    @Test
    void jdkValueTypesNeedNoAllowList() throws Exception {
        HashMap<String, Object> values = new HashMap<>();
        values.put("decimal", new java.math.BigDecimal("12.50"));
        values.put("date", java.time.LocalDate.of(2024, 2, 29));
        values.put("list", new java.util.ArrayList<>(java.util.List.of(1, "two", 3.0)));
        values.put("uuid", java.util.UUID.fromString("123e4567-e89b-12d3-a456-426614174000"));
        Queue queue = sendObject(values);
        assertThat(receiveObject("", queue).getObject()).isEqualTo(values);
    }

    @Test
    void anObjectMessageTheApplicationCreatedReturnsItsObject() throws Exception {
        try (Connection connection = factory(REDIS, "").createConnection();
                JMSContext context = factory(REDIS, "").createContext()) {
            Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            assertThat(session.createObjectMessage(Parcel.sample()).getObject()).isEqualTo(Parcel.sample());
            assertThat(context.createObjectMessage(Parcel.sample()).getBody(Parcel.class)).isEqualTo(Parcel.sample());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"com..example", "com.example.**.more", "1com.example", "com.exa mple.*", "com.example.***"})
    void anInvalidAllowListPatternFailsWhenTheFactoryIsCreated(String pattern) {
        String uri = uri(REDIS, "objectMessageAllowList=" + pattern.replace(" ", "%20"));
        assertThatThrownBy(() -> new ReliqConnectionFactory(uri)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("objectMessageAllowList").hasMessageContaining(pattern);
    }

    @Test
    void aValidAllowListIsAcceptedByTheFactory() throws Exception {
        ReliqConnectionFactory factory = new ReliqConnectionFactory(
            uri(REDIS, "objectMessageAllowList=com.example.**,org.acme.Order,org.acme.events.*"));
        try (Connection connection = factory.createConnection()) {
            assertThat(connection.createSession(Session.AUTO_ACKNOWLEDGE)).isNotNull();
        }
    }
}
