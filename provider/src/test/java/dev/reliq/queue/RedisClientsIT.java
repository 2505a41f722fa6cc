package dev.reliq.queue;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.reliq.test.RedisServerExtension;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.CommandArguments;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPubSub;
import redis.clients.jedis.Protocol.Command;
import redis.clients.jedis.RedisClusterClient;
import redis.clients.jedis.RedisSentinelClient;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.util.JedisClusterCRC16;

class RedisClientsIT {

    private static final String PASSWORD = "Pa55-word-for-it";

    @Nested
    class Standalone {

        @RegisterExtension
        static final RedisServerExtension redis = RedisServerExtension.standalone();

        @Test
        void opensAClientThatAnswersPing() {
            try (UnifiedJedis client = RedisClients.open(RedisUri.parse(redis.uri()))) {
                assertThat(client.ping()).isEqualTo("PONG");
                client.set(redis.keyPrefix() + ":hello", "world");
                assertThat(redis.jedis().get(redis.keyPrefix() + ":hello")).isEqualTo("world");
            }
        }

        @Test
        void databaseInTheUriIsolatesData() {
            String key = redis.keyPrefix() + ":in-db-3";
            try (UnifiedJedis db3 = RedisClients.open(uri(redis, 3, ""));
                 UnifiedJedis db0 = RedisClients.open(uri(redis, 0, ""))) {
                db3.set(key, "three");

                assertThat(db3.get(key)).isEqualTo("three");
                assertThat(db0.get(key)).isNull();
                db3.del(key);
            }
        }

        @Test
        void databaseTheServerDoesNotHaveFailsAtOpen() {
            assertThatThrownBy(() -> RedisClients.open(uri(redis, 9999, "")))
                    .isExactlyInstanceOf(RedisConnectionException.class)
                    .hasMessageContaining("has no database 9999");
        }

        @Test
        void clientNameIsGivenToEveryConnection() {
            try (UnifiedJedis client = RedisClients.open(uri(redis, 0, "clientName=reliq-it"))) {
                assertThat(command(client, Command.CLIENT, "GETNAME")).isEqualTo(bytes("reliq-it"));
            }
        }

        @Test
        void aclUserAuthenticatesAndAWrongPasswordFailsAtOpen() {
            String user = redis.keyPrefix() + "-user";
            command(redis.jedis(), Command.ACL, "SETUSER", user, "on", ">" + PASSWORD, "~*", "+@all");
            try {
                RedisUri base = uri(redis, 0, "");
                try (UnifiedJedis client = RedisClients.open(base.withCredentials(user, PASSWORD))) {
                    assertThat(command(client, Command.ACL, "WHOAMI")).isEqualTo(bytes(user));
                }

                String wrong = "not-" + PASSWORD;
                RedisUri wrongPassword = base.withCredentials(user, wrong);
                RedisAuthenticationException refused = catchThrowableOfType(RedisAuthenticationException.class,
                        () -> RedisClients.open(wrongPassword));

                assertThat(refused).isNotNull();
                assertThat(refused.getMessage())
                        .contains(wrongPassword.redacted(), "user '" + user + "'", "WRONGPASS")
                        .doesNotContain(wrong);
            } finally {
                command(redis.jedis(), Command.ACL, "DELUSER", user);
            }
        }

        @Test
        void userWithoutPasswordAuthenticatesAsANopassUser() {
            String user = redis.keyPrefix() + "-nopass";
            command(redis.jedis(), Command.ACL, "SETUSER", user, "on", "nopass", "~*", "+@all");
            try {
                RedisUri base = uri(redis, 0, "");
                try (UnifiedJedis client = RedisClients.open(base.withCredentials(user, null))) {
                    assertThat(command(client, Command.ACL, "WHOAMI")).isEqualTo(bytes(user));
                }
            } finally {
                command(redis.jedis(), Command.ACL, "DELUSER", user);
            }
        }

        @Test
        void unknownUserFailsAtOpenWithoutShowingThePassword() {
            RedisUri stranger = uri(redis, 0, "").withCredentials(redis.keyPrefix() + "-nobody", PASSWORD);

            assertThatThrownBy(() -> RedisClients.open(stranger))
                    .isInstanceOf(RedisAuthenticationException.class)
                    .hasMessageContaining(stranger.redacted())
                    .hasMessageNotContaining(PASSWORD);
        }

