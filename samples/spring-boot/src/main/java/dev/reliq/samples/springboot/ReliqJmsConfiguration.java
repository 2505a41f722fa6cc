package dev.reliq.samples.springboot;

import java.io.IOException;

import jakarta.jms.ConnectionFactory;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.jms.DefaultJmsListenerContainerFactoryConfigurer;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jms.config.DefaultJmsListenerContainerFactory;
import org.springframework.util.ErrorHandler;

import dev.reliq.jms.ReliqConnectionFactory;
import dev.reliq.queue.RedisUri;
import dev.reliq.samples.support.EmbeddedRedis;

/**
 * The reliq connection factory and the two listener container factories: one for queues, one
 * for topics. Both are configured by Spring Boot's own configurer, so they have Boot's defaults
 * and honour {@code spring.jms.listener.*}: without a transaction manager their sessions are
 * transacted, so a listener that throws rolls its message back and reliq delivers it again, with
 * a higher {@code JMSXDeliveryCount}, until the queue's {@code maxDeliveries} moves it to the
 * dead-letter queue.
 */
@Configuration(proxyBeanMethods = false)
class ReliqJmsConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(ReliqJmsConfiguration.class);

    /** The Redis at {@code reliq.url}, or, when that is empty, an embedded one started for this run. */
    @Bean(destroyMethod = "close")
    RedisServer redisServer(@Value("${reliq.url:}") String url) throws IOException {
        if (!url.isBlank()) {
            LOG.info("reliq uses the Redis at {} (reliq.url)", RedisUri.parse(url).redacted());
            return new RedisServer(url, null);
        }
        EmbeddedRedis embedded = EmbeddedRedis.start();
        LOG.info("reliq.url is empty: started an embedded Redis {} at {}", embedded.version(), embedded.uri());
        return new RedisServer(embedded.uri(), embedded);
    }

    /**
     * The factory every JMS connection of the application comes from. Its JavaBean properties are
     * bound from {@code reliq.connection-factory.*} (for example {@code max-deliveries} calls
     * {@code setMaxDeliveries}); a property set on the bean wins over the same option in the URL.
     */
    @Bean
    @ConfigurationProperties("reliq.connection-factory")
    ReliqConnectionFactory connectionFactory(RedisServer redis) {
        return new ReliqConnectionFactory(redis.url());
    }

    /**
     * The factory of {@code @JmsListener}s on queues. Defining it by this name replaces Boot's
     * default one; the configurer makes it the same, and only the error handler is added.
     */
    @Bean
    DefaultJmsListenerContainerFactory jmsListenerContainerFactory(
            DefaultJmsListenerContainerFactoryConfigurer configurer, ConnectionFactory connectionFactory) {
        DefaultJmsListenerContainerFactory factory = new DefaultJmsListenerContainerFactory();
        configurer.configure(factory, connectionFactory);
        factory.setErrorHandler(rolledBack());
        return factory;
    }

    /** The factory of {@code @JmsListener}s on topics: the same, with {@code pubSubDomain}. */
    @Bean
    DefaultJmsListenerContainerFactory topicListenerContainerFactory(
            DefaultJmsListenerContainerFactoryConfigurer configurer, ConnectionFactory connectionFactory) {
        DefaultJmsListenerContainerFactory factory = new DefaultJmsListenerContainerFactory();
        configurer.configure(factory, connectionFactory);
        factory.setPubSubDomain(true);
        factory.setErrorHandler(rolledBack());
        return factory;
    }

    /**
     * Called after a listener threw and its transaction was rolled back. Without it, the container
     * logs every failure as a warning with a stack trace.
     */
    private static ErrorHandler rolledBack() {
        return failure -> {
            Throwable cause = failure;
            while (cause.getCause() != null) {
                cause = cause.getCause();
            }
            LOG.info("the listener threw ({}) and its transaction rolled back: reliq delivers the message again, "
                + "or after maxDeliveries moves it to the dead-letter queue", cause.getMessage());
        };
    }

    /** Where the Redis is, and the embedded server to stop with the application, if one was started. */
    record RedisServer(String url, EmbeddedRedis embedded) implements AutoCloseable {

        @Override
        public void close() throws IOException {
            if (embedded != null) {
                embedded.close();
            }
        }
    }
}
