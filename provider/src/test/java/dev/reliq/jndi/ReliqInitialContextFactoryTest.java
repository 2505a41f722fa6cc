package dev.reliq.jndi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.Writer;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import javax.naming.Binding;
import javax.naming.CompositeName;
import javax.naming.ConfigurationException;
import javax.naming.Context;
import javax.naming.InitialContext;
import javax.naming.Name;
import javax.naming.NameClassPair;
import javax.naming.NameNotFoundException;
import javax.naming.NamingException;
import javax.naming.NotContextException;
import javax.naming.OperationNotSupportedException;

import jakarta.jms.Queue;
import jakarta.jms.Topic;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.reliq.jms.ReliqConnectionFactory;
import dev.reliq.jms.ReliqQueue;
import dev.reliq.jms.ReliqTopic;

class ReliqInitialContextFactoryTest {

    private static final String SECRET = "Sup3rSecret";

    private static Context context(String... keysAndValues) throws NamingException {
        Hashtable<String, Object> environment = new Hashtable<>();
        environment.put(Context.INITIAL_CONTEXT_FACTORY, ReliqInitialContextFactory.class.getName());
        for (int i = 0; i < keysAndValues.length; i += 2) {
            environment.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return new InitialContext(environment);
    }

    @Nested
    class ConnectionFactories {

        @Test
        void connectionFactoryEntryBindsAFactoryForItsUri() throws NamingException {
            Context jndi = context("connectionFactory.orders", "redis://redis.internal:6380/2?clientID=billing");

            Object factory = jndi.lookup("orders");

            assertThat(factory).isInstanceOf(ReliqConnectionFactory.class);
            assertThat(((ReliqConnectionFactory) factory).getUrl()).isEqualTo("redis://redis.internal:6380/2?clientID=billing");
        }

        @ParameterizedTest
        @ValueSource(strings = {"connectionFactory.", "connectionfactory.", "ConnectionFactory.", "CONNECTIONFACTORY."})
        void connectionFactoryPrefixIsMatchedWhateverItsCase(String prefix) throws NamingException {
            Context jndi = context(prefix + "orders", "redis://localhost:6380");

            assertThat(jndi.lookup("orders")).isInstanceOf(ReliqConnectionFactory.class);
        }

        @Test
        void factoryNamesMayContainDotsAndSlashes() throws NamingException {
            Context jndi = context("connectionFactory.jms/billing.eu", "redis://eu:6379",
                "connectionFactory.billing.user", "redis://user:6379");

            assertThat(((ReliqConnectionFactory) jndi.lookup("jms/billing.eu")).getUrl()).isEqualTo("redis://eu:6379");
            assertThat(((ReliqConnectionFactory) jndi.lookup("billing.user")).getUrl()).isEqualTo("redis://user:6379");
        }

        @Test
        void surroundingBlanksOfAUriAreIgnored() throws NamingException {
            Context jndi = context("connectionFactory.orders", "  redis://localhost:6380 ");

            assertThat(((ReliqConnectionFactory) jndi.lookup("orders")).getUrl()).isEqualTo("redis://localhost:6380");
        }

        @Test
        void everyLookupOfANameReturnsTheSameFactory() throws NamingException {
            Context jndi = context("connectionFactory.orders", "redis://localhost:6380");

            assertThat(jndi.lookup("orders")).isSameAs(jndi.lookup("orders"));
        }
    }

    @Nested
    class DefaultFactories {

        @Test
        void withoutFactoryEntriesTheThreeDefaultFactoriesUseTheProviderUrl() throws NamingException {
            Context jndi = context(Context.PROVIDER_URL, "redis://redis.internal:6380?keyPrefix=shop",
                "queue.incoming", "orders");

            for (String name : List.of("ConnectionFactory", "QueueConnectionFactory", "TopicConnectionFactory")) {
                assertThat(((ReliqConnectionFactory) jndi.lookup(name)).getUrl())
                    .as(name).isEqualTo("redis://redis.internal:6380?keyPrefix=shop");
            }
        }

        @Test
        void withoutProviderUrlTheDefaultFactoriesUseLocalhost() throws NamingException {
            Context jndi = context();

            assertThat(((ReliqConnectionFactory) jndi.lookup("ConnectionFactory")).getUrl())
                .isEqualTo("redis://localhost:6379");
        }

        @Test
        void defaultFactoriesAreNotBoundOnceAFactoryIsConfigured() throws NamingException {
            Context jndi = context(Context.PROVIDER_URL, "redis://ignored:6379",
                "connectionFactory.orders", "redis://localhost:6380");

            assertThatThrownBy(() -> jndi.lookup("ConnectionFactory")).isInstanceOf(NameNotFoundException.class);
            assertThatThrownBy(() -> jndi.lookup("QueueConnectionFactory")).isInstanceOf(NameNotFoundException.class);
            assertThatThrownBy(() -> jndi.lookup("TopicConnectionFactory")).isInstanceOf(NameNotFoundException.class);
        }
    }

    @Nested
    class Destinations {

        @Test
        void queueAndTopicEntriesBindDestinationsWithTheirPhysicalNames() throws Exception {
            Context jndi = context("queue.incoming", "orders.incoming", "topic.prices", "market.prices");

            assertThat(jndi.lookup("incoming")).isEqualTo(new ReliqQueue("orders.incoming"));
            assertThat(((Queue) jndi.lookup("incoming")).getQueueName()).isEqualTo("orders.incoming");
            assertThat(jndi.lookup("prices")).isEqualTo(new ReliqTopic("market.prices"));
            assertThat(((Topic) jndi.lookup("prices")).getTopicName()).isEqualTo("market.prices");
        }

        @ParameterizedTest
        @ValueSource(strings = {"queue.", "Queue.", "QUEUE."})
        void queuePrefixIsMatchedWhateverItsCase(String prefix) throws NamingException {
            Context jndi = context(prefix + "incoming", "orders");

            assertThat(jndi.lookup("incoming")).isEqualTo(new ReliqQueue("orders"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"topic.", "Topic.", "TOPIC."})
        void topicPrefixIsMatchedWhateverItsCase(String prefix) throws NamingException {
            Context jndi = context(prefix + "prices", "prices");

            assertThat(jndi.lookup("prices")).isEqualTo(new ReliqTopic("prices"));
        }

        @Test
        void namesAfterThePrefixKeepTheirCase() throws NamingException {
            Context jndi = context("queue.Incoming", "orders");

            assertThatThrownBy(() -> jndi.lookup("incoming")).isInstanceOf(NameNotFoundException.class);
            assertThat(jndi.lookup("Incoming")).isEqualTo(new ReliqQueue("orders"));
        }

        @Test
        void dynamicQueuesAndTopicsNeedNoEntry() throws NamingException {
            Context jndi = context();

            assertThat(jndi.lookup("dynamicQueues/orders.incoming")).isEqualTo(new ReliqQueue("orders.incoming"));
            assertThat(jndi.lookup("dynamicTopics/market/prices")).isEqualTo(new ReliqTopic("market/prices"));
        }

        @Test
        void dynamicPrefixAloneNamesNothing() throws NamingException {
            Context jndi = context();

            assertThatThrownBy(() -> jndi.lookup("dynamicQueues/")).isInstanceOf(NameNotFoundException.class);
            assertThatThrownBy(() -> jndi.lookup("dynamicTopics/")).isInstanceOf(NameNotFoundException.class);
        }
    }

    @Nested
    class Mistakes {

        @Test
        void malformedUriFailsTheNewContextNamingTheEntryButNotThePassword() {
            ConfigurationException problem = catchThrowableOfType(ConfigurationException.class,
                () -> context("connectionFactory.orders", "redis://alice:" + SECRET + "@localhost:notaport"));

            assertThat(problem.getMessage())
                .contains("'connectionFactory.orders'")
                .contains("port")
                .contains("***")
                .doesNotContain(SECRET);
            assertThat(String.valueOf(problem.getRootCause())).doesNotContain(SECRET);
        }

        @Test
        void unknownUriOptionFailsTheNewContextNamingTheEntryAndTheOption() {
            ConfigurationException problem = catchThrowableOfType(ConfigurationException.class,
                () -> context("ConnectionFactory.orders", "redis://:" + SECRET + "@localhost?visibilitytimeout=1s"));

            assertThat(problem.getMessage())
                .contains("'ConnectionFactory.orders'")
                .contains("visibilitytimeout")
                .doesNotContain(SECRET);
        }

        @Test
        void malformedProviderUrlFailsTheNewContext() {
            ConfigurationException problem = catchThrowableOfType(ConfigurationException.class,
                () -> context(Context.PROVIDER_URL, "http://localhost:8080"));

            assertThat(problem.getMessage()).contains(Context.PROVIDER_URL).contains("http://localhost:8080");
        }

        @ParameterizedTest
        @ValueSource(strings = {"connectionFactory.orders", "queue.incoming", "topic.prices"})
        void emptyValueIsRejected(String key) {
            assertThatThrownBy(() -> context(key, "  "))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("'" + key + "' is empty");
        }

        @ParameterizedTest
        @ValueSource(strings = {"connectionFactory.", "queue.", "Topic."})
        void entryWithoutANameIsRejected(String key) {
            assertThatThrownBy(() -> context(key, "value"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("'" + key + "' has no name");
        }

        @Test
        void twoEntriesForOneNameAreRejected() {
            assertThatThrownBy(() -> context("queue.orders", "orders", "topic.orders", "orders"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("'queue.orders'")
                .hasMessageContaining("'topic.orders'")
                .hasMessageContaining("'orders'");
        }

        @Test
        void entryThatClashesWithADefaultFactoryIsRejected() {
            assertThatThrownBy(() -> context("queue.ConnectionFactory", "orders"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("'queue.ConnectionFactory'")
                .hasMessageContaining("default connection factory");
        }

        @Test
        void nonTextValueIsRejected() {
            Hashtable<String, Object> environment = new Hashtable<>();
            environment.put(Context.INITIAL_CONTEXT_FACTORY, ReliqInitialContextFactory.class.getName());
            environment.put("queue.orders", 42);

            assertThatThrownBy(() -> new InitialContext(environment))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("'queue.orders'")
                .hasMessageContaining("java.lang.Integer");
        }

        @Test
        void unknownNameIsNotFoundAndNamed() throws NamingException {
            Context jndi = context("queue.incoming", "orders");

            assertThatThrownBy(() -> jndi.lookup("incomng"))
                .isInstanceOf(NameNotFoundException.class)
                .hasMessageContaining("'incomng'")
                .hasMessageContaining("incoming");
        }
    }

    @Nested
    class Namespace {

        @Test
        void nameObjectsFindTheSameBindingsAsStrings() throws NamingException {
            Context jndi = context("queue.jms/orders", "orders");
            Name parsed = jndi.getNameParser("").parse("jms/orders");

            assertThat(parsed.size()).isEqualTo(1);
            assertThat(jndi.lookup(parsed)).isEqualTo(new ReliqQueue("orders"));
            assertThat(jndi.lookup(new CompositeName("jms/orders"))).isEqualTo(new ReliqQueue("orders"));
            assertThat(jndi.lookup(new CompositeName("dynamicTopics/prices"))).isEqualTo(new ReliqTopic("prices"));
        }

        @Test
        void emptyNameLooksUpAContextOverTheSameBindings() throws NamingException {
            Context jndi = context("queue.incoming", "orders");

            Object root = jndi.lookup("");

            assertThat(root).isInstanceOf(Context.class);
            assertThat(((Context) root).lookup("incoming")).isEqualTo(new ReliqQueue("orders"));
            assertThat(((Context) root).getNameInNamespace()).isEmpty();
        }

        @Test
        void listShowsEveryConfiguredNameWithItsClass() throws NamingException {
            Context jndi = context("connectionFactory.orders", "redis://localhost:6380",
                "queue.incoming", "orders", "topic.prices", "prices");

            Map<String, String> listed = Collections.list(jndi.list("")).stream()
                .collect(Collectors.toMap(NameClassPair::getName, NameClassPair::getClassName));

            assertThat(listed).containsOnly(
                Map.entry("orders", ReliqConnectionFactory.class.getName()),
                Map.entry("incoming", ReliqQueue.class.getName()),
                Map.entry("prices", ReliqTopic.class.getName()));
        }

        @Test
        void listBindingsShowsEveryConfiguredObject() throws NamingException {
            Context jndi = context("queue.incoming", "orders", "topic.prices", "prices");

            Map<String, Object> bindings = Collections.list(jndi.listBindings("")).stream()
                .collect(Collectors.toMap(Binding::getName, Binding::getObject));

            assertThat(bindings).containsOnlyKeys("incoming", "prices",
                "ConnectionFactory", "QueueConnectionFactory", "TopicConnectionFactory");
            assertThat(bindings.get("incoming")).isSameAs(jndi.lookup("incoming"));
            assertThat(bindings.get("prices")).isEqualTo(new ReliqTopic("prices"));
        }

        @Test
        void listingABoundObjectSaysItIsNotAContext() throws NamingException {
            Context jndi = context("queue.incoming", "orders");

            assertThatThrownBy(() -> jndi.list("incoming")).isInstanceOf(NotContextException.class);
            assertThatThrownBy(() -> jndi.listBindings("missing")).isInstanceOf(NameNotFoundException.class);
        }

        @Test
        void environmentIsTheOneTheContextWasCreatedWith() throws NamingException {
            Context jndi = context("queue.incoming", "orders");

            Map<Object, Object> environment = new Hashtable<>(jndi.getEnvironment());

            assertThat(environment)
                .containsEntry("queue.incoming", "orders")
                .containsEntry(Context.INITIAL_CONTEXT_FACTORY, ReliqInitialContextFactory.class.getName());
        }

        @Test
        void namesComposeWithSlashes() throws NamingException {
            Context jndi = context();

            assertThat(jndi.getNameInNamespace()).isEmpty();
            assertThat(((Context) jndi.lookup("")).composeName("orders", "jms")).isEqualTo("jms/orders");
            assertThat(((Context) jndi.lookup("")).composeName("orders", "")).isEqualTo("orders");
        }
    }

    @Nested
    class ReadOnly {

        @Test
        void everyChangeIsRefusedWithTheName() throws NamingException {
            Context jndi = context("queue.incoming", "orders");
            Name name = new CompositeName("incoming");
            ReliqQueue queue = new ReliqQueue("other");

            List<ThrowingCall> changes = List.of(
                () -> jndi.bind("other", queue), () -> jndi.bind(name, queue),
                () -> jndi.rebind("incoming", queue), () -> jndi.rebind(name, queue),
                () -> jndi.unbind("incoming"), () -> jndi.unbind(name),
                () -> jndi.rename("incoming", "other"), () -> jndi.rename(name, new CompositeName("other")),
                () -> jndi.createSubcontext("jms"), () -> jndi.createSubcontext(new CompositeName("jms")),
                () -> jndi.destroySubcontext("jms"), () -> jndi.destroySubcontext(new CompositeName("jms")));

            for (ThrowingCall change : changes) {
                assertThatThrownBy(change::call)
                    .isInstanceOf(OperationNotSupportedException.class)
                    .hasMessageContaining("read-only")
                    .hasMessageMatching("(?s).*'(other|incoming|jms)'.*");
            }
            assertThat(jndi.lookup("incoming")).isEqualTo(new ReliqQueue("orders"));
        }
    }

    @Nested
    class JndiPropertiesFile {

        @TempDir
        Path classPathRoot;

        @Test
        void jndiPropertiesOnTheClassPathConfiguresAPlainNewInitialContext() throws Exception {
            try (Writer file = Files.newBufferedWriter(classPathRoot.resolve("jndi.properties"))) {
                file.write("""
                    java.naming.factory.initial = dev.reliq.jndi.ReliqInitialContextFactory
                    connectionfactory.orders = redis://localhost:6380?clientID=billing
                    queue.incoming = orders.incoming
                    topic.prices = market.prices
                    """);
            }

            Context jndi = withClassPath(classPathRoot, InitialContext::new);

            assertThat(((ReliqConnectionFactory) jndi.lookup("orders")).getUrl())
                .isEqualTo("redis://localhost:6380?clientID=billing");
            assertThat(jndi.lookup("incoming")).isEqualTo(new ReliqQueue("orders.incoming"));
            assertThat(jndi.lookup("prices")).isEqualTo(new ReliqTopic("market.prices"));
        }

        /** Runs {@code call} with {@code root} added to the class path JNDI reads jndi.properties from. */
        private Context withClassPath(Path root, ContextCall call) throws IOException, NamingException {
            Thread thread = Thread.currentThread();
            ClassLoader original = thread.getContextClassLoader();
            try (URLClassLoader loader = new URLClassLoader(new URL[] {root.toUri().toURL()}, original)) {
                thread.setContextClassLoader(loader);
                return call.create();
            } finally {
                thread.setContextClassLoader(original);
            }
        }
    }

    @FunctionalInterface
    private interface ThrowingCall {
        void call() throws NamingException;
    }

    @FunctionalInterface
    private interface ContextCall {
        Context create() throws NamingException;
    }
}
