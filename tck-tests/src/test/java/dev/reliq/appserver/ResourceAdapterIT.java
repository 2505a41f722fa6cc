package dev.reliq.appserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.ResourceAdapterArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;

import dev.reliq.appserver.app.Names;
import dev.reliq.appserver.app.NonTransactedMdb;
import dev.reliq.appserver.app.Recorder;
import dev.reliq.appserver.app.SendServlet;
import dev.reliq.appserver.app.Sender;
import dev.reliq.appserver.app.WorkMdb;

/**
 * The resource adapter in a real application server (WildFly or GlassFish, as the failsafe
 * execution says): the real reliq-ra.rar and a WAR with message-driven and session beans,
 * driven from this JVM through plain reliq JMS against the same Redis.
 */
@ExtendWith(ArquillianExtension.class)
class ResourceAdapterIT extends AppServerTest {

    @Deployment(name = "rar", order = 1, testable = false)
    static ResourceAdapterArchive resourceAdapter() {
        return Deployments.resourceAdapter();
    }

    @Deployment(name = "app", order = 2, testable = false)
    static WebArchive application() {
        return Deployments.application("reliq-it", WorkMdb.class, NonTransactedMdb.class, Recorder.class, Sender.class,
            SendServlet.class);
    }

    @Test
    void messageDrivenBeanReceivesQueueMessagesOnce() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(send(Names.WORK, "ok", 0));
        }
        for (String id : ids) {
            await().atMost(Duration.ofSeconds(30)).until(() -> seen.of(id).size() == 1);
            assertThat(seen.of(id).get(0).deliveryCount()).isEqualTo(1);
            assertThat(seen.of(id).get(0).redelivered()).isFalse();
        }
    }

    @Test
    void throwingBeanSeesTheMessageMaxDeliveriesTimesThenItIsDeadLettered() throws Exception {
        String id = send(Names.WORK, "throw", 0);
        await().atMost(Duration.ofSeconds(60)).until(() -> seen.of(id).size() >= 3);
        Message dead = awaitDeadLetter(id);
        assertThat(seen.of(id)).extracting(Seen.Record::deliveryCount).containsExactly(1, 2, 3);
        assertThat(seen.of(id)).extracting(Seen.Record::redelivered).containsExactly(false, true, true);
        assertThat(dead.getStringProperty("JMS_ReliqDeadLetterReason")).isEqualTo("maxDeliveries");
        assertThat(dead.getStringProperty("JMS_ReliqDeadLetterOrigin")).isEqualTo(Names.WORK);
    }

    @Test
    void setRollbackOnlyRedeliversTheMessage() throws Exception {
        String id = send(Names.WORK, "rollback-only", 0);
        await().atMost(Duration.ofSeconds(60)).until(() -> seen.of(id).size() >= 3);
        assertThat(seen.of(id)).extracting(Seen.Record::deliveryCount).containsExactly(1, 2, 3);
        assertThat(awaitDeadLetter(id).getStringProperty("JMS_ReliqDeadLetterReason")).isEqualTo("maxDeliveries");
    }

    @Test
    void beanSlowerThanTheVisibilityTimeoutIsNotSentTheMessageTwice() throws Exception {
        // the queue's visibility timeout is 2s; the bean takes 5s and its lease is renewed meanwhile
        String id = send(Names.WORK, "slow", 5000);
        await().atMost(Duration.ofSeconds(30)).until(() -> seen.of(id, "end").size() == 1);
        // a redelivery would have started within one visibility timeout of a lapse: none for 3s
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> seen.of(id, "start").size() == 1);
        assertThat(browseCount(Names.WORK, id)).isZero();
    }

    @Test
    void maxSessionFourProcessesFourMessagesAtOnce() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            ids.add(send(Names.WORK, "slow", 1500));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            for (String id : ids) {
                if (seen.of(id, "end").isEmpty()) {
                    return false;
                }
            }
            return true;
        });
        List<long[]> spans = new ArrayList<>();
        for (String id : ids) {
            spans.add(new long[] {seen.of(id, "start").get(0).at(), seen.of(id, "end").get(0).at()});
        }
        int most = 0;
        for (long[] s : spans) {
            int overlapping = 0;
            for (long[] t : spans) {
                if (t[0] <= s[0] && s[0] < t[1]) {
                    overlapping++;
                }
            }
            most = Math.max(most, overlapping);
        }
        assertThat(most).isEqualTo(4);
    }

    @Test
    void sendInARolledBackTransactionIsNeverDelivered(@ArquillianResource @OperateOnDeployment("app") URL app)
            throws Exception {
        String rolledBack = "rolled-back-" + UUID.randomUUID();
        String committed = "committed-" + UUID.randomUUID();
        assertThat(get(app, "send?queue=" + Names.OUT + "&rollback=true&text=" + rolledBack)).isEqualTo(200);
        assertThat(get(app, "send?queue=" + Names.OUT + "&rollback=false&text=" + committed)).isEqualTo(200);
        List<String> received = receiveAll(Names.OUT, Duration.ofSeconds(2));
        assertThat(received).contains(committed).doesNotContain(rolledBack);
        assertThat(received.stream().filter(committed::equals)).hasSize(1);
    }

    @Test
    void jmsContextSendInARolledBackTransactionIsNeverDelivered(@ArquillianResource @OperateOnDeployment("app") URL app)
            throws Exception {
        String rolledBack = "context-rolled-back-" + UUID.randomUUID();
        String committed = "context-committed-" + UUID.randomUUID();
        assertThat(get(app, "send?api=context&queue=" + Names.OUT + "&rollback=true&text=" + rolledBack)).isEqualTo(200);
        assertThat(get(app, "send?api=context&queue=" + Names.OUT + "&rollback=false&text=" + committed)).isEqualTo(200);
        List<String> received = receiveAll(Names.OUT, Duration.ofSeconds(2));
        assertThat(received).doesNotContain(rolledBack);
        assertThat(received.stream().filter(committed::equals)).hasSize(1);
    }

    @Test
    void administeredQueueObjectNamesTheQueue(@ArquillianResource @OperateOnDeployment("app") URL app) throws Exception {
        String text = "via-admin-object-" + UUID.randomUUID();
        assertThat(get(app, "send?queue=admin&rollback=false&text=" + text)).isEqualTo(200);
        assertThat(receiveAll(Names.OUT, Duration.ofSeconds(2))).contains(text);
    }

    @Test
    void beanWithoutTransactionIsAcknowledgedWhenOnMessageReturnsAndRedeliveredWhenItThrows() throws Exception {
        String ok = send(Names.NON_TRANSACTED, "ok", 0);
        String poison = send(Names.NON_TRANSACTED, "throw", 0);
        await().atMost(Duration.ofSeconds(30)).until(() -> seen.of(ok).size() == 1 && seen.of(poison).size() >= 2);
        Message dead = awaitDeadLetter(Names.NON_TRANSACTED, poison);
        assertThat(seen.of(poison)).extracting(Seen.Record::deliveryCount).containsExactly(1, 2);
        assertThat(dead.getStringProperty("JMS_ReliqDeadLetterReason")).isEqualTo("maxDeliveries");
        // acknowledged: never seen again
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).until(() -> seen.of(ok).size() == 1);
    }

    @Test
    void beanThatReceivesAndSendsInOneTransaction() throws Exception {
        String committed = send(Names.WORK, "send", 0);
        String rolledBack = send(Names.WORK, "send-rollback", 0);
        await().atMost(Duration.ofSeconds(60)).until(() -> seen.of(rolledBack).size() >= 3);
        Message dead = awaitDeadLetter(rolledBack);
        assertThat(dead.getStringProperty("JMS_ReliqDeadLetterReason")).isEqualTo("maxDeliveries");
        List<String> out = receiveAll(Names.OUT, Duration.ofSeconds(2));
        // committed: its send is visible once and the message was acknowledged (seen once)
        assertThat(out.stream().filter(("from-mdb:" + committed)::equals)).hasSize(1);
        assertThat(seen.of(committed)).hasSize(1);
        // rolled back three times: no send visible, and the receive was not acknowledged (redelivered)
        assertThat(out).doesNotContain("from-mdb:" + rolledBack);
        assertThat(seen.of(rolledBack)).extracting(Seen.Record::deliveryCount).containsExactly(1, 2, 3);
    }

    // ------------------------------------------------------------------ helpers

    private static String send(String queue, String action, long sleepMs) throws JMSException {
        String id = action + "-" + UUID.randomUUID();
        try (Connection connection = factory.createConnection()) {
            Session session = connection.createSession();
            MessageProducer producer = session.createProducer(session.createQueue(queue));
            TextMessage m = session.createTextMessage(id);
            m.setStringProperty("action", action);
            m.setLongProperty("sleepMs", sleepMs);
            producer.send(m);
        }
        return id;
    }

    private static Message awaitDeadLetter(String id) {
        return awaitDeadLetter(Names.WORK, id);
    }

    private static Message awaitDeadLetter(String queue, String id) {
        Message[] found = new Message[1];
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            try (Connection connection = factory.createConnection()) {
                Session session = connection.createSession(Session.CLIENT_ACKNOWLEDGE);
                MessageConsumer consumer = session.createConsumer(session.createQueue(queue + ".DLQ"),
                    "JMS_ReliqDeadLetterOrigin IS NOT NULL");
                connection.start();
                Message m;
                while ((m = consumer.receive(200)) != null) {
                    if (((TextMessage) m).getText().equals(id)) {
                        m.acknowledge();
                        found[0] = m;
                        return true;
                    }
                }
                return false;
            }
        });
        return found[0];
    }

    private static int browseCount(String queue, String id) throws JMSException {
        try (Connection connection = factory.createConnection()) {
            Session session = connection.createSession();
            var browser = session.createBrowser(session.createQueue(queue));
            int count = 0;
            var e = browser.getEnumeration();
            while (e.hasMoreElements()) {
                if (((TextMessage) e.nextElement()).getText().equals(id)) {
                    count++;
                }
            }
            return count;
        }
    }

    private static List<String> receiveAll(String queue, Duration quietFor) throws JMSException {
        List<String> texts = new ArrayList<>();
        try (Connection connection = factory.createConnection()) {
            Session session = connection.createSession();
            MessageConsumer consumer = session.createConsumer(session.createQueue(queue));
            connection.start();
            Message m;
            while ((m = consumer.receive(quietFor.toMillis())) != null) {
                texts.add(((TextMessage) m).getText());
            }
        }
        return texts;
    }

    private static int get(URL app, String pathAndQuery) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(app.toString() + pathAndQuery)).GET().build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        return response.statusCode();
    }
}