        @Test
        void subscriptionReceivesAPublish() throws Exception {
            // a short socketTimeout proves the subscription is not cut off by it while it waits
            try (UnifiedJedis client = RedisClients.open(uri(redis, 0, "socketTimeout=300ms"))) {
                String channel = redis.keyPrefix() + ":wake";

                List<String> received = receive(client, channel, 1, () -> {
                    pause(600);
                    client.publish(channel, "ready");
                });

                assertThat(received).containsExactly("ready");
                assertThat(client.ping()).isEqualTo("PONG");
            }
        }
    }

    @Nested
    class Unreachable {

        @Test
        void closedPortFailsAtOnceWithoutShowingThePassword() throws IOException {
            int port = closedPort();
            RedisUri uri = RedisUri.parse("redis://alice:" + PASSWORD + "@127.0.0.1:" + port);

            long started = System.nanoTime();
            RedisConnectionException error = catchThrowableOfType(RedisConnectionException.class,
                    () -> RedisClients.open(uri));

            assertThat(millisSince(started)).isLessThan(2000);
            assertThat(error).isExactlyInstanceOf(RedisConnectionException.class);
            assertThat(error.getMessage())
                    .contains("redis://alice:***@127.0.0.1:" + port, "Connection refused", "Check that Redis is running")
                    .doesNotContain(PASSWORD);
        }

        @Test
        void unansweredConnectGivesUpAfterConnectTimeout() throws IOException {
            // a listener whose accept backlog is full: the kernel drops further connection attempts unanswered
            try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                List<Socket> fillers = fillBacklog(listener.getLocalPort());
                try {
                    RedisUri uri = RedisUri.parse("redis://127.0.0.1:" + listener.getLocalPort() + "?connectTimeout=300ms");

                    long started = System.nanoTime();
                    assertThatThrownBy(() -> RedisClients.open(uri))
                            .isExactlyInstanceOf(RedisConnectionException.class)
                            .hasMessageContaining("connectTimeout=300ms")
                            .hasMessageContaining("timed out");

                    assertThat(millisSince(started)).isBetween(250L, 1900L);
                } finally {
                    for (Socket filler : fillers) {
                        filler.close();
                    }
                }
            }
        }

        @Test
        void silentServerGivesUpAfterSocketTimeout() throws IOException {
            // accepts the connection (the kernel does) but never answers a command
            try (ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
                RedisUri uri = RedisUri.parse("redis://127.0.0.1:" + listener.getLocalPort() + "?socketTimeout=300ms");

                long started = System.nanoTime();
                assertThatThrownBy(() -> RedisClients.open(uri))
                        .isExactlyInstanceOf(RedisConnectionException.class)
                        .hasMessageContaining("socketTimeout=300ms");

                assertThat(millisSince(started)).isBetween(250L, 1900L);
            }
        }

