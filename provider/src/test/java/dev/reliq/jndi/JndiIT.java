package dev.reliq.jndi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Hashtable;

import javax.naming.Context;
import javax.naming.InitialContext;
import javax.naming.NamingException;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.reliq.test.RedisServerExtension;

/** Objects looked up in the reliq JNDI context work against a real Redis. */
class JndiIT {

    @RegisterExtension
    static final RedisServerExtension REDIS = RedisServerExtension.standalone();

    private static final long RECEIVE_TIMEOUT_MS = 5_000;

    /** The fixture's Redis with this class's key prefix and the given options. */
    private static String uri(String options) {
        String uri = REDIS.uri();
        return uri + (uri.contains("?") ? "&" : "?") + "keyPrefix=" + REDIS.keyPrefix() + "&" + options;
    }

    private static Context context(String... keysAndValues) throws NamingException {
        Hashtable<String, Object> environment = new Hashtable<>();
        environment.put(Context.INITIAL_CONTEXT_FACTORY, ReliqInitialContextFactory.class.getName());
        for (int i = 0; i < keysAndValues.length; i += 2) {
            environment.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return new InitialContext(environment);
    }

    @Test
    void factoryAndQueueFromJndiCarryATextMessageFromProducerToConsumer() throws Exception {
        Context jndi = context("connectionFactory.orders", uri("clientID=jndi-billing"),
            "queue.incoming", "jndi.orders.incoming");
        ConnectionFactory factory = (ConnectionFactory) jndi.lookup("orders");
        Queue incoming = (Queue) jndi.lookup("incoming");

        try (Connection connection = factory.createConnection()) {
            assertThat(connection.getClientID()).isEqualTo("jndi-billing");
            Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            MessageConsumer consumer = session.createConsumer(incoming);
            connection.start();

            session.createProducer(incoming).send(session.createTextMessage("order 42"));
            Message received = consumer.receive(RECEIVE_TIMEOUT_MS);

            assertThat(received).isInstanceOf(TextMessage.class);
            assertThat(((TextMessage) received).getText()).isEqualTo("order 42");
            assertThat(received.getJMSDestination()).isEqualTo(incoming);
        }
    }

    @Test
    void clientAcknowledgedMessageIsNotDeliveredAgain() throws Exception {
        // an unacknowledged message would be back within the check below: released when its session
        // closes, or at the latest after this short visibility timeout
        Context jndi = context("connectionFactory.orders", uri("visibilityTimeout=1s"),
            "queue.incoming", "jndi.orders.acknowledged");
        ConnectionFactory factory = (ConnectionFactory) jndi.lookup("orders");
        Queue incoming = (Queue) jndi.lookup("incoming");

        try (Connection connection = factory.createConnection()) {
            Session session = connection.createSession(Session.CLIENT_ACKNOWLEDGE);
            MessageConsumer consumer = session.createConsumer(incoming);
            connection.start();
            session.createProducer(incoming).send(session.createTextMessage("order 43"));

            Message received = consumer.receive(RECEIVE_TIMEOUT_MS);
            assertThat(received).isNotNull();
            assertThat(((TextMessage) received).getText()).isEqualTo("order 43");
            received.acknowledge();
        }

        try (Connection connection = factory.createConnection()) {
            Session session = connection.createSession(Session.CLIENT_ACKNOWLEDGE);
            MessageConsumer consumer = session.createConsumer(incoming);
            connection.start();

            assertThat(consumer.receive(3_000)).isNull();
        }
    }

    @Test
    void defaultFactoryAndDynamicQueueNeedNoEntries() throws Exception {
        Context jndi = context(Context.PROVIDER_URL, uri("clientName=jndi-default"));
        ConnectionFactory factory = (ConnectionFactory) jndi.lookup("ConnectionFactory");
        Queue queue = (Queue) jndi.lookup("dynamicQueues/jndi.orders.dynamic");

        try (JMSContext context = factory.createContext()) {
            context.createProducer().send(queue, "order 44");

            assertThat(context.createConsumer(queue).receiveBody(String.class, RECEIVE_TIMEOUT_MS))
                .isEqualTo("order 44");
        }
    }
}
