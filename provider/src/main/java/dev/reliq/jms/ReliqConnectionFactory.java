package dev.reliq.jms;

import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.naming.RefAddr;
import javax.naming.Reference;
import javax.naming.Referenceable;
import javax.naming.StringRefAddr;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.QueueConnection;
import jakarta.jms.QueueConnectionFactory;
import jakarta.jms.TopicConnection;
import jakarta.jms.TopicConnectionFactory;

import dev.reliq.queue.InvalidRedisUriException;

/**
 * The reliq connection factory: every connection it makes talks to the Redis named by its URL.
 *
 * <pre>{@code
 * ConnectionFactory factory = new ReliqConnectionFactory("redis://localhost:6379?visibilityTimeout=30s&maxDeliveries=5");
 * try (JMSContext context = factory.createContext()) {
 *     context.createProducer().send(context.createQueue("orders"), "order 42");
 * }
 * }</pre>
 *
 * <p>It is a JavaBean for JNDI, Spring and application servers: {@link #setUrl} plus one setter
 * per URI option; a property set on the bean wins over the same option in the URL. Options
 * (defaults in docs/configuration.md): {@code clientID}, {@code prefetch} (16), {@code maxLease}
 * (30m), {@code objectMessageAllowList}, the queue defaults {@code visibilityTimeout} (30s),
 * {@code maxDeliveries} (10), {@code redeliveryDelay} (0), {@code redeliveryMultiplier} (2),
 * {@code maxRedeliveryDelay} (5m), {@code redeliveryJitter} (0), and the client and connection
 * options of {@link dev.reliq.queue.QueueClientOptions} and {@link dev.reliq.queue.RedisUri}.
 * Durations are written {@code 30s}, {@code 500ms} or in plain milliseconds.
 *
 * <p>{@code createConnection(user, password)} authenticates to Redis as that ACL user; wrong
 * credentials fail right there with a {@link jakarta.jms.JMSSecurityException}.
 */
