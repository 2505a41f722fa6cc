package dev.reliq.test;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import redis.clients.jedis.UnifiedJedis;

/**
 * Hands the tests of a class a real Redis, started before the first test and stopped after the
 * last one:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final RedisServerExtension redis = RedisServerExtension.standalone();
 * }</pre>
 *
 * <p>{@link #standalone()} takes the first Redis it finds: the one named by {@code REDIS_URL}
 * (or {@code -Dreliq.test.redis.url}), a {@code redis:7} container when a Docker engine answers,
 * the {@code redis-server} on the {@code PATH}, and last the Redis 6.2 binary bundled in the
 * embedded-redis jar. The other modes launch their own processes, from the {@code PATH} or the
 * embedded binary. {@code -Dreliq.test.redis=url|docker|path|embedded} forces one tier; when that
 * tier cannot serve a mode, the test class fails rather than running on another Redis.
 * {@link #tls()} needs a binary built with TLS; Debian's and the embedded linux-amd64 one are.
 *
 * <p>Launched servers listen on a free port on 127.0.0.1 and keep their directory, with the
 * server log, under {@code target/redis/} after the tests for post-mortem. Tests that share a
 * server (one from {@code REDIS_URL}) stay apart by writing only under {@link #keyPrefix()}.
 * A {@code @Nested} class uses the server of its enclosing class.
 */
public final class RedisServerExtension implements BeforeAllCallback, AfterAllCallback {

    /** The name under which {@link #sentinel()} monitors its master. */
    public static final String SENTINEL_MASTER_NAME = "reliq-master";

    private static final Logger LOG = LoggerFactory.getLogger(RedisServerExtension.class);
    private static final Path ROOT = Path.of("target", "redis").toAbsolutePath();
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String mode;
    private final Function<Path, RedisDeployment> starter;
    private RedisDeployment deployment;
    private String keyPrefix;
    private UnifiedJedis jedis;
    private int users;

    private RedisServerExtension(String mode, Function<Path, RedisDeployment> starter) {
        this.mode = mode;
        this.starter = starter;
    }

    /** One Redis server, from the first tier that has one. It keeps nothing on disk. */
    public static RedisServerExtension standalone() {
        return new RedisServerExtension("standalone", Deployments::standalone);
    }

    /**
     * One launched Redis server that writes every command to its append-only file before it
     * answers ({@code appendfsync always}), for tests that {@link #kill()} and {@link #restart()}
     * it and expect the data back.
     */
    public static RedisServerExtension persistent() {
        return new RedisServerExtension("persistent", Deployments::persistent);
    }

    /**
     * A Redis Cluster of three masters without replicas; every hash slot is assigned and every
     * node agrees on the slot map before the first test runs.
     */
    public static RedisServerExtension cluster() {
        return new RedisServerExtension("cluster", Deployments::cluster);
    }

    /**
     * One master and one Redis Sentinel monitoring it as {@value #SENTINEL_MASTER_NAME};
     * {@link #uri()} names the sentinel, {@link #masterPort()} the master.
     */
    public static RedisServerExtension sentinel() {
        return new RedisServerExtension("sentinel", Deployments::sentinel);
    }

    /**
     * One Redis server that accepts TLS connections only, with a certificate for 127.0.0.1 and
     * localhost signed by a throwaway CA made with the {@code openssl} command. Clients trust it
     * through {@link #trustStore()}; the server does not ask for client certificates. It always
     * runs the {@code redis-server} on the {@code PATH}, which must be built with TLS support.
     */
    public static RedisServerExtension tls() {
        return new RedisServerExtension("tls", Deployments::tls);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        start(context.getRequiredTestClass().getSimpleName());
    }

