package dev.reliq.ra;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageListener;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.UnavailableException;
import jakarta.resource.spi.endpoint.MessageEndpoint;
import jakarta.resource.spi.work.Work;

import dev.reliq.jms.ReliqConnection;
import dev.reliq.jms.ReliqQueue;
import dev.reliq.jms.ReliqSession;

/**
 * One of an activation's parallel sessions, run as a piece of work by the container. It
 * receives one message at a time and hands it to its endpoint (a bean instance):
 * <ul>
 *   <li>transacted delivery (container-managed {@code REQUIRED}): the session is transacted and
 *       its {@link ReliqXAResource} joins the container's transaction, so the message is
 *       acknowledged when the transaction commits and comes back, with its delivery counted
 *       and the queue's redelivery delay applied, when it rolls back;</li>
 *   <li>otherwise: the message is acknowledged when {@code onMessage} returns and given back
 *       when it throws.</li>
 * </ul>
 * While a message is held, the connection renews its lease, so a slow {@code onMessage} is not
 * overtaken by a redelivery. When Redis cannot be reached, the session closes everything, waits
 * {@code setupInterval} and starts again, up to {@code setupAttempts} times in a row.
 */
final class EndpointSession implements Work, TransactionalWork {

    private static final Logger log = LoggerFactory.getLogger(EndpointSession.class);
    private static final long RECEIVE_TIMEOUT_MS = 1000;

    private final EndpointActivation activation;
    private final String name;
    private final ReliqXAResource xaResource;
    private final Object pause = new Object();
    private volatile boolean stopping;
    private volatile boolean deliveryFailed;
    private int failuresInARow;

    private volatile ReliqConnection connection;
    private ReliqSession session;
    private MessageConsumer consumer;
    private MessageEndpoint endpoint;

    EndpointSession(EndpointActivation activation, int number) {
        this.activation = activation;
        this.name = activation.name() + "#" + number;
        this.xaResource = activation.deliveryTransacted() ? new ReliqXAResource(this) : null;
    }

    @Override
    public void run() {
        try {
            deliverUntilStopped();
        } finally {
            closeSession();
            if (endpoint != null) {
                endpoint.release();
            }
            activation.sessionFinished();
        }
    }

    private void deliverUntilStopped() {
        int failures = 0;
        while (!stopping) {
            try {
                if (consumer == null) {
                    openSession();
                }
                Message message = consumer.receive(RECEIVE_TIMEOUT_MS);
                failures = 0;
                if (message != null) {
                    deliver(message);
                }
            } catch (JMSException | RuntimeException e) {
                if (stopping) {
                    break;
                }
                failures++;
                closeSession();
                Integer attempts = activation.spec().getSetupAttempts();
                if (attempts != null && attempts >= 0 && failures > attempts) {
                    log.error("reliq: {} gives up after {} failed attempt(s) to reach {}; redeploy to try again",
                        name, failures, activation.describeDestination(), e);
                    break;
                }
                log.warn("reliq: {} cannot receive from {} ({}); trying again in {}", name,
                    activation.describeDestination(), e.getMessage(), activation.setupInterval());
                pause(activation.setupInterval());
            }
        }
    }

    private void openSession() throws JMSException {
        ReliqConnection opened = activation.connect();
        try {
            ReliqSession s = (ReliqSession) (activation.deliveryTransacted()
                ? opened.createSession(Session.SESSION_TRANSACTED)
                : opened.createSession(Session.CLIENT_ACKNOWLEDGE));
            String selector = activation.spec().getMessageSelector();
            selector = ReliqActivationSpec.blank(selector) ? null : selector;
            if (activation.spec().isTopic()) {
                // every session of the activation shares one subscription, so each message is processed once
                consumer = s.createSharedConsumer(s.createTopic(activation.queueName()), activation.subscriptionClientId(),
                    activation.subscriptionName(), selector, activation.spec().isDurable());
            } else {
                consumer = s.createConsumer(new ReliqQueue(activation.queueName()), selector);
            }
            session = s;
            connection = opened;
            opened.start();
        } catch (JMSException | RuntimeException e) {
            consumer = null;
            session = null;
            EndpointActivation.closeQuietly(opened);
            throw e;
        }
    }

