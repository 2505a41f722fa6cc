package dev.reliq.tck.connection;

import static dev.reliq.tck.JmsTestSupport.uniqueName;
import static dev.reliq.tck.Texts.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.net.InetAddress;
import java.net.ServerSocket;

import javax.naming.Reference;
import javax.naming.Referenceable;
import javax.naming.spi.NamingManager;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.JMSSecurityRuntimeException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Queue;
import jakarta.jms.QueueConnection;
import jakarta.jms.QueueConnectionFactory;
import jakarta.jms.Session;

import dev.reliq.jms.ReliqConnectionFactory;
import dev.reliq.tck.JmsTestSupport;
import dev.reliq.test.RedisServerExtension;

import redis.clients.jedis.Protocol;

/**
 * The connection factory (ConnectionFactory javadoc, docs/configuration.md): configured by a URL
 * and by bean properties, with the bean's property winning; credentials given to {@code
 * createConnection(user, password)} are checked at creation; a malformed URL is refused at once
 * with the reason; and the factory can be serialized and bound in JNDI as a Reference.
 */
class ConnectionFactoryIT {

    @RegisterExtension
    static final RedisServerExtension REDIS = RedisServerExtension.standalone();

    private static final String USER = "cf-user";
    private static final String PASSWORD = "cf-secret";

    @BeforeAll
    static void createAclUser() {
        REDIS.jedis().sendCommand(Protocol.Command.ACL, "SETUSER", USER, "reset", "on", ">" + PASSWORD, "allkeys",
            "allchannels", "+@all");
    }

    private static ReliqConnectionFactory factory(String options) {
        return new ReliqConnectionFactory(JmsTestSupport.uri(REDIS, options));
    }

    @Test
    void optionsInTheUrlConfigureEveryConnection() throws Exception {
        ReliqConnectionFactory factory = factory("clientID=url-client&maxDeliveries=1");
        try (Connection connection = factory.createConnection()) {
            assertThat(connection.getClientID()).isEqualTo("url-client");
            Session session = connection.createSession(Session.SESSION_TRANSACTED);
            Queue queue = session.createQueue(uniqueName("url-options"));
            session.createProducer(queue).send(session.createTextMessage("once"));
            session.commit();
            MessageConsumer consumer = session.createConsumer(queue);
            connection.start();
            assertThat(text(consumer.receive(5000))).isEqualTo("once");
            session.rollback();
            assertThat(consumer.receive(500)).as("maxDeliveries=1: dead-lettered after one delivery").isNull();
        }
    }

    @Test
    void aBeanPropertyWinsOverTheSameOptionInTheUrl() throws Exception {
        ReliqConnectionFactory factory = factory("clientID=from-url&maxDeliveries=1");
        factory.setClientID("from-bean");
        factory.setMaxDeliveries(3);
        try (Connection connection = factory.createConnection()) {
            assertThat(connection.getClientID()).isEqualTo("from-bean");
            Session session = connection.createSession(Session.SESSION_TRANSACTED);
            Queue queue = session.createQueue(uniqueName("bean-wins"));
            session.createProducer(queue).send(session.createTextMessage("thrice"));
            session.commit();
            MessageConsumer consumer = session.createConsumer(queue);
            connection.start();
            for (int delivery = 1; delivery <= 3; delivery++) {
                Message m = consumer.receive(5000);
                assertThat(m).as("delivery %d of maxDeliveries=3", delivery).isNotNull();
                assertThat(m.getIntProperty("JMSXDeliveryCount")).isEqualTo(delivery);
                session.rollback();
            }
            assertThat(consumer.receive(500)).isNull();
        }
    }

    @Test
    void aBeanPropertyKeepsCharactersThatAUrlWouldHaveToEncode() throws Exception {
        ReliqConnectionFactory factory = factory("");
        String id = "billing/eu & co?=100% " + uniqueName("");
        factory.setClientID(id);
        assertThat(factory.getClientID()).isEqualTo(id);
        try (Connection connection = factory.createConnection()) {
            assertThat(connection.getClientID()).isEqualTo(id);
        }
    }

    @Test
    void aFactoryMadeAsABeanConnectsWithItsUrlAndCredentialProperties() throws Exception {
        ReliqConnectionFactory factory = new ReliqConnectionFactory();
        factory.setUrl(JmsTestSupport.uri(REDIS, ""));
        factory.setUser(USER);
        factory.setPassword(PASSWORD);
        assertThat(factory.getUser()).isEqualTo(USER);
        try (Connection connection = factory.createConnection()) {
            assertThat(roundTrip(connection, "as a bean")).isEqualTo("as a bean");
        }
    }

    @Test
    void createConnectionWithAnAclUserAuthenticatesAsThatUser() throws Exception {
        ConnectionFactory factory = factory("");
        try (Connection connection = factory.createConnection(USER, PASSWORD)) {
            assertThat(roundTrip(connection, "as " + USER)).isEqualTo("as " + USER);
        }
        QueueConnectionFactory queues = factory("");
        try (QueueConnection connection = queues.createQueueConnection(USER, PASSWORD)) {
            assertThat(roundTrip(connection, "queue connection")).isEqualTo("queue connection");
        }
        try (JMSContext context = factory.createContext(USER, PASSWORD, JMSContext.CLIENT_ACKNOWLEDGE)) {
            assertThat(context.getSessionMode()).isEqualTo(JMSContext.CLIENT_ACKNOWLEDGE);
            Queue queue = context.createQueue(uniqueName("acl-context"));
            context.createProducer().send(queue, "context as " + USER);
            assertThat(context.createConsumer(queue).receiveBody(String.class, 5000)).isEqualTo("context as " + USER);
        }
    }

