package dev.reliq.tck.consumer;

import static dev.reliq.tck.JmsTestSupport.factory;
import static dev.reliq.tck.JmsTestSupport.queue;
import static dev.reliq.tck.Texts.sendTexts;
import static dev.reliq.tck.Texts.text;
import static dev.reliq.tck.Texts.texts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import jakarta.jms.Connection;
import jakarta.jms.IllegalStateException;
import jakarta.jms.InvalidSelectorException;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;

import dev.reliq.tck.JmsTestSupport;
import dev.reliq.test.RedisServerExtension;

/**
 * Queue browsers (QueueBrowser javadoc): a browser shows the messages waiting in a queue, in the
 * order a consumer would receive them, without taking them; a selector narrows what it shows;
 * consumed messages are no longer shown; a closed browser refuses use.
 */
class QueueBrowserIT {

    @RegisterExtension
    static final RedisServerExtension REDIS = RedisServerExtension.standalone();

    @Test
    void aBrowserShowsTheWaitingMessagesInDeliveryOrderWithoutTakingThem() throws Exception {
        try (Connection connection = factory(REDIS, "").createConnection()) {
            Session session = connection.createSession();
            Queue queue = queue(session, "browse");
            MessageProducer producer = session.createProducer(queue);
            producer.send(session.createTextMessage("normal-1"));
            producer.send(session.createTextMessage("urgent"), jakarta.jms.DeliveryMode.PERSISTENT, 9, 0);
            producer.send(session.createTextMessage("normal-2"));
            producer.send(session.createTextMessage("low"), jakarta.jms.DeliveryMode.PERSISTENT, 0, 0);

            QueueBrowser browser = session.createBrowser(queue);
            assertThat(browser.getQueue()).isEqualTo(queue);
            assertThat(browser.getMessageSelector()).isNull();
            List<String> order = List.of("urgent", "normal-1", "normal-2", "low");
            assertThat(browse(browser)).containsExactlyElementsOf(order);
            assertThat(browse(browser)).as("browsing again shows the same").containsExactlyElementsOf(order);

            MessageConsumer consumer = session.createConsumer(queue);
            connection.start();
            List<Message> received = new ArrayList<>();
            for (int i = 0; i < order.size(); i++) {
                received.add(consumer.receive(5000));
            }
            assertThat(texts(received)).as("a consumer receives what the browser showed").containsExactlyElementsOf(order);
        }
    }

    @Test
    void aBrowserWithASelectorShowsOnlyTheMatchingMessages() throws Exception {
        try (Connection connection = factory(REDIS, "").createConnection()) {
            Session session = connection.createSession();
            Queue queue = queue(session, "browse-selector");
            MessageProducer producer = session.createProducer(queue);
            for (String color : new String[] {"red", "blue", "red", "green"}) {
                Message m = session.createTextMessage(color);
                m.setStringProperty("color", color);
                producer.send(m);
            }
            QueueBrowser reds = session.createBrowser(queue, "color = 'red'");
            assertThat(reds.getMessageSelector()).isEqualTo("color = 'red'");
            assertThat(browse(reds)).containsExactly("red", "red");
            assertThat(browse(session.createBrowser(queue, "color <> 'red'"))).containsExactly("blue", "green");
            assertThat(browse(session.createBrowser(queue))).hasSize(4);
            assertThatThrownBy(() -> session.createBrowser(queue, "color = = 'red'"))
                .isInstanceOf(InvalidSelectorException.class);
        }
    }

    @Test
    void consumedMessagesAreNoLongerShown() throws Exception {
        try (Connection connection = factory(REDIS, "").createConnection()) {
            Session session = connection.createSession();
            Queue queue = queue(session, "browse-consumed");
            sendTexts(session, queue, "a", "b", "c");
            QueueBrowser browser = session.createBrowser(queue);
            assertThat(browse(browser)).containsExactly("a", "b", "c");

            Session consuming = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            MessageConsumer consumer = consuming.createConsumer(queue);
            connection.start();
            assertThat(text(consumer.receive(5000))).isEqualTo("a");
            assertThat(text(consumer.receive(5000))).isEqualTo("b");
            consuming.close(); // gives back what it prefetched

            assertThat(browse(browser)).containsExactly("c");
            assertThat(browse(session.createBrowser(queue(session, "empty")))).isEmpty();
        }
    }

    @Test
    void aClosedBrowserRefusesUseAndMayBeClosedAgain() throws Exception {
        try (Connection connection = factory(REDIS, "").createConnection()) {
            Session session = connection.createSession();
            Queue queue = queue(session, "browse-closed");
            QueueBrowser browser = session.createBrowser(queue);
            browser.close();
            browser.close();
            assertThatThrownBy(browser::getEnumeration).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(browser::getQueue).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(browser::getMessageSelector).isInstanceOf(IllegalStateException.class);

            QueueBrowser ofClosedSession = session.createBrowser(queue);
            session.close();
            assertThatThrownBy(ofClosedSession::getEnumeration).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void aContextBrowsesLikeASession() throws Exception {
        try (JMSContext context = factory(REDIS, "").createContext()) {
            Queue queue = context.createQueue(JmsTestSupport.uniqueName("browse-context"));
            context.createProducer().send(queue, "one").send(queue, "two");
            assertThat(browse(context.createBrowser(queue))).containsExactly("one", "two");
            assertThat(context.createConsumer(queue).receiveBody(String.class, 5000)).isEqualTo("one");
        }
    }

    private static List<String> browse(QueueBrowser browser) throws Exception {
        List<Message> shown = new ArrayList<>();
        for (Object m : Collections.list(browser.getEnumeration())) {
            shown.add((Message) m);
        }
        return texts(shown);
    }
}
