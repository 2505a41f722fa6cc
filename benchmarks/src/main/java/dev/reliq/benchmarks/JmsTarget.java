package dev.reliq.benchmarks;

import java.util.function.Consumer;

import jakarta.jms.ConnectionFactory;

/**
 * A JMS provider under test: every JMS row runs the same jakarta.jms code against one of these.
 *
 * @param column the short name of its column in the report
 * @param description what it is, for the report's legend
 * @param factory where connections come from
 * @param deliveryMode the producers' {@code DeliveryMode}
 * @param dropQueue removes a queue and its messages after a run
 * @param redis the Redis server behind the provider, for the profile; null for Artemis
 */
record JmsTarget(String column, String description, ConnectionFactory factory, int deliveryMode,
        Consumer<String> dropQueue, RedisServerProcess redis) {
}
