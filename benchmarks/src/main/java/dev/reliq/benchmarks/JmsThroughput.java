package dev.reliq.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;

/**
 * End-to-end throughput through the plain jakarta.jms API, the same code for every provider:
 * producers send 1 KiB BytesMessages as fast as the in-flight limit lets them, consumers
 * {@code receive(timeout)} in a loop, read the body and acknowledge as the {@link AckMode} says.
 * The figure is messages consumed per second during the measured window.
 */
final class JmsThroughput {

    private static final long RECEIVE_TIMEOUT_MILLIS = 100;
    private static final long JOIN_MILLIS = 30_000;
    private static final AtomicInteger RUNS = new AtomicInteger();

    private JmsThroughput() {
    }

    static Throughput run(JmsTarget target, Shape shape, AckMode ack, Settings settings) throws Exception {
        String queueName = "bench-" + shape + "-" + ack.name().toLowerCase() + "-" + RUNS.incrementAndGet();
        Duration longest = settings.warmUp().plus(settings.measure()).plusSeconds(60);
        RunState state = new RunState(settings.inFlightLimit(), longest);
        Workers workers = new Workers(state);
        List<Connection> connections = new ArrayList<>();
        try {
            for (int i = 0; i < shape.consumers(); i++) {
                Connection connection = target.factory().createConnection();
                connections.add(connection);
                Session session = connection.createSession(ack.transacted(), ack.sessionMode());
                MessageConsumer consumer = session.createConsumer(session.createQueue(queueName));
                connection.start();
                workers.start("consumer-" + i, () -> consume(session, consumer, ack, state));
            }
            for (int i = 0; i < shape.producers(); i++) {
                Connection connection = target.factory().createConnection();
                connections.add(connection);
                Session session = connection.createSession(ack.transacted(), ack.sessionMode());
                Queue queue = session.createQueue(queueName);
                MessageProducer producer = session.createProducer(queue);
                producer.setDeliveryMode(target.deliveryMode());
                workers.start("producer-" + i, () -> produce(session, producer, ack, state));
            }
            Throughput throughput = Throughput.measure(state, settings, target.redis());
            state.stop();
            workers.join(JOIN_MILLIS);
            if (state.failure() != null) {
                throw new IllegalStateException(target.column() + " " + shape + " " + ack + " failed: "
                    + state.failure(), state.failure());
            }
            return throughput;
        } finally {
            state.stop();
            workers.join(JOIN_MILLIS);
            for (Connection connection : connections) {
                closeQuietly(connection);
            }
            target.dropQueue().accept(queueName);
        }
    }

    private static void produce(Session session, MessageProducer producer, AckMode ack, RunState state)
            throws JMSException {
        byte[] payload = Payloads.kib();
        int uncommitted = 0;
        while (state.awaitRoom()) {
            BytesMessage message = session.createBytesMessage();
            message.writeBytes(payload);
            producer.send(message);
            if (!ack.transacted()) {
                state.sent(1);
            } else if (++uncommitted == AckMode.TRANSACTION_SIZE) {
                session.commit();
                state.sent(uncommitted);
                uncommitted = 0;
            }
        }
    }

    private static void consume(Session session, MessageConsumer consumer, AckMode ack, RunState state)
            throws JMSException {
        int uncommitted = 0;
        while (state.running()) {
            Message message = consumer.receive(RECEIVE_TIMEOUT_MILLIS);
            if (message == null) {
                continue;
            }
            if (message.getBody(byte[].class).length != Payloads.SIZE) {
                throw new IllegalStateException("A message arrived with a body of the wrong size");
            }
            switch (ack) {
                case AUTO -> state.consumed(1);
                case CLIENT -> {
                    message.acknowledge();
                    state.consumed(1);
                }
                case TRANSACTED -> {
                    if (++uncommitted == AckMode.TRANSACTION_SIZE) {
                        session.commit();
                        state.consumed(uncommitted);
                        uncommitted = 0;
                    }
                }
            }
        }
    }

    static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (JMSException | RuntimeException e) {
            System.err.println("Closing a connection failed: " + e);
        }
    }
}