        @Test
        void missingTrustStoreIsReportedBeforeConnecting() {
            RedisUri uri = RedisUri.parse("rediss://127.0.0.1:1?trustStore=/no/such/truststore.p12"
                    + "&trustStorePassword=" + PASSWORD);

            assertThatThrownBy(() -> RedisClients.open(uri))
                    .isExactlyInstanceOf(RedisConnectionException.class)
                    .hasMessageContaining("/no/such/truststore.p12")
                    .hasMessageContaining("no such file")
                    .hasMessageNotContaining(PASSWORD);
        }
    }

    @Nested
    class Tls {

        @RegisterExtension
        static final RedisServerExtension redis = RedisServerExtension.tls();

        @Test
        void trustStoreOptionsLetTheClientTalkTls() {
            try (UnifiedJedis client = RedisClients.open(trusting(redis.uri(), ""))) {
                client.set(redis.keyPrefix() + ":tls", "encrypted");
                assertThat(client.get(redis.keyPrefix() + ":tls")).isEqualTo("encrypted");
            }
        }

        @Test
        void hostNameInTheCertificateIsAccepted() {
            assertThat(redis.uri()).startsWith("rediss://localhost:");
            try (UnifiedJedis client = RedisClients.open(trusting(redis.uri(), ""))) {
                assertThat(client.ping()).isEqualTo("PONG");
            }
        }

        @Test
        void hostNameMissingFromTheCertificateIsRefusedUnlessVerificationIsOff() {
            // the test certificate names localhost only, so the same server dialled by address does not match
            String byAddress = redis.uri().replace("localhost", "127.0.0.1");

            assertThatThrownBy(() -> RedisClients.open(trusting(byAddress, "")))
                    .isExactlyInstanceOf(RedisConnectionException.class)
                    .hasMessageContaining("TLS with Redis at")
                    .hasMessageContaining("sslVerifyHostname=false");
            try (UnifiedJedis client = RedisClients.open(trusting(byAddress, "&sslVerifyHostname=false"))) {
                assertThat(client.ping()).isEqualTo("PONG");
            }
        }

        @Test
        void serverNotTrustedByTheJvmDefaultsIsRefused() {
            assertThatThrownBy(() -> RedisClients.open(RedisUri.parse(redis.uri() + "?connectTimeout=5s")))
                    .isExactlyInstanceOf(RedisConnectionException.class)
                    .hasMessageContaining("TLS with Redis at " + redis.uri())
                    .hasMessageContaining("trustStore");
        }

        @Test
        void plainUriForTheTlsPortFailsAtOpen() {
            RedisUri plain = RedisUri.parse(redis.uri().replace("rediss://", "redis://") + "?socketTimeout=500ms");

            assertThatThrownBy(() -> RedisClients.open(plain))
                    .isExactlyInstanceOf(RedisConnectionException.class)
                    .hasMessageContaining("Cannot connect to Redis at " + plain.redacted());
        }

        @Test
        void wrongTrustStorePasswordIsReported() {
            String wrong = "wrong-" + redis.trustStorePassword();
            RedisUri uri = RedisUri.parse(redis.uri() + "?trustStore=" + encode(redis.trustStore().toString())
                    + "&trustStorePassword=" + wrong);

            assertThatThrownBy(() -> RedisClients.open(uri))
                    .isExactlyInstanceOf(RedisConnectionException.class)
                    .hasMessageContaining("trustStorePassword is wrong")
                    .hasMessageNotContaining(wrong);
        }

        private RedisUri trusting(String base, String moreOptions) {
            Path trustStore = redis.trustStore();
            return RedisUri.parse(base + "?trustStore=" + encode(trustStore.toString())
                    + "&trustStorePassword=" + encode(redis.trustStorePassword()) + "&trustStoreType=PKCS12" + moreOptions);
        }
    }

    @Nested
    class Sentinel {

        @RegisterExtension
        static final RedisServerExtension redis = RedisServerExtension.sentinel();

        @Test
        void writesReachTheMasterTheSentinelNames() {
            RedisUri uri = RedisUri.parse(redis.uri());
            assertThat(uri.mode()).isEqualTo(RedisUri.Mode.SENTINEL);
            String key = redis.keyPrefix() + ":via-sentinel";

            try (UnifiedJedis client = RedisClients.open(uri)) {
                assertThat(client).isInstanceOf(RedisSentinelClient.class);
                assertThat(((RedisSentinelClient) client).getCurrentMaster().getPort()).isEqualTo(redis.masterPort());
                client.set(key, "on the master");
            }
            try (Jedis master = new Jedis("127.0.0.1", redis.masterPort(), DefaultJedisClientConfig.builder().build())) {
                assertThat(master.get(key)).isEqualTo("on the master");
            }
        }

        @Test
        void subscriptionReceivesAPublish() throws Exception {
            try (UnifiedJedis client = RedisClients.open(RedisUri.parse(redis.uri()))) {
                String channel = redis.keyPrefix() + ":wake";

                assertThat(receive(client, channel, 1, () -> client.publish(channel, "hi"))).containsExactly("hi");
            }
        }

        @Test
        void masterNameTheSentinelsDoNotKnowFailsAtOpen() {
            RedisUri unknown = RedisUri.parse(redis.uri().replace("masterName=reliq-master", "masterName=no-such-master"));

            assertThatThrownBy(() -> RedisClients.open(unknown))
                    .isExactlyInstanceOf(RedisConnectionException.class)
                    .hasMessageContaining("no-such-master");
        }
    }

    @Nested
    class Cluster {

        @RegisterExtension
        static final RedisServerExtension redis = RedisServerExtension.cluster();

        @Test
        void writesKeysInDifferentSlots() {
            Set<Integer> slots = new HashSet<>();
            try (UnifiedJedis client = RedisClients.open(RedisUri.parse(redis.uri()))) {
                assertThat(client).isInstanceOf(RedisClusterClient.class);
                for (int i = 0; i < 30; i++) {
                    String key = redis.keyPrefix() + ":" + i;
                    client.set(key, "v" + i);
                    slots.add(JedisClusterCRC16.getSlot(key));
                }
                for (int i = 0; i < 30; i++) {
                    assertThat(redis.jedis().get(redis.keyPrefix() + ":" + i)).isEqualTo("v" + i);
                }
            }
            assertThat(slots).hasSizeGreaterThan(1);
            for (int port : redis.ports()) {
                try (Jedis node = new Jedis("127.0.0.1", port, DefaultJedisClientConfig.builder().build())) {
                    assertThat(node.keys(redis.keyPrefix() + ":*")).as("keys on the node at port %d", port).isNotEmpty();
                }
            }
        }

        @Test
        void subscriptionReceivesPublishesMadeThroughEveryNode() throws Exception {
            try (UnifiedJedis client = RedisClients.open(RedisUri.parse(redis.uri()))) {
                String channel = redis.keyPrefix() + ":wake";

                List<String> received = receive(client, channel, redis.ports().size(), () -> {
                    for (int port : redis.ports()) {
                        try (Jedis node = new Jedis("127.0.0.1", port, DefaultJedisClientConfig.builder().build())) {
                            node.publish(channel, "from " + port);
                        }
                    }
                });

                assertThat(received).containsExactlyInAnyOrderElementsOf(
                        redis.ports().stream().map(port -> "from " + port).toList());
            }
        }

        @Test
        void clusterUriWithCredentialsTheServerDoesNotKnowFailsAtOpen() {
            RedisUri stranger = RedisUri.parse(redis.uri()).withCredentials("nobody", PASSWORD);

            assertThatThrownBy(() -> RedisClients.open(stranger))
                    .isInstanceOf(RedisAuthenticationException.class)
                    .hasMessageNotContaining(PASSWORD);
        }
    }

    /**
     * Subscribes on its own thread, as a consumer would, runs {@code publish} once the subscription is confirmed,
     * and returns the first {@code count} messages.
     */
    private static List<String> receive(UnifiedJedis client, String channel, int count, Runnable publish)
            throws InterruptedException {
        BlockingQueue<String> messages = new LinkedBlockingQueue<>();
        CountDownLatch subscribed = new CountDownLatch(1);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        JedisPubSub listener = new JedisPubSub() {
            @Override
            public void onSubscribe(String subscribedChannel, int subscribedChannels) {
                subscribed.countDown();
            }

            @Override
            public void onMessage(String fromChannel, String message) {
                messages.add(message);
            }
        };
        Thread subscriber = new Thread(() -> {
            try {
                client.subscribe(listener, channel);
            } catch (Throwable e) {
                failure.set(e);
                subscribed.countDown();
            }
        }, "subscriber-" + channel);
        subscriber.setDaemon(true);
        subscriber.start();
        try {
            assertThat(subscribed.await(10, SECONDS)).as("subscribed").isTrue();
            assertThat(failure.get()).as("subscribe failed").isNull();
            publish.run();
            List<String> received = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String message = messages.poll(10, SECONDS);
                assertThat(message).as("message %d of %d; subscriber failure: %s", i + 1, count, failure.get()).isNotNull();
                received.add(message);
            }
            return received;
        } finally {
            if (listener.isSubscribed()) {
                listener.unsubscribe();
            }
            subscriber.join(SECONDS.toMillis(10));
            assertThat(subscriber.isAlive()).as("subscriber thread ended").isFalse();
        }
    }

    /** The fixture's server, as a URI with another database and extra options, keeping its credentials. */
    private static RedisUri uri(RedisServerExtension redis, int database, String query) {
        RedisUri base = RedisUri.parse(redis.uri());
        String credentials = base.password().map(password -> encode(base.user().orElse("")) + ":" + encode(password) + "@")
                .orElse("");
        return RedisUri.parse((base.tls() ? "rediss" : "redis") + "://" + credentials + base.endpoints().get(0)
                + "/" + database + (query.isEmpty() ? "" : "?" + query));
    }

    /** Sends a command the client has no method for, such as ACL SETUSER. */
    private static Object command(UnifiedJedis client, Command command, String... arguments) {
        return client.executeCommand(new CommandArguments(command).addObjects((Object[]) arguments));
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Opens connections that nobody accepts until the listener's queue is full and new ones hang. */
    private static List<Socket> fillBacklog(int port) {
        List<Socket> fillers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Socket filler = new Socket();
            try {
                filler.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
                fillers.add(filler);
            } catch (IOException full) {
                closeQuietly(filler);
                break;
            }
        }
        return fillers;
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // nothing to release
        }
    }

    private static long millisSince(long nanoTime) {
        return (System.nanoTime() - nanoTime) / 1_000_000;
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
