package dev.reliq.queue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.UnrecoverableKeyException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.RedisClusterClient;
import redis.clients.jedis.RedisSentinelClient;
import redis.clients.jedis.SslOptions;
import redis.clients.jedis.SslVerifyMode;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisAccessControlException;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;

/**
 * Opens a Jedis client for a {@link RedisUri}: a pooled client for {@code redis://}, a client that follows the
 * master through its sentinels for {@code redis-sentinel://}, and a cluster client for {@code redis-cluster://}.
 *
 * <p>The client is checked before it is returned: {@link #open} sends a {@code PING}, so a server that is down
 * and credentials that Redis refuses are reported at once, not at the first queue operation. Connections speak
 * RESP3 when the server supports {@code HELLO} (Redis 6 and later) and RESP2 otherwise. Jedis opens one
 * connection while building the client, to learn which, and another for the {@code PING}; so when Redis cannot
 * be reached, {@code open} may take up to twice {@code connectTimeout} (or {@code socketTimeout}) to fail.
 *
 * <p><b>Pub/sub.</b> {@link UnifiedJedis#subscribe} works with every kind of client returned here. It blocks
 * its thread and keeps one pooled connection for as long as the subscription lasts, so that connection counts
 * against {@code poolMaxTotal}. A cluster client subscribes on a connection to any one node: Redis Cluster
 * forwards every {@code PUBLISH} to all nodes, so the subscriber receives messages published through any
 * node. If that connection breaks, {@code subscribe} throws and the caller subscribes again. Jedis lifts
 * {@code socketTimeout} on the subscribed connection, so it waits for messages indefinitely; a subscriber that
 * must notice a connection that died silently calls {@code JedisPubSub.ping()} now and then.
 */
public final class RedisClients {

    private static final Logger LOG = LoggerFactory.getLogger(RedisClients.class);

    /** Error replies that mean Redis refused the credentials, not that it is unreachable. */
    private static final Predicate<Throwable> REFUSED_CREDENTIALS = error -> error instanceof JedisAccessControlException
            || (error instanceof JedisDataException && startsWithAny(error.getMessage(), "NOAUTH", "WRONGPASS", "NOPERM",
                    "ERR invalid password", "ERR invalid username-password"));

    private RedisClients() {
    }

    /**
     * Opens a client and checks that Redis answers with the given credentials.
     *
     * @param uri where and how to connect; see {@link RedisUri} for the options that apply
     * @return a connected client, which the caller closes
     * @throws RedisAuthenticationException if Redis refuses the user or password
     * @throws RedisConnectionException if Redis cannot be reached within {@code connectTimeout}, does not answer
     *         within {@code socketTimeout}, refuses TLS, has no such database, or the trust store cannot be read
     */
    public static UnifiedJedis open(RedisUri uri) {
        Objects.requireNonNull(uri, "uri");
        UnifiedJedis client;
        try {
            client = build(uri);
        } catch (RuntimeException e) {
            throw describe(uri, e);
        }
        try {
            client.ping();
        } catch (RuntimeException e) {
            try {
                client.close();
            } catch (RuntimeException closing) {
                e.addSuppressed(closing);
            }
            throw describe(uri, e);
        }
        LOG.debug("Connected to {}", uri);
        return client;
    }

    /**
     * Closes the idle pooled connections of a client made by {@link #open}. After Redis restarted
     * or failed over, every idle connection holds a socket the old server closed, and each would
     * fail the next command that borrowed it; once one command failed that way, the rest are
     * dropped here so the following commands open fresh connections. Borrowed connections are
     * left alone (Jedis discards those that fail).
     */
    public static void discardIdleConnections(UnifiedJedis client) {
        try {
            if (client instanceof RedisClient single) {
                single.getPool().clear();
            } else if (client instanceof RedisClusterClient cluster) {
                cluster.getClusterNodes().values().forEach(pool -> pool.clear());
            } else if (client instanceof RedisSentinelClient sentinel) {
                sentinel.getPrimaryNodesConnectionMap().values().forEach(pool -> pool.clear());
            }
        } catch (RuntimeException e) {
            LOG.debug("Idle connections not discarded; they fail one by one instead", e);
        }
    }

    private static UnifiedJedis build(RedisUri uri) {
        JedisClientConfig config = clientConfig(uri, uri.user(), uri.password(), uri.database(), uri.clientName());
        Set<HostAndPort> endpoints = new LinkedHashSet<>();
        uri.endpoints().forEach(endpoint -> endpoints.add(new HostAndPort(endpoint.host(), endpoint.port())));
        switch (uri.mode()) {
            case SENTINEL:
                // sentinels have no databases and need no client name; they share the timeouts and TLS settings
                JedisClientConfig sentinelConfig = clientConfig(uri, uri.sentinelUser(), uri.sentinelPassword(), 0,
                        Optional.empty());
                return RedisSentinelClient.builder()
                        .masterName(uri.masterName().orElseThrow())
                        .sentinels(endpoints)
                        .clientConfig(config)
                        .sentinelClientConfig(sentinelConfig)
                        .poolConfig(poolConfig(uri))
                        .build();
            case CLUSTER:
                return RedisClusterClient.builder()
                        .nodes(endpoints)
                        .clientConfig(config)
                        .poolConfig(poolConfig(uri))
                        .build();
            default:
                return RedisClient.builder()
                        .hostAndPort(endpoints.iterator().next())
                        .clientConfig(config)
                        .poolConfig(poolConfig(uri))
                        .build();
        }
    }