    private void deliver(Message message) throws JMSException {
        MessageEndpoint target = endpoint();
        if (target == null) {
            // stopping while the application was not ready: the message goes back with the session
            return;
        }
        boolean failed = false;
        try {
            target.beforeDelivery(EndpointActivation.ON_MESSAGE);
        } catch (NoSuchMethodException | ResourceException e) {
            throw deliveryFailure("beforeDelivery", e);
        }
        deliveryFailed = false;
        try {
            ((MessageListener) target).onMessage(message);
        } catch (RuntimeException | Error e) {
            failed = true;
            deliveryFailed = true;
            log.warn("reliq: {}: onMessage threw for message {} (delivery {}); it goes back to the queue, or to the"
                + " dead-letter queue after maxDeliveries", name, message.getJMSMessageID(),
                message.getIntProperty("JMSXDeliveryCount"), e);
        } finally {
            try {
                target.afterDelivery();
            } catch (ResourceException e) {
                failed = true;
                log.warn("reliq: {}: completing the delivery of message {} failed; it will be delivered again", name,
                    message.getJMSMessageID(), e);
            }
        }
        settleIfTheContainerDidNot(message, failed);
        // back off after failures in a row (a bean being undeployed fails every delivery at once),
        // so the messages are not run through their deliveries in a tight loop
        failuresInARow = failed ? failuresInARow + 1 : 0;
        if (failuresInARow > 1) {
            pause(Duration.ofMillis(Math.min(activation.setupInterval().toMillis(), 25L << Math.min(failuresInARow, 10))));
        }
    }

    /**
     * In transacted delivery the container's transaction settles the message through the
     * XAResource; when it did not take part (or without a transaction), the outcome of
     * {@code onMessage} decides here.
     */
    private void settleIfTheContainerDidNot(Message message, boolean failed) throws JMSException {
        if (activation.deliveryTransacted()) {
            if (session.hasTransactionWork()) {
                if (failed) {
                    session.rollback();
                } else {
                    session.commit();
                }
            }
        } else if (failed) {
            session.recover();
        } else {
            message.acknowledge();
        }
    }

    /** The bean instance this session delivers to, created once; null when stopping before the application was ready. */
    private MessageEndpoint endpoint() throws JMSException {
        while (endpoint == null && !stopping) {
            try {
                endpoint = activation.endpointFactory().createEndpoint(xaResource);
            } catch (UnavailableException e) {
                log.debug("reliq: {}: endpoint not available yet ({}); trying again", name, e.getMessage());
                pause(activation.setupInterval());
            }
        }
        return endpoint;
    }

    private static JMSException deliveryFailure(String step, Exception cause) {
        JMSException e = new JMSException("reliq: " + step + " failed: " + cause.getMessage());
        e.initCause(cause);
        return e;
    }

    private void closeSession() {
        ReliqConnection c = connection;
        consumer = null;
        session = null;
        connection = null;
        // closing the connection gives back the prefetched and unsettled messages at once
        EndpointActivation.closeQuietly(c);
    }

    private void pause(Duration duration) {
        synchronized (pause) {
            if (stopping) {
                return;
            }
            try {
                pause.wait(Math.max(1, duration.toMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stopping = true;
            }
        }
    }

    /** Asks the session to stop after the message in hand; see {@link EndpointActivation#stop()}. */
    void stop() {
        stopping = true;
        synchronized (pause) {
            pause.notifyAll();
        }
    }

    @Override
    public void release() {
        stop();
    }

    // ------------------------------------------------------------------ TransactionalWork

    @Override
    public ReliqSession transactedSession() {
        return session;
    }

    @Override
    public boolean rollbackOnly() {
        return deliveryFailed;
    }

    @Override
    public ReliqConnection connection() {
        return connection;
    }
}
