package dev.reliq.ra;

import java.io.Serializable;
import java.time.Duration;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.jms.Session;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.InvalidPropertyException;
import jakarta.resource.spi.ResourceAdapter;

import dev.reliq.queue.Durations;

/**
 * How a message-driven bean is fed: set through {@code @ActivationConfigProperty} or the
 * {@code activation-config} of a deployment descriptor.
 *
 * <p>Standard properties: {@code destination} (the queue's name in Redis) or
 * {@code destinationLookup} (the JNDI name of a Queue), {@code destinationType}
 * ({@code jakarta.jms.Queue}), {@code messageSelector}, {@code acknowledgeMode}
 * ({@code Auto-acknowledge} or {@code Dups-ok-acknowledge}; used when the container does not
 * deliver in a transaction), {@code subscriptionDurability}, {@code subscriptionName},
 * {@code clientId} and {@code connectionFactoryLookup}.
 *
 * <p>Operational: {@code maxSession} (default 10) messages are processed in parallel, each
 * session with a connection of its own; when Redis cannot be reached, a session tries again
 * every {@code setupInterval} (default 2s), {@code setupAttempts} times (default -1: for ever),
 * so delivery resumes by itself after an outage; {@code user} and {@code password} for a Redis
 * ACL user.
 *
 * <p>reliq's: {@code url} (default: the resource adapter's), {@code prefetch} (default 1 here,
 * so parallel sessions share the work), and the queue attributes {@code visibilityTimeout},
 * {@code maxDeliveries}, {@code redeliveryDelay}, {@code redeliveryMultiplier},
 * {@code maxRedeliveryDelay} and {@code deadLetterQueue}: those set are written to the queue's
 * attributes in Redis when the bean is activated, so they apply to every consumer of the queue.
 *
 * <p>Dead-letter properties of other adapters ({@code useDLQ}, {@code DLQHandler},
 * {@code DLQJNDIName}, {@code DLQMaxResent}, {@code DLQUser}, {@code DLQPassword},
 * {@code DLQClientID}) are accepted and ignored with a log line: reliq moves a message to the
 * queue's dead-letter queue itself after {@code maxDeliveries}.
 */
public class ReliqActivationSpec implements ActivationSpec, Serializable {

    private static final long serialVersionUID = 1L;
    private static final Logger log = LoggerFactory.getLogger(ReliqActivationSpec.class);

    private transient ResourceAdapter resourceAdapter;

    private String destination;
    private String destinationLookup;
    private String destinationType = "jakarta.jms.Queue";
    private String messageSelector;
    private String acknowledgeMode = "Auto-acknowledge";
    private String subscriptionDurability = "NonDurable";
    private String subscriptionName;
    private String clientId;
    private String connectionFactoryLookup;
    private Integer maxSession = 10;
    private Integer setupAttempts = -1;
    private String setupInterval = "2s";
    private String user;
    private String password;
    private String url;
    private Integer prefetch = 1;
    private String visibilityTimeout;
    private Integer maxDeliveries;
    private String redeliveryDelay;
    private Double redeliveryMultiplier;
    private String maxRedeliveryDelay;
    private String deadLetterQueue;

    @Override
    public void validate() throws InvalidPropertyException {
        if (blank(destination) && blank(destinationLookup)) {
            throw new InvalidPropertyException("reliq activation: set 'destination' (the queue's or topic's name) or"
                + " 'destinationLookup' (the JNDI name of a Queue or Topic)");
        }
        if (!isQueue() && !isTopic()) {
            throw new InvalidPropertyException("reliq activation: destinationType '" + destinationType
                + "' is neither jakarta.jms.Queue nor jakarta.jms.Topic");
        }
        sessionAcknowledgeMode();
        if (isTopic()) {
            String durability = subscriptionDurability == null ? "NonDurable" : subscriptionDurability.trim();
            if (!durability.equalsIgnoreCase("Durable") && !durability.equalsIgnoreCase("NonDurable")) {
                throw new InvalidPropertyException("reliq activation: subscriptionDurability must be Durable or"
                    + " NonDurable, not '" + subscriptionDurability + "'");
            }
            if (isDurable() && blank(subscriptionName)) {
                throw new InvalidPropertyException("reliq activation: a Durable topic subscription needs subscriptionName");
            }
        }
        if (maxSession == null || maxSession < 1) {
            throw new InvalidPropertyException("reliq activation: maxSession must be at least 1, not " + maxSession);
        }
        if (prefetch == null || prefetch < 1) {
            throw new InvalidPropertyException("reliq activation: prefetch must be at least 1, not " + prefetch);
        }
        for (String[] d : new String[][] {{"setupInterval", setupInterval}, {"visibilityTimeout", visibilityTimeout},
                {"redeliveryDelay", redeliveryDelay}, {"maxRedeliveryDelay", maxRedeliveryDelay}}) {
            duration(d[0], d[1]);
        }
        if (maxDeliveries != null && maxDeliveries < 0) {
            throw new InvalidPropertyException("reliq activation: maxDeliveries must be 0 (no limit) or more");
        }
    }

    boolean isQueue() {
        String t = destinationType == null ? "" : destinationType.trim();
        return t.equals("jakarta.jms.Queue") || t.equals("javax.jms.Queue") || t.equalsIgnoreCase("Queue");
    }

    /** subscriptionDurability is Durable (for a topic). */
    boolean isDurable() {
        return subscriptionDurability != null && subscriptionDurability.trim().equalsIgnoreCase("Durable");
    }

    boolean isTopic() {
        String t = destinationType == null ? "" : destinationType.trim();
        return t.equals("jakarta.jms.Topic") || t.equals("javax.jms.Topic") || t.equalsIgnoreCase("Topic");
    }