    private static JedisClientConfig clientConfig(RedisUri uri, Optional<String> user, Optional<String> password,
            int database, Optional<String> clientName) {
        DefaultJedisClientConfig.Builder config = DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis((int) uri.connectTimeout().toMillis())
                .socketTimeoutMillis((int) uri.socketTimeout().toMillis())
                .database(database)
                .clientName(clientName.orElse(null))
                .user(user.orElse(null))
                // AUTH always takes a password; an empty one is what a 'nopass' ACL user accepts
                .password(password.orElse(user.isPresent() ? "" : null));
        if (uri.tls()) {
            config.sslOptions(sslOptions(uri));
        }
        return config.build();
    }

    private static ConnectionPoolConfig poolConfig(RedisUri uri) {
        ConnectionPoolConfig pool = new ConnectionPoolConfig();
        pool.setMaxTotal(uri.poolMaxTotal());
        pool.setMaxIdle(uri.poolMaxIdle());
        pool.setMinIdle(uri.poolMinIdle());
        pool.setMaxWait(uri.poolMaxWait());
        return pool;
    }

    /** TLS trusting the configured trust store, or the JVM's default trust when there is none. */
    private static SslOptions sslOptions(RedisUri uri) {
        // CA checks the certificate chain only; FULL also checks that the certificate names the host
        SslOptions.Builder options = SslOptions.builder()
                .sslVerifyMode(uri.sslVerifyHostname() ? SslVerifyMode.FULL : SslVerifyMode.CA);
        if (uri.trustStore().isPresent()) {
            byte[] trustStore = readTrustStore(uri);
            // Jedis reads the store again for every new connection: from memory, so it cannot fail then
            options.truststore(() -> new ByteArrayInputStream(trustStore), trustStorePassword(uri))
                    .trustStoreType(trustStoreType(uri));
        }
        return options.build();
    }

    /**
     * Reads the trust store once, when the client is opened, so that a wrong path, type or password is reported
     * at once and clearly rather than as a failure of every connection.
     */
    private static byte[] readTrustStore(RedisUri uri) {
        Path path = Path.of(uri.trustStore().orElseThrow());
        String type = trustStoreType(uri);
        String described = "the trustStore " + path.toAbsolutePath() + " (type " + type + ") of " + uri;
        try {
            byte[] content = Files.readAllBytes(path);
            KeyStore trusted = KeyStore.getInstance(type);
            trusted.load(new ByteArrayInputStream(content), trustStorePassword(uri));
            if (trusted.size() == 0) {
                throw new RedisConnectionException("Cannot use " + described + ": it holds no certificates; import the"
                        + " certificate of the CA that signed the Redis server's certificate.");
            }
            return content;
        } catch (NoSuchFileException e) {
            throw new RedisConnectionException("Cannot read " + described + ": there is no such file; check the"
                    + " trustStore option (a relative path is resolved against the working directory).", e);
        } catch (KeyStoreException e) {
            throw new RedisConnectionException("Cannot use " + described + ": this JVM has no key store type '" + type
                    + "'; set trustStoreType to PKCS12 or JKS.", e);
        } catch (IOException e) {
            String why = e.getCause() instanceof UnrecoverableKeyException ? "the trustStorePassword is wrong"
                    : "it is not a " + type + " key store, or it is damaged (" + e + ")";
            throw new RedisConnectionException("Cannot read " + described + ": " + why + ". Check trustStorePassword,"
                    + " and that trustStoreType matches the file.", e);
        } catch (GeneralSecurityException e) {
            throw new RedisConnectionException("Cannot use " + described + ": " + e.getMessage(), e);
        }
    }

    private static String trustStoreType(RedisUri uri) {
        return uri.trustStoreType().orElse(KeyStore.getDefaultType());
    }

    private static char[] trustStorePassword(RedisUri uri) {
        return uri.trustStorePassword().map(String::toCharArray).orElse(null);
    }

