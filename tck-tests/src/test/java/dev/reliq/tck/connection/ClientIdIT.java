package dev.reliq.tck.connection;

import static dev.reliq.tck.JmsTestSupport.factory;
import static dev.reliq.tck.JmsTestSupport.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.IllegalStateException;
import jakarta.jms.InvalidClientIDException;
import jakarta.jms.InvalidClientIDRuntimeException;
import jakarta.jms.JMSException;

import dev.reliq.test.RedisServerExtension;

/**
 * The client identifier (Jakarta Messaging 3.1 chapter 6, Connection.setClientID javadoc): set
 * once, right after the connection is created and before anything else is done with it; never when
 * it was configured administratively; and unique among live connections.
 */
class ClientIdIT {

    @RegisterExtension
    static final RedisServerExtension REDIS = RedisServerExtension.standalone();

    @FunctionalInterface
    private interface Use {
        void on(Connection connection) throws JMSException;
    }

    @Test
    void aClientIdIsSetOnceRightAfterTheConnectionIsCreated() throws Exception {
        String id = uniqueName("client");
        try (Connection connection = factory(REDIS, "").createConnection()) {
            assertThat(connection.getClientID()).isNull();
            connection.setClientID(id);
            assertThat(connection.getClientID()).isEqualTo(id);
            assertThatThrownBy(() -> connection.setClientID(uniqueName("second")))
                .isInstanceOf(IllegalStateException.class);
            assertThat(connection.getClientID()).isEqualTo(id);
        }
    }

    @Test
    void settingTheClientIdAfterTheConnectionWasUsedIsRefused() throws Exception {
        ConnectionFactory factory = factory(REDIS, "");
        List<Use> uses = List.of(
            Connection::createSession,
            c -> c.createSession(true, 0),
            Connection::start,
            Connection::stop,
            Connection::getMetaData,
            c -> c.setExceptionListener(e -> { }));
        for (Use use : uses) {
            try (Connection connection = factory.createConnection()) {
                use.on(connection);
                assertThatThrownBy(() -> connection.setClientID(uniqueName("late")))
                    .isInstanceOf(IllegalStateException.class);
                assertThat(connection.getClientID()).isNull();
            }
        }
    }

    @Test
    void anAdministrativelyConfiguredClientIdCannotBeChanged() throws Exception {
        String id = uniqueName("admin");
        try (Connection connection = factory(REDIS, "clientID=" + id).createConnection()) {
            assertThat(connection.getClientID()).isEqualTo(id);
            assertThatThrownBy(() -> connection.setClientID(uniqueName("mine")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(id);
            assertThat(connection.getClientID()).isEqualTo(id);
        }
    }

    @Test
    void aClientIdInUseByAnotherLiveConnectionIsRefusedUntilThatConnectionCloses() throws Exception {
        String id = uniqueName("shared");
        ConnectionFactory factory = factory(REDIS, "");
        Connection holder = factory.createConnection();
        holder.setClientID(id);
        try (Connection second = factory.createConnection()) {
            assertThatThrownBy(() -> second.setClientID(id))
                .isInstanceOf(InvalidClientIDException.class)
                .hasMessageContaining(id);
            assertThat(second.getClientID()).isNull();
        }

        holder.close();
        try (Connection third = factory.createConnection()) {
            third.setClientID(id);
            assertThat(third.getClientID()).isEqualTo(id);
        }
    }

    @Test
    void aConfiguredClientIdInUseRefusesTheNextConnectionAndContext() throws Exception {
        String id = uniqueName("configured");
        ConnectionFactory factory = factory(REDIS, "clientID=" + id);
        try (Connection first = factory.createConnection()) {
            assertThat(first.getClientID()).isEqualTo(id);
            assertThatThrownBy(factory::createConnection).isInstanceOf(InvalidClientIDException.class)
                .hasMessageContaining(id);
            assertThatThrownBy(factory::createContext).isInstanceOf(InvalidClientIDRuntimeException.class);
        }
        try (Connection afterwards = factory.createConnection()) {
            assertThat(afterwards.getClientID()).isEqualTo(id);
        }
    }

    @Test
    void anEmptyClientIdIsInvalid() throws Exception {
        ConnectionFactory factory = factory(REDIS, "");
        try (Connection connection = factory.createConnection()) {
            assertThatThrownBy(() -> connection.setClientID(null)).isInstanceOf(InvalidClientIDException.class);
        }
        try (Connection connection = factory.createConnection()) {
            assertThatThrownBy(() -> connection.setClientID("")).isInstanceOf(InvalidClientIDException.class);
        }
    }
}
