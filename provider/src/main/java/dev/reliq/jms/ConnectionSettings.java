package dev.reliq.jms;

import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import dev.reliq.queue.Durations;
import dev.reliq.queue.InvalidRedisUriException;
import dev.reliq.queue.QueueClientOptions;
import dev.reliq.queue.RedisUri;

/**
 * Everything a connection needs, read from one URI: the Redis connection, the queue client's
 * options, and the JMS options ({@link #OPTION_NAMES}).
 */
record ConnectionSettings(
        RedisUri uri,
        QueueClientOptions queueOptions,
        String clientId,
        int prefetch,
        Duration maxLease,
        String objectMessageAllowList,
        Duration connectionLease) {

    static final int DEFAULT_PREFETCH = 16;
    static final Duration DEFAULT_MAX_LEASE = Duration.ofMinutes(30);
    static final Duration DEFAULT_CONNECTION_LEASE = Duration.ofSeconds(30);

    /** The options the JMS layer reads from the URI, on top of the queue and connection options. */
    static final Set<String> OPTION_NAMES = Set.of("clientID", "prefetch", "maxLease", "objectMessageAllowList",
        "connectionLease");

    /** Every option name a reliq JMS URI may carry. */
    static Set<String> allOptionNames() {
        Set<String> all = new HashSet<>(RedisUri.connectionOptionNames());
        all.addAll(QueueClientOptions.optionNames());
        all.addAll(OPTION_NAMES);
        return all;
    }

    /**
     * Parses and checks a URI.
     *
     * @throws InvalidRedisUriException for a malformed URI, a bad value, or an unknown option
     */
    static ConnectionSettings parse(String url) {
        RedisUri uri = RedisUri.parse(url);
        QueueClientOptions.rejectUnknownOptions(uri, allOptionNames());
        Map<String, String> o = uri.options();
        try {
            int prefetch = o.containsKey("prefetch") ? Integer.parseInt(o.get("prefetch").trim()) : DEFAULT_PREFETCH;
            if (prefetch < 1) {
                throw new IllegalArgumentException("option 'prefetch' must be at least 1, got " + prefetch);
            }
            Duration maxLease = o.containsKey("maxLease") ? Durations.parse("maxLease", o.get("maxLease")) : DEFAULT_MAX_LEASE;
            Duration connectionLease = o.containsKey("connectionLease")
                ? Durations.parse("connectionLease", o.get("connectionLease")) : DEFAULT_CONNECTION_LEASE;
            if (connectionLease.toMillis() < 1000) {
                throw new IllegalArgumentException("option 'connectionLease' must be at least 1s, got "
                    + o.get("connectionLease"));
            }
            String clientId = o.get("clientID");
            if (clientId != null && clientId.isBlank()) {
                throw new IllegalArgumentException("option 'clientID' must not be blank");
            }
            String allowList = o.getOrDefault("objectMessageAllowList", "");
            dev.reliq.jms.message.ObjectMessagePolicy.allowing(allowList); // a bad pattern fails here, with its reason
            return new ConnectionSettings(uri, QueueClientOptions.fromUri(uri), clientId, prefetch, maxLease, allowList,
                connectionLease);
        } catch (NumberFormatException e) {
            throw new InvalidRedisUriException(uri.redacted(), "option 'prefetch' must be a whole number, got '"
                + o.get("prefetch") + "'");
        } catch (InvalidRedisUriException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new InvalidRedisUriException(uri.redacted(), e.getMessage());
        }
    }

    /** The same settings with other Redis credentials (createConnection(user, password)). */
    ConnectionSettings withCredentials(String user, String password) {
        return new ConnectionSettings(uri.withCredentials(user, password), queueOptions, clientId, prefetch, maxLease,
            objectMessageAllowList, connectionLease);
    }
}
