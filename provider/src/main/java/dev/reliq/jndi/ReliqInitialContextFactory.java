package dev.reliq.jndi;

import java.util.Hashtable;

import javax.naming.ConfigurationException;
import javax.naming.Context;
import javax.naming.NamingException;
import javax.naming.spi.InitialContextFactory;

/**
 * A JNDI initial context that holds reliq connection factories, queues and topics described by
 * the context's environment, usually a {@code jndi.properties} file on the class path:
 *
 * <pre>
 * java.naming.factory.initial = dev.reliq.jndi.ReliqInitialContextFactory
 *
 * # connectionFactory.&lt;JNDI name&gt; = &lt;Redis URI&gt;
 * connectionFactory.orders = redis://app:s3cret@redis.internal:6379?clientID=billing&amp;visibilityTimeout=1m
 *
 * # queue.&lt;JNDI name&gt; = &lt;queue name in Redis&gt;, topic.&lt;JNDI name&gt; = &lt;topic name&gt;
 * queue.incoming = orders.incoming
 * topic.prices   = prices
 * </pre>
 *
 * <pre>{@code
 * Context jndi = new InitialContext();
 * ConnectionFactory factory = (ConnectionFactory) jndi.lookup("orders");
 * Queue incoming = (Queue) jndi.lookup("incoming");
 * }</pre>
 *
 * <ul>
 * <li>{@code connectionFactory.<name> = <uri>} binds a {@link dev.reliq.jms.ReliqConnectionFactory}
 *     for that URI under {@code <name>}. The URI carries every setting, credentials included
 *     ({@code redis://user:password@host}); there are no separate credential entries, because
 *     JNDI names may contain dots. Connections can also be given credentials with
 *     {@code createConnection(user, password)}.</li>
 * <li>{@code queue.<name> = <physical name>} binds a {@link dev.reliq.jms.ReliqQueue};
 *     {@code topic.<name> = <physical name>} binds a {@link dev.reliq.jms.ReliqTopic}.</li>
 * <li>The three prefixes are matched whatever their case ({@code connectionfactory.},
 *     {@code Queue.}); the names after them are kept exactly as written and may contain dots and
 *     slashes. Values are trimmed.</li>
 * <li>{@code dynamicQueues/<physical name>} and {@code dynamicTopics/<physical name>} can be
 *     looked up without any entry.</li>
 * <li>When there is no {@code connectionFactory.} entry at all, {@code ConnectionFactory},
 *     {@code QueueConnectionFactory} and {@code TopicConnectionFactory} are bound to the URI in
 *     {@code java.naming.provider.url}, or to {@code redis://localhost:6379} without one. That
 *     property is ignored once any factory is configured.</li>
 * </ul>
 *
 * <p>Mistakes are reported when the context is created, by {@code new InitialContext()}, with a
 * {@link ConfigurationException} that names the entry and says what is wrong: a malformed URI or
 * unknown URI option (passwords shown as {@code ***}), an empty name or physical name, or two
 * entries for one name.
 *
 * <p>The context is read-only: binding, renaming and subcontexts throw
 * {@link javax.naming.OperationNotSupportedException}. Its objects are made once, when the
 * context is created, so every lookup of a name returns the same object. Changing the
 * environment afterwards does not change the bindings; create a new {@code InitialContext}.
 */
public class ReliqInitialContextFactory implements InitialContextFactory {

    /** Prefix of entries that bind a connection factory; matched whatever its case. */
    public static final String CONNECTION_FACTORY_PREFIX = "connectionFactory.";

    /** Prefix of entries that bind a queue; matched whatever its case. */
    public static final String QUEUE_PREFIX = "queue.";

    /** Prefix of entries that bind a topic; matched whatever its case. */
    public static final String TOPIC_PREFIX = "topic.";

    /** Prefix of names that look up a queue by its physical name, without configuration. */
    public static final String DYNAMIC_QUEUES = "dynamicQueues/";

    /** Prefix of names that look up a topic by its physical name, without configuration. */
    public static final String DYNAMIC_TOPICS = "dynamicTopics/";

    /**
     * @throws ConfigurationException when an entry cannot be bound; the message names the entry
     */
    @Override
    public Context getInitialContext(Hashtable<?, ?> environment) throws NamingException {
        Hashtable<Object, Object> copy = new Hashtable<>();
        if (environment != null) {
            copy.putAll(environment);
        }
        return new ReadOnlyContext(JndiBindings.from(copy), copy);
    }
}
