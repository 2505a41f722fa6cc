package dev.reliq.tck.session;

import static dev.reliq.tck.JmsTestSupport.factory;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.IllegalStateException;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.QueueConnection;
import jakarta.jms.QueueSession;
import jakarta.jms.Session;

import dev.reliq.test.RedisServerExtension;

/**
 * How a session's mode is chosen (Connection.createSession javadoc): the transacted flag wins over
 * the acknowledgement mode, the one-argument form takes the four session modes, and anything else
 * is refused.
 */
class SessionModesIT {

    @RegisterExtension
    static final RedisServerExtension REDIS = RedisServerExtension.standalone();

    @Test
    void theTransactedFlagWinsOverTheAcknowledgeMode() throws Exception {
        try (Connection connection = factory(REDIS, "").createConnection()) {
            for (int ignored : new int[] {Session.AUTO_ACKNOWLEDGE, Session.CLIENT_ACKNOWLEDGE, Session.DUPS_OK_ACKNOWLEDGE, 42}) {
                Session session = connection.createSession(true, ignored);
                assertThat(session.getTransacted()).isTrue();
                assertThat(session.getAcknowledgeMode()).isEqualTo(Session.SESSION_TRANSACTED);
            }
        }
    }

    @Test
    void aNonTransactedSessionHasTheAcknowledgeModeAskedFor() throws Exception {
        try (Connection connection = factory(REDIS, "").createConnection()) {
            for (int mode : new int[] {Session.AUTO_ACKNOWLEDGE, Session.CLIENT_ACKNOWLEDGE, Session.DUPS_OK_ACKNOWLEDGE}) {
                Session twoArguments = connection.createSession(false, mode);
                assertThat(twoArguments.getTransacted()).isFalse();
                assertThat(twoArguments.getAcknowledgeMode()).isEqualTo(mode);
                Session oneArgument = connection.createSession(mode);
                assertThat(oneArgument.getTransacted()).isFalse();
                assertThat(oneArgument.getAcknowledgeMode()).isEqualTo(mode);
            }
            Session transacted = connection.createSession(Session.SESSION_TRANSACTED);
            assertThat(transacted.getTransacted()).isTrue();
            assertThat(transacted.getAcknowledgeMode()).isEqualTo(Session.SESSION_TRANSACTED);
        }
    }

    @Test
    void aSessionWithoutArgumentsAcknowledgesAutomatically() throws Exception {
        try (Connection connection = factory(REDIS, "").createConnection()) {
            Session session = connection.createSession();
            assertThat(session.getTransacted()).isFalse();
            assertThat(session.getAcknowledgeMode()).isEqualTo(Session.AUTO_ACKNOWLEDGE);
        }
    }

    @Test
    void anUnknownSessionModeIsRefused() throws Exception {
        ConnectionFactory factory = factory(REDIS, "");
        try (Connection connection = factory.createConnection()) {
            assertThatThrownBy(() -> connection.createSession(false, 99)).isInstanceOf(JMSException.class)
                .hasMessageContaining("99");
            assertThatThrownBy(() -> connection.createSession(-1)).isInstanceOf(JMSException.class)
                .hasMessageContaining("-1");
            assertThatThrownBy(() -> connection.createSession(Session.DUPS_OK_ACKNOWLEDGE + 1))
                .isInstanceOf(JMSException.class);
        }
        assertThatThrownBy(() -> factory.createContext(99)).isInstanceOf(JMSRuntimeException.class)
            .hasMessageContaining("99");
        try (JMSContext context = factory.createContext()) {
            assertThatThrownBy(() -> context.createContext(7)).isInstanceOf(JMSRuntimeException.class);
        }
    }

    @Test
    void aQueueSessionOfAQueueConnectionHasTheSameModes() throws Exception {
        try (QueueConnection connection = (QueueConnection) factory(REDIS, "").createConnection()) {
            QueueSession transacted = connection.createQueueSession(true, Session.AUTO_ACKNOWLEDGE);
            assertThat(transacted.getTransacted()).isTrue();
            QueueSession client = connection.createQueueSession(false, Session.CLIENT_ACKNOWLEDGE);
            assertThat(client.getAcknowledgeMode()).isEqualTo(Session.CLIENT_ACKNOWLEDGE);
        }
    }

    @Test
    void aClosedSessionRefusesUseAndMayBeClosedAgain() throws Exception {
        try (Connection connection = factory(REDIS, "").createConnection()) {
            Session session = connection.createSession(Session.CLIENT_ACKNOWLEDGE);
            session.close();
            session.close();
            assertThatThrownBy(session::getTransacted).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(session::getAcknowledgeMode).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(session::createMessage).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(session::recover).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> session.createQueue("q")).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(session::createTemporaryQueue).isInstanceOf(IllegalStateException.class);
            // the connection goes on
            assertThat(connection.createSession().getAcknowledgeMode()).isEqualTo(Session.AUTO_ACKNOWLEDGE);
        }
    }
}