    /** The session mode for deliveries outside a transaction. */
    int sessionAcknowledgeMode() throws InvalidPropertyException {
        String m = acknowledgeMode == null ? "" : acknowledgeMode.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        return switch (m) {
            case "auto-acknowledge", "" -> Session.AUTO_ACKNOWLEDGE;
            case "dups-ok-acknowledge" -> Session.DUPS_OK_ACKNOWLEDGE;
            default -> throw new InvalidPropertyException("reliq activation: acknowledgeMode '" + acknowledgeMode
                + "' is not Auto-acknowledge or Dups-ok-acknowledge");
        };
    }

    /** A duration property: "30s", "500ms", "2m", or a number of milliseconds; null when unset. */
    static Duration duration(String name, String value) throws InvalidPropertyException {
        if (blank(value)) {
            return null;
        }
        try {
            return Durations.parse(name, value.trim());
        } catch (RuntimeException e) {
            InvalidPropertyException ipe = new InvalidPropertyException("reliq activation: " + e.getMessage());
            ipe.initCause(e);
            throw ipe;
        }
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static void ignored(String name) {
        log.info("reliq activation: property '{}' of another adapter is ignored; reliq moves a message to the queue's"
            + " dead-letter queue after maxDeliveries (see the deadLetterQueue and maxDeliveries properties)", name);
    }

    @Override
    public ResourceAdapter getResourceAdapter() {
        return resourceAdapter;
    }

    @Override
    public void setResourceAdapter(ResourceAdapter ra) throws ResourceException {
        this.resourceAdapter = ra;
    }

    // ------------------------------------------------------------------ standard properties

    public String getDestination() { return destination; }
    public void setDestination(String v) { destination = v; }
    public String getDestinationLookup() { return destinationLookup; }
    public void setDestinationLookup(String v) { destinationLookup = v; }
    public String getDestinationType() { return destinationType; }
    public void setDestinationType(String v) { destinationType = v; }
    public String getMessageSelector() { return messageSelector; }
    public void setMessageSelector(String v) { messageSelector = v; }
    public String getAcknowledgeMode() { return acknowledgeMode; }
    public void setAcknowledgeMode(String v) { acknowledgeMode = v; }
    public String getSubscriptionDurability() { return subscriptionDurability; }
    public void setSubscriptionDurability(String v) { subscriptionDurability = v; }
    public String getSubscriptionName() { return subscriptionName; }
    public void setSubscriptionName(String v) { subscriptionName = v; }
    public String getClientId() { return clientId; }
    public void setClientId(String v) { clientId = v; }
    public String getConnectionFactoryLookup() { return connectionFactoryLookup; }
    public void setConnectionFactoryLookup(String v) { connectionFactoryLookup = v; }

    // ------------------------------------------------------------------ operational properties

    public Integer getMaxSession() { return maxSession; }
    public void setMaxSession(Integer v) { maxSession = v; }
    public Integer getSetupAttempts() { return setupAttempts; }
    public void setSetupAttempts(Integer v) { setupAttempts = v; }
    public String getSetupInterval() { return setupInterval; }
    public void setSetupInterval(String v) { setupInterval = v; }
    public String getUser() { return user; }
    public void setUser(String v) { user = v; }
    public String getPassword() { return password; }
    public void setPassword(String v) { password = v; }

    // ------------------------------------------------------------------ reliq's properties

    public String getUrl() { return url; }
    public void setUrl(String v) { url = v; }
    public Integer getPrefetch() { return prefetch; }
    public void setPrefetch(Integer v) { prefetch = v; }
    public String getVisibilityTimeout() { return visibilityTimeout; }
    public void setVisibilityTimeout(String v) { visibilityTimeout = v; }
    public Integer getMaxDeliveries() { return maxDeliveries; }
    public void setMaxDeliveries(Integer v) { maxDeliveries = v; }
    public String getRedeliveryDelay() { return redeliveryDelay; }
    public void setRedeliveryDelay(String v) { redeliveryDelay = v; }
    public Double getRedeliveryMultiplier() { return redeliveryMultiplier; }
    public void setRedeliveryMultiplier(Double v) { redeliveryMultiplier = v; }
    public String getMaxRedeliveryDelay() { return maxRedeliveryDelay; }
    public void setMaxRedeliveryDelay(String v) { maxRedeliveryDelay = v; }
    public String getDeadLetterQueue() { return deadLetterQueue; }
    public void setDeadLetterQueue(String v) { deadLetterQueue = v; }

    // ------------------------------------------------------------------ other adapters' DLQ properties

    public void setUseDLQ(Boolean v) { ignored("useDLQ"); }
    public Boolean getUseDLQ() { return null; }
    public void setDLQHandler(String v) { ignored("DLQHandler"); }
    public String getDLQHandler() { return null; }
    public void setDLQJNDIName(String v) { ignored("DLQJNDIName"); }
    public String getDLQJNDIName() { return null; }
    public void setDLQMaxResent(Integer v) { ignored("DLQMaxResent"); }
    public Integer getDLQMaxResent() { return null; }
    public void setDLQUser(String v) { ignored("DLQUser"); }
    public String getDLQUser() { return null; }
    public void setDLQPassword(String v) { ignored("DLQPassword"); }
    public String getDLQPassword() { return null; }
    public void setDLQClientID(String v) { ignored("DLQClientID"); }
    public String getDLQClientID() { return null; }

    @Override
    public String toString() {
        return "ReliqActivationSpec[destination=" + (blank(destination) ? destinationLookup : destination)
            + ", type=" + destinationType + ", maxSession=" + maxSession + ", url=" + RedactedUrl.of(url) + "]";
    }
}