public class ReliqConnectionFactory implements ConnectionFactory, QueueConnectionFactory, TopicConnectionFactory,
        Serializable, javax.naming.Referenceable {

    private static final long serialVersionUID = 1L;

    /** Where the factory connects when no URL is set. */
    public static final String DEFAULT_URL = "redis://localhost:6379";

    private String url = DEFAULT_URL;
    private final Map<String, String> options = new LinkedHashMap<>();
    private String user;
    private String password;

    public ReliqConnectionFactory() {
    }

    /**
     * @throws IllegalArgumentException ({@link InvalidRedisUriException}) for a malformed URL
     */
    public ReliqConnectionFactory(String url) {
        setUrl(url);
    }

    // ------------------------------------------------------------------ connections

    @Override
    public Connection createConnection() throws JMSException {
        return createConnection(user, password);
    }

    @Override
    public Connection createConnection(String userName, String userPassword) throws JMSException {
        ConnectionSettings base = settings();
        ConnectionSettings settings = userName == null && userPassword == null ? base
            : base.withCredentials(userName, userPassword);
        return ReliqConnection.open(settings);
    }

    @Override
    public QueueConnection createQueueConnection() throws JMSException {
        return (QueueConnection) createConnection();
    }

    @Override
    public QueueConnection createQueueConnection(String userName, String userPassword) throws JMSException {
        return (QueueConnection) createConnection(userName, userPassword);
    }

    @Override
    public TopicConnection createTopicConnection() throws JMSException {
        return (TopicConnection) createConnection();
    }

    @Override
    public TopicConnection createTopicConnection(String userName, String userPassword) throws JMSException {
        return (TopicConnection) createConnection(userName, userPassword);
    }

    @Override
    public JMSContext createContext() {
        return createContext(user, password, JMSContext.AUTO_ACKNOWLEDGE);
    }

    @Override
    public JMSContext createContext(int sessionMode) {
        return createContext(user, password, sessionMode);
    }

    @Override
    public JMSContext createContext(String userName, String userPassword) {
        return createContext(userName, userPassword, JMSContext.AUTO_ACKNOWLEDGE);
    }

    @Override
    public JMSContext createContext(String userName, String userPassword, int sessionMode) {
        ReliqContext.checkSessionMode(sessionMode);
        try {
            return ReliqContext.create((ReliqConnection) createConnection(userName, userPassword), sessionMode);
        } catch (JMSException e) {
            throw JmsExceptions.toRuntime(e);
        }
    }

    /** The settings the next connection will use. */
    ConnectionSettings settings() throws JMSException {
        try {
            return ConnectionSettings.parse(effectiveUrl());
        } catch (IllegalArgumentException e) {
            throw JmsExceptions.invalidConfiguration(e);
        }
    }

    /** The URL with the bean's own options merged in (the bean's win). */
    String effectiveUrl() {
        if (options.isEmpty()) {
            return url;
        }
        int query = url.indexOf('?');
        Map<String, String> merged = new LinkedHashMap<>();
        String base = url;
        if (query >= 0) {
            base = url.substring(0, query);
            for (String pair : url.substring(query + 1).split("&")) {
                if (!pair.isEmpty()) {
                    int eq = pair.indexOf('=');
                    merged.put(eq < 0 ? pair : pair.substring(0, eq), eq < 0 ? "" : pair.substring(eq + 1));
                }
            }
        }
        options.forEach((name, value) -> merged.put(name, URLEncoder.encode(value, StandardCharsets.UTF_8)
            .replace("+", "%20")));
        StringBuilder result = new StringBuilder(base).append('?');
        merged.forEach((name, value) -> result.append(name).append('=').append(value).append('&'));
        result.setLength(result.length() - 1);
        return result.toString();
    }

    // ------------------------------------------------------------------ bean properties

    public String getUrl() {
        return url;
    }

    /**
     * The Redis URL, e.g. {@code redis://user:secret@host:6379/0?visibilityTimeout=30s}; see
     * docs/configuration.md for the forms ({@code rediss://}, Sentinel, Cluster) and options.
     *
     * @throws IllegalArgumentException ({@link InvalidRedisUriException}) for a malformed URL or an unknown option
     */
    public void setUrl(String url) {
        ConnectionSettings.parse(url); // fail now, with the reason, rather than at createConnection
        this.url = url;
    }

    /** The Redis user for connections made without credentials (default: none, or the URL's). */
    public String getUser() {
        return user;
    }

    public void setUser(String user) {
        this.user = user;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    private void option(String name, Object value) {
        if (value == null) {
            options.remove(name);
        } else {
            options.put(name, String.valueOf(value));
        }
        try {
            ConnectionSettings.parse(effectiveUrl());
        } catch (IllegalArgumentException e) {
            options.remove(name);
            throw e;
        }
    }

    private String option(String name) {
        return options.get(name);
    }

    /** The client identifier of connections (default: none; JMS then allows setClientID once). */
    public void setClientID(String value) {
        option("clientID", value);
    }

    public String getClientID() {
        return option("clientID");
    }

    /** How many messages a consumer takes from Redis at a time, and holds (default 16). */
    public void setPrefetch(int value) {
        option("prefetch", value);
    }

    /** How long a held message's lease is renewed at most (default 30m). */
    public void setMaxLease(String value) {
        option("maxLease", value);
    }

    /**
     * Classes ObjectMessage may deserialize besides the JDK value types: comma-separated
     * {@code com.example.Order}, {@code com.example.*} (a package) or {@code com.example.**}
     * (with sub-packages).
     */
    public void setObjectMessageAllowList(String value) {
        option("objectMessageAllowList", value);
    }

    /** Visibility timeout of queues these connections create (default 30s). */
    public void setVisibilityTimeout(String value) {
        option("visibilityTimeout", value);
    }

    /** Deliveries before dead-lettering, for queues these connections create (default 10). */
    public void setMaxDeliveries(int value) {
        option("maxDeliveries", value);
    }

    /** Redelivery delay after a failure, for queues these connections create (default 0). */
    public void setRedeliveryDelay(String value) {
        option("redeliveryDelay", value);
    }

    /** Growth of the redelivery delay per delivery (default 2). */
    public void setRedeliveryMultiplier(double value) {
        option("redeliveryMultiplier", value);
    }

    /** Cap of the redelivery delay (default 5m). */
    public void setMaxRedeliveryDelay(String value) {
        option("maxRedeliveryDelay", value);
    }

    /** Spread of the redelivery delay, 0 to 1 (default 0). */
    public void setRedeliveryJitter(double value) {
        option("redeliveryJitter", value);
    }

    /** First part of every Redis key (default {@code reliq}). */
    public void setKeyPrefix(String value) {
        option("keyPrefix", value);
    }

    /** Longest wait between checks of an idle queue (default 1s). */
    public void setPollInterval(String value) {
        option("pollInterval", value);
    }

    /** Largest message accepted, in bytes or with KiB/MiB (default 1MiB). */
    public void setMaxMessageSize(String value) {
        option("maxMessageSize", value);
    }

    /** Sets any URI option by name, for options without a dedicated setter. */
    public void setOption(String name, String value) {
        option(name, value);
    }

    // ------------------------------------------------------------------ JNDI

    @Override
    public Reference getReference() {
        Reference reference = new Reference(ReliqConnectionFactory.class.getName(), ReliqObjectFactory.class.getName(), null);
        reference.add(new StringRefAddr("url", url));
        options.forEach((name, value) -> reference.add(new StringRefAddr("option." + name, value)));
        if (user != null) {
            reference.add(new StringRefAddr("user", user));
        }
        if (password != null) {
            reference.add(new StringRefAddr("password", password));
        }
        return reference;
    }

    static ReliqConnectionFactory fromReference(Reference reference) {
        ReliqConnectionFactory factory = new ReliqConnectionFactory((String) reference.get("url").getContent());
        Enumeration<RefAddr> all = reference.getAll();
        while (all.hasMoreElements()) {
            RefAddr addr = all.nextElement();
            String type = addr.getType();
            if (type.startsWith("option.")) {
                factory.option(type.substring("option.".length()), (String) addr.getContent());
            } else if (type.equals("user")) {
                factory.user = (String) addr.getContent();
            } else if (type.equals("password")) {
                factory.password = (String) addr.getContent();
            }
        }
        return factory;
    }

    @Override
    public String toString() {
        try {
            return "ReliqConnectionFactory[" + ConnectionSettings.parse(effectiveUrl()).uri().redacted() + "]";
        } catch (IllegalArgumentException e) {
            return "ReliqConnectionFactory[invalid URL]";
        }
    }
}
