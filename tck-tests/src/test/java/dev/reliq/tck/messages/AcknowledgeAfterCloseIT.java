package dev.reliq.tck.messages;

import static dev.reliq.tck.JmsTestSupport.factory;
import static dev.reliq.tck.JmsTestSupport.queue;
import static dev.reliq.tck.JmsTestSupport.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import jakarta.jms.Connection;
import jakarta.jms.IllegalStateException;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;

import dev.reliq.test.RedisServerExtension;

/**
 * Jakarta Messaging 3.1, section 3.6 and the {@code Message.acknowledge} javadoc: acknowledging a
 * message whose session is closed is an {@code IllegalStateException}, and the message is not
 * lost (an unacknowledged message of a closed session is delivered again).
 */
class AcknowledgeAfterCloseIT {

    @RegisterExtension
    static final RedisServerExtension REDIS = RedisServerExtension.standalone();

    @Test
    void acknowledgingAMessageOfAClosedSessionIsAnIllegalStateAndTheMessageComesBack() throws Exception {
        try (Connection connection = factory(REDIS, "").createConnection()) {
            Session session = connection.createSession(Session.CLIENT_ACKNOWLEDGE);
            Queue queue = queue(session, "ack-closed-session");
            session.createProducer(queue).send(session.createTextMessage("unacknowledged"));
            connection.start();
            Message received = session.createConsumer(queue).receive(5000);
            session.close();

            assertThatThrownBy(received::acknowledge).isInstanceOf(IllegalStateException.class);

            Session other = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            Message again = other.createConsumer(queue).receive(5000);
            assertThat(((TextMessage) again).getText()).isEqualTo("unacknowledged");
            assertThat(again.getJMSRedelivered()).isTrue();
        }
    }

    @Test
    void acknowledgingAMessageOfAClosedConnectionIsAnIllegalState() throws Exception {
        Message received;
        try (Connection connection = factory(REDIS, "").createConnection()) {
            Session session = connection.createSession(Session.CLIENT_ACKNOWLEDGE);
            Queue queue = queue(session, "ack-closed-connection");
            session.createProducer(queue).send(session.createTextMessage("unacknowledged"));
            connection.start();
            received = session.createConsumer(queue).receive(5000);
        }
        assertThatThrownBy(received::acknowledge).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void acknowledgingAMessageOfAClosedContextIsAnIllegalState() throws Exception {
        Message received;
        try (JMSContext context = factory(REDIS, "").createContext(JMSContext.CLIENT_ACKNOWLEDGE)) {
            Queue queue = context.createQueue(uniqueName("ack-closed-context"));
            context.createProducer().send(queue, "unacknowledged");
            received = context.createConsumer(queue).receive(5000);
            assertThat(received).isNotNull();
        }
        assertThatThrownBy(received::acknowledge).isInstanceOf(IllegalStateException.class);
    }
}
