package dev.reliq.samples.springboot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A shop whose messaging is reliq, through Spring's {@code JmsTemplate} and {@code @JmsListener}:
 * orders to a queue, a quote by request/reply, a poison order that ends in the dead-letter queue,
 * and prices published to a topic. {@link Story} tells it once at start-up; then the application
 * stops.
 *
 * <p>Spring Boot's JMS auto-configuration does the wiring once there is a {@code ConnectionFactory}
 * bean ({@link ReliqJmsConfiguration}): it makes the {@code JmsTemplate} and enables
 * {@code @JmsListener}, with the settings of {@code spring.jms.*} in application.properties.
 */
@SpringBootApplication
public class ShopApplication {

    public static void main(String[] args) {
        SpringApplication.run(ShopApplication.class, args).close();
    }
}
