package dev.reliq.appserver;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;

import dev.reliq.appserver.app.Names;
import dev.reliq.jms.ReliqConnectionFactory;

/** What the beans in the server recorded on it.seen, read from the test JVM and kept by message id. */
final class Seen implements AutoCloseable {

    /** One delivery as a bean saw it. */
    record Record(String id, String phase, int deliveryCount, boolean redelivered, long at, String thread) {
    }

    private final Connection connection;
    private final MessageConsumer consumer;
    private final Map<String, List<Record>> byId = new ConcurrentHashMap<>();

    Seen(ReliqConnectionFactory factory) throws JMSException {
        connection = factory.createConnection();
        Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
        consumer = session.createConsumer(session.createQueue(Names.SEEN));
        connection.start();
    }

    /** Takes every record that arrived so far, then returns those of {@code id} in arrival order. */
    synchronized List<Record> of(String id) throws JMSException {
        drain();
        return new ArrayList<>(byId.getOrDefault(id, List.of()));
    }

    /** Takes every record that arrived so far, then returns which of {@code ids} were seen at least once. */
    synchronized Set<String> seenAmong(Collection<String> ids) throws JMSException {
        drain();
        Set<String> found = new HashSet<>();
        for (String id : ids) {
            if (byId.containsKey(id)) {
                found.add(id);
            }
        }
        return found;
    }

    /**
     * Takes every record that arrived so far, then returns how many of {@code phase} each of
     * {@code ids} has (0 for one not seen).
     */
    synchronized Map<String, Integer> countsOf(Collection<String> ids, String phase) throws JMSException {
        drain();
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String id : ids) {
            List<Record> records = byId.getOrDefault(id, List.of());
            counts.put(id, (int) records.stream().filter(r -> r.phase().equals(phase)).count());
        }
        return counts;
    }

    /** Takes what arrived, for at most a quarter second, so that a steady stream cannot keep a caller here. */
    private void drain() throws JMSException {
        long until = System.nanoTime() + 250_000_000L;
        Message m;
        while (System.nanoTime() < until && (m = consumer.receive(50)) != null) {
            Record r = new Record(((TextMessage) m).getText(), m.getStringProperty("phase"),
                m.getIntProperty("deliveryCount"), m.getBooleanProperty("redelivered"), m.getLongProperty("at"),
                m.getStringProperty("thread"));
            byId.computeIfAbsent(r.id(), k -> new ArrayList<>()).add(r);
        }
    }

    List<Record> of(String id, String phase) throws JMSException {
        return of(id).stream().filter(r -> r.phase().equals(phase)).toList();
    }

    @Override
    public void close() throws JMSException {
        connection.close();
    }
}
