package dev.reliq.tck.connection;

import static dev.reliq.tck.JmsTestSupport.factory;
import static dev.reliq.tck.JmsTestSupport.queue;
import static dev.reliq.tck.Texts.sendTexts;
import static dev.reliq.tck.Texts.text;
import static dev.reliq.tck.Texts.textOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;

import dev.reliq.test.RedisServerExtension;

/**
 * A Redis that goes away while a connection is open (ExceptionListener javadoc, DESIGN.md §4): the
 * ExceptionListener is told, and once Redis is back the same connection, its sessions and its
 * listeners carry on by themselves; no acknowledged message comes back and no unacknowledged one
 * is lost.
 */
class ConnectionLossIT {

    @RegisterExtension
    static final RedisServerExtension REDIS = RedisServerExtension.persistent();

    @Test
    void aLostRedisIsReportedAndTheSameConnectionCarriesOnWhenItIsBack() throws Exception {
        try (Connection connection = factory(REDIS, "visibilityTimeout=60s").createConnection()) {
            BlockingQueue<JMSException> reported = new LinkedBlockingQueue<>();
            connection.setExceptionListener(reported::add);

            Session clientAck = connection.createSession(Session.CLIENT_ACKNOWLEDGE);
            Queue work = queue(clientAck, "loss-work");
            sendTexts(clientAck, work, "acked-1", "acked-2", "held", "later-1", "later-2");
            MessageConsumer worker = clientAck.createConsumer(work);

            Session auto = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            Queue events = queue(auto, "loss-events");
            List<String> heard = new CopyOnWriteArrayList<>();
            auto.createConsumer(events).setMessageListener(m -> heard.add(textOf(m)));
            MessageProducer eventProducer = auto.createProducer(events);
            connection.start();

            worker.receive(5000);
            worker.receive(5000).acknowledge();
            assertThat(text(worker.receive(5000))).isEqualTo("held");
            eventProducer.send(auto.createTextMessage("before"));
            await().atMost(Duration.ofSeconds(10)).until(() -> heard.contains("before"));

            REDIS.kill();
            JMSException told = reported.poll(30, TimeUnit.SECONDS);
            assertThat(told).as("the ExceptionListener is told that Redis went away").isNotNull();

            REDIS.start();
            eventProducer.send(auto.createTextMessage("after"));
            await().atMost(Duration.ofSeconds(30)).until(() -> heard.contains("after"));
            assertThat(heard).containsExactly("before", "after");

            clientAck.recover();
            List<Message> redelivered = new ArrayList<>();
            for (Message m = worker.receive(5000); m != null; m = worker.receive(1000)) {
                redelivered.add(m);
            }
            List<String> bodies = new ArrayList<>();
            for (Message m : redelivered) {
                bodies.add(text(m));
            }
            assertThat(bodies).as("the unacknowledged messages, and never the acknowledged ones")
                .containsExactly("held", "later-1", "later-2");
            assertThat(redelivered.get(0).getJMSRedelivered()).isTrue();
            redelivered.get(2).acknowledge();
        }
    }
}