    /** Turns what Jedis threw into an exception that says what failed, where, and what to check. */
    private static RedisConnectionException describe(RedisUri uri, RuntimeException failure) {
        if (failure instanceof RedisConnectionException) {
            return (RedisConnectionException) failure;
        }
        Optional<Throwable> refused = find(failure, REFUSED_CREDENTIALS);
        if (refused.isPresent()) {
            String who = uri.user().map(user -> "user '" + user + "'").orElse("the default user");
            return new RedisAuthenticationException("Redis at " + uri + " refused the credentials of " + who + ": "
                    + detail(uri, refused.get()) + ". Check the user and password in the URI (or those given to"
                    + " createConnection), and the user's ACL on the server (ACL GETUSER).", failure);
        }
        Optional<Throwable> badDatabase = find(failure, error -> error instanceof JedisDataException
                && containsAny(error.getMessage(), "DB index is out of range"));
        if (badDatabase.isPresent()) {
            return new RedisConnectionException("Redis at " + uri + " has no database " + uri.database()
                    + ": " + detail(uri, badDatabase.get()) + ". Choose a database below the server's 'databases'"
                    + " setting (16 unless configured).", failure);
        }
        Optional<Throwable> tls = find(failure, error -> error instanceof SSLException);
        if (tls.isPresent()) {
            return new RedisConnectionException("TLS with Redis at " + uri + " failed: " + detail(uri, tls.get())
                    + ". Check that the server speaks TLS on that port, that the trust store (trustStore, or the JVM's"
                    + " default) holds the CA of its certificate, and that the certificate names the host connected"
                    + " to (sslVerifyHostname=false skips only that last check).", failure);
        }
        Optional<Throwable> notCluster = find(failure, error -> error instanceof JedisDataException
                && containsAny(error.getMessage(), "cluster support disabled"));
        if (notCluster.isPresent()) {
            return new RedisConnectionException("Redis at " + uri + " is not a cluster node: "
                    + detail(uri, notCluster.get()) + ". Use redis:// (or redis-sentinel://) for a server that is"
                    + " not part of a Redis Cluster.", failure);
        }
        Optional<Throwable> unreachable = find(failure, error -> error instanceof JedisConnectionException);
        String hint = uri.mode() == RedisUri.Mode.SENTINEL
                ? " Check that the sentinels are running and reachable, and that they monitor a master named '"
                        + uri.masterName().orElse("") + "'"
                : " Check that Redis is running and reachable at " + uri.endpoints().get(0)
                        + (uri.endpoints().size() > 1 ? " (or another listed node)" : "");
        hint += uri.tls() ? ", and that it accepts TLS on that port." : ".";
        return new RedisConnectionException("Cannot connect to Redis at " + uri + ": "
                + detail(uri, unreachable.orElse(failure)) + "." + hint + " (connectTimeout="
                + Durations.format(uri.connectTimeout()) + ", socketTimeout=" + Durations.format(uri.socketTimeout())
                + ")", failure);
    }

    /**
     * The most specific message in the chain: Jedis often wraps the useful one ("Connection refused") in a
     * general one ("Failed to connect to any host resolved for DNS name."). Passwords are masked, though no
     * Redis or Jedis message is known to contain one.
     */
    private static String detail(RedisUri uri, Throwable error) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = error; t != null && text.length() < 500; t = t.getCause()) {
            String message = t.getMessage();
            if (message != null && !message.isBlank() && text.indexOf(message) < 0) {
                text.append(text.length() == 0 ? "" : ": ").append(message.strip());
            }
            for (Throwable suppressed : t.getSuppressed()) {
                String more = suppressed.getMessage();
                if (more != null && text.indexOf(more) < 0) {
                    text.append(" [").append(more.strip()).append(']');
                }
            }
        }
        String detail = text.length() == 0 ? error.getClass().getSimpleName() : text.toString();
        for (Optional<String> secret : List.of(uri.password(), uri.sentinelPassword(), uri.trustStorePassword())) {
            if (secret.isPresent() && !secret.get().isEmpty()) {
                detail = detail.replace(secret.get(), "***");
            }
        }
        return detail.endsWith(".") ? detail.substring(0, detail.length() - 1) : detail;
    }

    /** Searches the causes and suppressed exceptions, where Jedis puts the failure of each node it tried. */
    private static Optional<Throwable> find(Throwable failure, Predicate<Throwable> wanted) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> pending = new ArrayDeque<>();
        pending.add(failure);
        while (!pending.isEmpty()) {
            Throwable next = pending.poll();
            if (!seen.add(next)) {
                continue;
            }
            if (wanted.test(next)) {
                return Optional.of(next);
            }
            if (next.getCause() != null) {
                pending.add(next.getCause());
            }
            Collections.addAll(pending, next.getSuppressed());
        }
        return Optional.empty();
    }

    private static boolean startsWithAny(String message, String... prefixes) {
        if (message != null) {
            for (String prefix : prefixes) {
                if (message.startsWith(prefix)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean containsAny(String message, String... parts) {
        if (message != null) {
            String lower = message.toLowerCase(Locale.ROOT);
            for (String part : parts) {
                if (lower.contains(part.toLowerCase(Locale.ROOT))) {
                    return true;
                }
            }
        }
        return false;
    }
}
