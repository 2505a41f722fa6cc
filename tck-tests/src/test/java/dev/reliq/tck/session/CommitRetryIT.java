package dev.reliq.tck.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;

import dev.reliq.tck.JmsTestSupport;
import dev.reliq.test.RedisServerExtension;

import redis.clients.jedis.Protocol;

/**
 * A commit that fails part way, after some queues received their messages, can be retried: the
 * retry sends only what was not sent, so no message is stored twice.
 */
class CommitRetryIT {

    @RegisterExtension
    static final RedisServerExtension REDIS = RedisServerExtension.standalone();

    @Test
    void aRetriedCommitSendsOnlyWhatTheFailedCommitHadNotSent() throws Exception {
        String prefix = REDIS.keyPrefix();
        String allowed = JmsTestSupport.uniqueName("commit-allowed");
        String refused = JmsTestSupport.uniqueName("commit-refused");
        // may write everything the connection needs and the first queue, not yet the second
        REDIS.jedis().sendCommand(Protocol.Command.ACL, "SETUSER", "committer", "on", ">pw", "allchannels", "+@all",
            "~" + prefix + ":lease:*", "~" + prefix + ":ephemeral-queues", "~" + prefix + ":{" + allowed + "}*",
            "~" + prefix + ":shared:{" + allowed + "}");
        String uri = JmsTestSupport.uri(REDIS, "").replace("redis://", "redis://committer:pw@");

        try (Connection connection = new dev.reliq.jms.ReliqConnectionFactory(uri).createConnection()) {
            Session tx = connection.createSession(Session.SESSION_TRANSACTED);
            Queue first = tx.createQueue(allowed);
            Queue second = tx.createQueue(refused);
            tx.createProducer(first).send(tx.createTextMessage("to the first queue"));
            tx.createProducer(second).send(tx.createTextMessage("to the second queue"));

            assertThatThrownBy(tx::commit).isInstanceOf(JMSException.class).hasMessageContaining("NOPERM");

            REDIS.jedis().sendCommand(Protocol.Command.ACL, "SETUSER", "committer", "~" + prefix + ":{" + refused + "}*",
                "~" + prefix + ":shared:{" + refused + "}");
            tx.commit();
        }

        try (Connection reader = JmsTestSupport.factory(REDIS, "").createConnection()) {
            Session session = reader.createSession(Session.AUTO_ACKNOWLEDGE);
            reader.start();
            assertThat(texts(session.createConsumer(session.createQueue(allowed)))).containsExactly("to the first queue");
            assertThat(texts(session.createConsumer(session.createQueue(refused)))).containsExactly("to the second queue");
        }
    }

    private static List<String> texts(MessageConsumer consumer) throws JMSException {
        List<String> texts = new ArrayList<>();
        for (Message m = consumer.receive(2000); m != null; m = consumer.receive(300)) {
            texts.add(((TextMessage) m).getText());
        }
        return texts;
    }
}
