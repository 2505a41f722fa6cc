package dev.reliq.ra;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javax.naming.InitialContext;
import javax.naming.NamingException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.MessageListener;
import jakarta.jms.Queue;
import jakarta.jms.Topic;
import jakarta.resource.NotSupportedException;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.InvalidPropertyException;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import jakarta.resource.spi.work.WorkException;
import jakarta.resource.spi.work.WorkManager;

import dev.reliq.jms.ReliqConnection;
import dev.reliq.jms.ReliqConnectionFactory;
import dev.reliq.queue.QueueAttributes;
import dev.reliq.queue.ReliableQueue;

/**
 * One message-driven bean's activation: {@code maxSession} {@link EndpointSession}s, each a
 * piece of work on the container's WorkManager with a connection, a session and a consumer of
 * its own, delivering one message at a time to its own endpoint.
 */
final class EndpointActivation {

    private static final Logger log = LoggerFactory.getLogger(EndpointActivation.class);
    static final Method ON_MESSAGE;

    static {
        try {
            ON_MESSAGE = MessageListener.class.getMethod("onMessage", jakarta.jms.Message.class);
        } catch (NoSuchMethodException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final MessageEndpointFactory endpointFactory;
    private final ReliqActivationSpec spec;
    private final RedisSettings settings;
    private final WorkManager workManager;
    private final List<EndpointSession> sessions = new ArrayList<>();
    private final Duration setupInterval;
    private final boolean deliveryTransacted;
    private final int acknowledgeMode;
    private final String name;
    private CountDownLatch finished;
    private volatile String queueName;
    /** For a topic: the shared subscription every session of this activation reads. */
    private final String subscriptionName;

    EndpointActivation(ReliqResourceAdapter adapter, MessageEndpointFactory endpointFactory, ReliqActivationSpec spec)
            throws ResourceException {
        spec.validate();
        Class<?> bean = endpointFactory.getEndpointClass();
        this.name = bean != null ? bean.getSimpleName() : endpointFactory.getActivationName();
        this.subscriptionName = spec.isTopic() ? subscriptionName(spec, name) : null;
        this.endpointFactory = endpointFactory;
        this.spec = spec;
        this.settings = new RedisSettings(spec.getUrl(), spec.getUser(), spec.getPassword()).orElse(adapter.settings());
        this.workManager = adapter.workManager();
        this.setupInterval = ReliqActivationSpec.duration("setupInterval", spec.getSetupInterval());
        this.acknowledgeMode = spec.sessionAcknowledgeMode();
        try {
            this.deliveryTransacted = endpointFactory.isDeliveryTransacted(ON_MESSAGE);
        } catch (NoSuchMethodException e) {
            throw new NotSupportedException("reliq activation: the endpoint is not a jakarta.jms.MessageListener", e);
        }
    }

    void start() throws ResourceException {
        finished = new CountDownLatch(spec.getMaxSession());
        for (int i = 0; i < spec.getMaxSession(); i++) {
            EndpointSession session = new EndpointSession(this, i + 1);
            sessions.add(session);
            try {
                workManager.scheduleWork(session, WorkManager.INDEFINITE, null, null);
            } catch (WorkException e) {
                stop();
                throw e;
            }
        }
        log.info("reliq: activated {} on {} with {} session(s), {} ({})", name,
            describeDestination(), spec.getMaxSession(), deliveryTransacted ? "transacted delivery" : "acknowledgeMode "
                + spec.getAcknowledgeMode(), settings);
    }

    /**
     * Stops delivery: no new message is taken, running {@code onMessage} calls finish, and every
     * session gives back its prefetched messages as it closes. Waits for the sessions.
     */
    void stop() {
        log.info("reliq: deactivating {}: finishing the messages in hand and giving back the rest", name);
        sessions.forEach(EndpointSession::stop);
        try {
            if (finished != null && !finished.await(60, TimeUnit.SECONDS)) {
                log.warn("reliq: {} sessions of {} did not stop within 60s", finished.getCount(),
                    name);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        log.info("reliq: deactivated {}", name);
    }

    void sessionFinished() {
        finished.countDown();
    }

    /** Opens a started connection for one session; the first one also applies the spec's queue attributes. */
    ReliqConnection connect() throws JMSException {
        ReliqConnectionFactory factory = settings.connectionFactory();
        factory.setPrefetch(spec.getPrefetch());
        // The client ID is not claimed by the maxSession connections (it would be in use by the
        // first); it names the subscription instead (see openSession).
        ReliqConnection connection = (ReliqConnection) factory.createConnection();
        try {
            applyQueueAttributes(connection);
        } catch (JMSException | RuntimeException e) {
            closeQuietly(connection);
            throw e;
        }
        return connection;
    }

    /**
     * The subscription of a topic activation: subscriptionName when set (required for a durable
     * one), else one made up for this activation, which ends when the activation does.
     */
    private static String subscriptionName(ReliqActivationSpec spec, String bean) throws InvalidPropertyException {
        if (!ReliqActivationSpec.blank(spec.getSubscriptionName())) {
            return spec.getSubscriptionName().trim();
        }
        if (spec.isDurable()) {
            throw new InvalidPropertyException("reliq activation of " + bean
                + ": a durable topic subscription needs subscriptionName");
        }
        return bean + "-" + java.util.UUID.randomUUID();
    }

    String subscriptionName() {
        return subscriptionName;
    }

    /** The client ID that names the subscription with subscriptionName; null for none. */
    String subscriptionClientId() {
        return ReliqActivationSpec.blank(spec.getClientId()) ? null : spec.getClientId().trim();
    }

    /**
     * The destination's name in Redis: the destination property, or the name of the Queue or
     * Topic looked up.
     */
    String queueName() throws JMSException {
        String resolved = queueName;
        if (resolved != null) {
            return resolved;
        }
        if (!ReliqActivationSpec.blank(spec.getDestinationLookup())) {
            try {
                Object found = new InitialContext().lookup(spec.getDestinationLookup());
                if (spec.isTopic() && found instanceof Topic topic) {
                    resolved = topic.getTopicName();
                } else if (!spec.isTopic() && found instanceof Queue queue) {
                    resolved = queue.getQueueName();
                } else {
                    throw new JMSException("destinationLookup " + spec.getDestinationLookup() + " is not a "
                        + (spec.isTopic() ? "Topic" : "Queue") + " but " + (found == null ? "null" : found.getClass().getName()));
                }
            } catch (NamingException e) {
                JMSException jmsException = new JMSException("destinationLookup " + spec.getDestinationLookup()
                    + " failed: " + e.getMessage());
                jmsException.initCause(e);
                throw jmsException;
            }
        } else {
            resolved = spec.getDestination().trim();
        }
        queueName = resolved;
        return resolved;
    }

    /** The spec's queue attributes go to the queue, or for a topic to the subscription's queue. */
    private synchronized void applyQueueAttributes(ReliqConnection connection) throws JMSException {
        ReliableQueue queue = connection.reliableQueue(spec.isTopic()
            ? connection.reliableTopic(queueName()).subscriptionQueue(
                subscriptionClientId() == null ? "" : subscriptionClientId(), subscriptionName, spec.isDurable())
            : queueName());
        QueueAttributes current = queue.attributes();
        QueueAttributes wanted = current;
        try {
            Duration visibility = ReliqActivationSpec.duration("visibilityTimeout", spec.getVisibilityTimeout());
            if (visibility != null) {
                wanted = wanted.withVisibilityTimeout(visibility);
            }
            if (spec.getMaxDeliveries() != null) {
                wanted = wanted.withMaxDeliveries(spec.getMaxDeliveries());
            }
            Duration delay = ReliqActivationSpec.duration("redeliveryDelay", spec.getRedeliveryDelay());
            if (delay != null) {
                wanted = wanted.withRedeliveryDelay(delay);
            }
            if (spec.getRedeliveryMultiplier() != null) {
                wanted = wanted.withRedeliveryMultiplier(spec.getRedeliveryMultiplier());
            }
            Duration maxDelay = ReliqActivationSpec.duration("maxRedeliveryDelay", spec.getMaxRedeliveryDelay());
            if (maxDelay != null) {
                wanted = wanted.withMaxRedeliveryDelay(maxDelay);
            }
        } catch (InvalidPropertyException e) {
            throw new JMSException(e.getMessage());
        }
        if (!ReliqActivationSpec.blank(spec.getDeadLetterQueue())) {
            wanted = wanted.withDeadLetterQueue(spec.getDeadLetterQueue().trim());
        }
        if (!wanted.equals(current)) {
            queue.setAttributes(wanted);
            log.info("reliq: {} set the attributes of queue {}: {}", name, queue.name(),
                wanted);
        }
    }

    String name() {
        return name;
    }

    MessageEndpointFactory endpointFactory() {
        return endpointFactory;
    }

    ReliqActivationSpec spec() {
        return spec;
    }

    boolean deliveryTransacted() {
        return deliveryTransacted;
    }

    int acknowledgeMode() {
        return acknowledgeMode;
    }

    Duration setupInterval() {
        return setupInterval;
    }

    /** For log lines: "queue orders", or "topic prices (subscription audit)". */
    String describeDestination() {
        String destination = ReliqActivationSpec.blank(spec.getDestination()) ? spec.getDestinationLookup() : spec.getDestination();
        return spec.isTopic() ? "topic " + destination + " (subscription " + subscriptionName + ")" : "queue " + destination;
    }

    static void closeQuietly(Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (JMSException | RuntimeException e) {
            log.debug("Closing a connection failed", e);
        }
    }
}
