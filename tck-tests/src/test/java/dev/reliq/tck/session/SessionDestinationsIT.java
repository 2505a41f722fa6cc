package dev.reliq.tck.session;

import static dev.reliq.tck.JmsTestSupport.factory;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import jakarta.jms.Connection;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.InvalidDestinationRuntimeException;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import jakarta.jms.Session;

import dev.reliq.test.RedisServerExtension;

/**
 * Destinations a session is given (Session and JMSContext javadoc): a queue needs a name, and
 * consumers and browsers need a destination; otherwise InvalidDestinationException.
 */
class SessionDestinationsIT {

    @RegisterExtension
    static final RedisServerExtension REDIS = RedisServerExtension.standalone();

    @Test
    void aQueueNeedsAName() throws Exception {
        try (Connection connection = factory(REDIS, "").createConnection()) {
            Session session = connection.createSession();
            assertThatThrownBy(() -> session.createQueue(null)).isInstanceOf(InvalidDestinationException.class);
            assertThatThrownBy(() -> session.createQueue("")).isInstanceOf(InvalidDestinationException.class);
        }
        try (JMSContext context = factory(REDIS, "").createContext()) {
            assertThatThrownBy(() -> context.createQueue(null)).isInstanceOf(InvalidDestinationRuntimeException.class);
            assertThatThrownBy(() -> context.createQueue("")).isInstanceOf(InvalidDestinationRuntimeException.class);
        }
    }

    @Test
    void aQueueIsTheSameQueueWhateverSessionNamesIt() throws Exception {
        try (Connection connection = factory(REDIS, "").createConnection()) {
            Queue one = connection.createSession().createQueue("orders.eu/1");
            Queue two = connection.createSession().createQueue("orders.eu/1");
            assertThat(one.getQueueName()).isEqualTo("orders.eu/1");
            assertThat(one).isEqualTo(two);
        }
    }

    @Test
    void consumersAndBrowsersNeedADestination() throws Exception {
        try (Connection connection = factory(REDIS, "").createConnection()) {
            Session session = connection.createSession();
            assertThatThrownBy(() -> session.createBrowser(null)).isInstanceOf(InvalidDestinationException.class);
            assertThatThrownBy(() -> session.createBrowser(null, "a = 1")).isInstanceOf(InvalidDestinationException.class);
            assertThatThrownBy(() -> session.createConsumer(null)).isInstanceOf(InvalidDestinationException.class);
            assertThatThrownBy(() -> session.createConsumer(null, "a = 1")).isInstanceOf(InvalidDestinationException.class);
        }
        try (JMSContext context = factory(REDIS, "").createContext()) {
            assertThatThrownBy(() -> context.createBrowser(null)).isInstanceOf(InvalidDestinationRuntimeException.class);
            assertThatThrownBy(() -> context.createConsumer(null)).isInstanceOf(InvalidDestinationRuntimeException.class);
        }
    }
}