    /**
     * Starts the server for {@code owner} outside a test class's lifecycle, for a server that a
     * whole suite shares (an application server's tests, whose deployments are built before any
     * test runs); it is stopped when the JVM exits. Calling it again returns the same server.
     */
    public synchronized RedisServerExtension startShared(String owner) {
        if (deployment == null) {
            start(owner);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> afterAll(null), "redis-" + owner + "-stop"));
        }
        return this;
    }

    private void start(String testClass) {
        if (users++ > 0) {
            return;
        }
        String unique = randomSuffix();
        keyPrefix = "t-" + testClass + "-" + unique;
        long started = System.nanoTime();
        deployment = starter.apply(ROOT.resolve(testClass + "-" + mode + "-" + unique));
        LOG.info("Redis for {}: {} from {}, redis {} at {}, ready in {} ms", testClass, mode, deployment.source(),
                deployment.version(), deployment.uri(), (System.nanoTime() - started) / 1_000_000);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        // JUnit calls afterAll even when beforeAll failed, and then there is nothing to stop.
        if (--users > 0 || deployment == null) {
            return;
        }
        try {
            closeClient();
        } finally {
            deployment.close();
            deployment = null;
        }
    }

    /**
     * The address for a reliq connection factory: {@code redis://127.0.0.1:port},
     * {@code rediss://} for {@link #tls()}, {@code redis-cluster://h:p1,h:p2,h:p3} for
     * {@link #cluster()}, {@code redis-sentinel://h:port?masterName=reliq-master} for
     * {@link #sentinel()}, or {@code REDIS_URL} as given.
     */
    public String uri() {
        return running().uri();
    }

    /** The host in {@link #uri()}: 127.0.0.1 for launched servers. */
    public String host() {
        return running().host();
    }

    /** The port in {@link #uri()}; for a cluster the first node's, for a sentinel the sentinel's. */
    public int port() {
        return running().ports().get(0);
    }

    /** The ports in {@link #uri()}, in the same order: three for a cluster, one otherwise. */
    public List<Integer> ports() {
        return running().ports();
    }

    /**
     * A prefix unique to this test class, such as {@code t-OrderQueueIT-k3x9qa}. Tests put every
     * key and queue name under it so that classes sharing a server never see each other's data.
     */
    public String keyPrefix() {
        running();
        return keyPrefix;
    }

    /** The server's {@code redis_version}, such as {@code 7.0.15}. */
    public String version() {
        return running().version();
    }

    /** Which tier provided this Redis. */
    public RedisSource source() {
        return running().source();
    }

    /**
     * A client for looking at Redis directly, bypassing reliq: a {@code RedisClient}, a
     * {@code RedisClusterClient} for {@link #cluster()}, or a {@code RedisSentinelClient} for
     * {@link #sentinel()}. It is created on first use and closed after the last test, and
     * {@link #kill()} closes it too; call this method again after {@link #start()}.
     */
    public synchronized UnifiedJedis jedis() {
        if (jedis == null) {
            jedis = running().newClient();
        }
        return jedis;
    }

    /** The PKCS12 truststore holding the CA that signed the {@link #tls()} server's certificate. */
    public Path trustStore() {
        return certificates("trustStore()").trustStore();
    }

    /** The password of {@link #trustStore()}. */
    public String trustStorePassword() {
        certificates("trustStorePassword()");
        return TestCertificates.TRUST_STORE_PASSWORD;
    }

    /** The port of the master that the {@link #sentinel()} monitors. */
    public int masterPort() {
        return running().masterPort().orElseThrow(() -> unsupported("masterPort()", "sentinel()"));
    }

    /**
     * Whether this fixture launched the Redis processes itself, rather than using
     * {@code REDIS_URL} or a container. {@link #kill()}, {@link #start()} and {@link #restart()}
     * work for every launched mode except {@link #cluster()}.
     */
    public boolean isProcessControlled() {
        return running().isProcessControlled();
    }

    /**
     * Kills the server with SIGKILL, as a crash or a power cut would, and waits until it is gone.
     * With {@link #persistent()} every acknowledged write survives. For {@link #sentinel()} this
     * kills the master. Closes the client from {@link #jedis()}.
     */
    public void kill() {
        RedisProcess server = controlledServer("kill()");
        closeClient();
        server.kill();
    }

    /**
     * Starts the killed server again on the same port and directory, and returns once it answers
     * and has replayed its append-only file.
     */
    public void start() {
        controlledServer("start()").start();
    }

    /** Kills the server if it runs, then starts it again: {@link #kill()} then {@link #start()}. */
    public void restart() {
        kill();
        start();
    }

    private RedisDeployment running() {
        RedisDeployment current = deployment;
        if (current == null) {
            throw new IllegalStateException("The " + mode + " Redis is not running; register this extension with"
                    + " @RegisterExtension on a static field and use it from tests or @BeforeAll methods");
        }
        return current;
    }

    private RedisProcess controlledServer(String method) {
        RedisDeployment current = running();
        return current.controlledServer().orElseThrow(() -> new IllegalStateException(method + " needs one server"
                + " launched by this fixture, but this is " + mode + " from " + current.source()
                + "; use persistent() for tests that kill Redis"));
    }

    private TestCertificates certificates(String method) {
        return running().certificates().orElseThrow(() -> unsupported(method, "tls()"));
    }

    private IllegalStateException unsupported(String method, String mode) {
        return new IllegalStateException(method + " is only available with " + mode + ", and this Redis is "
                + this.mode + "()");
    }

    private synchronized void closeClient() {
        if (jedis != null) {
            try {
                jedis.close();
            } finally {
                jedis = null;
            }
        }
    }

    private static String randomSuffix() {
        StringBuilder suffix = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            suffix.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return suffix.toString();
    }
}