    @Test
    void wrongCredentialsFromAnySourceAreRefusedWhenTheConnectionIsCreated() throws Exception {
        ReliqConnectionFactory beanCredentials = factory("");
        beanCredentials.setUser(USER);
        beanCredentials.setPassword("not-" + PASSWORD);
        assertThatThrownBy(beanCredentials::createConnection).isInstanceOf(JMSSecurityException.class)
            .hasMessageContaining(USER);
        assertThatThrownBy(beanCredentials::createContext).isInstanceOf(JMSSecurityRuntimeException.class);

        String host = REDIS.uri().substring("redis://".length());
        ReliqConnectionFactory urlCredentials = new ReliqConnectionFactory("redis://nobody:nothing@" + host
            + "?keyPrefix=" + REDIS.keyPrefix());
        assertThatThrownBy(urlCredentials::createConnection).isInstanceOf(JMSSecurityException.class)
            .hasMessageNotContaining("nothing");
        assertThatThrownBy(() -> urlCredentials.createContext(JMSContext.SESSION_TRANSACTED))
            .isInstanceOf(JMSSecurityRuntimeException.class);
        assertThatThrownBy(() -> urlCredentials.createQueueConnection(USER, "wrong"))
            .isInstanceOf(JMSSecurityException.class);

        // the URL's wrong credentials give way to the right ones given to createConnection
        try (Connection connection = urlCredentials.createConnection(USER, PASSWORD)) {
            assertThat(roundTrip(connection, "overridden")).isEqualTo("overridden");
        }
    }

    @Test
    void aRedisThatCannotBeReachedFailsCreationWithTheAddressNamed() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        ReliqConnectionFactory factory = new ReliqConnectionFactory("redis://:hidden@127.0.0.1:" + closedPort
            + "?connectTimeout=500ms");
        assertThatThrownBy(factory::createConnection).isInstanceOf(JMSException.class)
            .isNotInstanceOf(JMSSecurityException.class)
            .hasMessageContaining("127.0.0.1:" + closedPort)
            .hasMessageNotContaining("hidden");
        assertThatThrownBy(factory::createContext).isInstanceOf(JMSRuntimeException.class)
            .hasMessageContaining("127.0.0.1:" + closedPort);
    }

    @Test
    void aMalformedUrlIsRefusedAtOnceWithTheProblemNamed() {
        assertThatThrownBy(() -> new ReliqConnectionFactory("http://localhost:6379"))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("http");
        assertThatThrownBy(() -> new ReliqConnectionFactory("redis://localhost:70000"))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("70000");
        assertThatThrownBy(() -> new ReliqConnectionFactory("redis://localhost?visibilitytimeout=5s"))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("visibilitytimeout").hasMessageContaining("visibilityTimeout");
        assertThatThrownBy(() -> new ReliqConnectionFactory("redis://localhost?prefetch=lots"))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("prefetch").hasMessageContaining("lots");
        ReliqConnectionFactory factory = new ReliqConnectionFactory();
        assertThatThrownBy(() -> factory.setUrl("redis://:secret@localhost?maxDeliveries=many"))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxDeliveries")
            .hasMessageNotContaining("secret");
        assertThatThrownBy(() -> factory.setOption("noSuchOption", "1"))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("noSuchOption");
        assertThatThrownBy(() -> factory.setPrefetch(0))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("prefetch");
    }

    @Test
    void aSerializedFactoryConnectsLikeTheOriginal() throws Exception {
        ReliqConnectionFactory original = factory("");
        original.setClientID("serialized");
        original.setUser(USER);
        original.setPassword(PASSWORD);
        assertThat(original).isInstanceOf(Serializable.class);

        ConnectionFactory copy = deserialize(serialize(original));
        try (Connection connection = copy.createConnection()) {
            assertThat(connection.getClientID()).isEqualTo("serialized");
            assertThat(roundTrip(connection, "from a copy")).isEqualTo("from a copy");
        }
    }

    @Test
    void aFactoryBoundAsAReferenceIsRebuiltWithItsConfiguration() throws Exception {
        ReliqConnectionFactory original = factory("");
        original.setClientID("referenced");
        original.setUser(USER);
        original.setPassword(PASSWORD);
        assertThat(original).isInstanceOf(Referenceable.class);

        Reference reference = ((Referenceable) original).getReference();
        Object rebuilt = NamingManager.getObjectInstance(reference, null, null, null);
        assertThat(rebuilt).isInstanceOf(ConnectionFactory.class).isNotSameAs(original);
        try (Connection connection = ((ConnectionFactory) rebuilt).createConnection()) {
            assertThat(connection.getClientID()).isEqualTo("referenced");
            assertThat(roundTrip(connection, "from a reference")).isEqualTo("from a reference");
        }
    }

    /** Sends a text to a fresh queue and receives it again on the same connection. */
    private static String roundTrip(Connection connection, String body) throws Exception {
        Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
        Queue queue = session.createQueue(uniqueName("round-trip"));
        session.createProducer(queue).send(session.createTextMessage(body));
        MessageConsumer consumer = session.createConsumer(queue);
        connection.start();
        String received = text(consumer.receive(5000));
        session.close();
        return received;
    }

    private static byte[] serialize(Object object) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(object);
        }
        return bytes.toByteArray();
    }

    private static ConnectionFactory deserialize(byte[] bytes) throws Exception {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            return (ConnectionFactory) in.readObject();
        }
    }
}
