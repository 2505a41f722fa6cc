package dev.reliq.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.RedisClusterClient;
import redis.clients.jedis.SslOptions;
import redis.clients.jedis.SslVerifyMode;
import redis.clients.jedis.exceptions.JedisConnectionException;

class RedisServerExtensionIT {

    /** A plain connection to one server on loopback, bypassing the fixture's clients. */
    static Jedis connect(int port) {
        return new Jedis("127.0.0.1", port, DefaultJedisClientConfig.builder().serverDefaultProtocol().build());
    }

    @Nested
    class Standalone {

        @RegisterExtension
        static final RedisServerExtension redis = RedisServerExtension.standalone();

        @Test
        void serverAnswersAndReportsItsVersion() {
            assertThat(redis.jedis().ping()).isEqualTo("PONG");
            assertThat(redis.version()).matches("\\d+\\.\\d+\\.\\d+");
            assertThat(redis.uri()).isNotBlank();
        }

        @Test
        void keyPrefixNamesTheTestClassAndIsUnique() {
            assertThat(redis.keyPrefix()).matches("t-Standalone-[a-z0-9]{6}");
        }

        @Test
        void writesUnderTheKeyPrefixAreReadBack() {
            String key = redis.keyPrefix() + ":greeting";
            redis.jedis().set(key, "hello");
            assertThat(redis.jedis().get(key)).isEqualTo("hello");
        }
    }

    @Nested
    class Persistent {

        @RegisterExtension
        static final RedisServerExtension redis = RedisServerExtension.persistent();

        @Test
        void acknowledgedWriteSurvivesSigkillAndRestart() {
            String key = redis.keyPrefix() + ":survivor";
            redis.jedis().set(key, "still here");
            int port = redis.port();

            redis.kill();
            assertThatThrownBy(() -> {
                try (Jedis jedis = connect(port)) {
                    jedis.ping();
                }
            }).isInstanceOf(JedisConnectionException.class);
            redis.start();

            assertThat(redis.port()).isEqualTo(port);
            assertThat(redis.jedis().get(key)).isEqualTo("still here");
        }

        @Test
        void restartKeepsTheDataAndThePort() {
            String key = redis.keyPrefix() + ":restarted";
            redis.jedis().rpush(key, "a", "b", "c");
            int port = redis.port();

            redis.restart();

            assertThat(redis.port()).isEqualTo(port);
            assertThat(redis.jedis().lrange(key, 0, -1)).containsExactly("a", "b", "c");
        }

        @Test
        void persistentServerIsLaunchedByTheFixture() {
            assertThat(redis.isProcessControlled()).isTrue();
            assertThat(redis.source()).isIn(RedisSource.PATH, RedisSource.EMBEDDED);
        }
    }

    @Nested
    class Cluster {

        @RegisterExtension
        static final RedisServerExtension redis = RedisServerExtension.cluster();

        @Test
        void everyNodeReportsAHealthyCluster() {
            assertThat(redis.ports()).hasSize(3).doesNotHaveDuplicates();
            for (int port : redis.ports()) {
                try (Jedis node = connect(port)) {
                    assertThat(node.clusterInfo()).contains("cluster_state:ok", "cluster_slots_assigned:16384",
                            "cluster_known_nodes:3");
                }
            }
            assertThat(redis.uri()).isEqualTo(redis.ports().stream().map(port -> redis.host() + ":" + port)
                    .collect(Collectors.joining(",", "redis-cluster://", "")));
        }

        @Test
        void clusterClientWritesKeysThatLandOnAllThreeMasters() {
            Map<String, String> written = new HashMap<>();
            IntStream.range(0, 60).forEach(i -> written.put(redis.keyPrefix() + ":" + i, "value-" + i));
            written.forEach((key, value) -> redis.jedis().set(key, value));

            written.forEach((key, value) -> assertThat(redis.jedis().get(key)).isEqualTo(value));
            for (int port : redis.ports()) {
                try (Jedis node = connect(port)) {
                    assertThat(node.dbSize()).as("keys on the master at port %d", port).isPositive();
                }
            }
        }

        @Test
        void freshClusterClientDiscoversTheWholeCluster() {
            Set<HostAndPort> seed = Set.of(new HostAndPort(redis.host(), redis.port()));
            try (RedisClusterClient client = RedisClusterClient.create(seed)) {
                assertThat(client.getClusterNodes()).hasSize(3);
                client.set(redis.keyPrefix() + ":seeded", "ok");
                assertThat(redis.jedis().get(redis.keyPrefix() + ":seeded")).isEqualTo("ok");
            }
        }
    }

    @Nested
    class Sentinel {

        @RegisterExtension
        static final RedisServerExtension redis = RedisServerExtension.sentinel();

        @Test
        void sentinelReportsTheMaster() {
            try (Jedis sentinel = connect(redis.port())) {
                assertThat(sentinel.sentinelGetMasterAddrByName(RedisServerExtension.SENTINEL_MASTER_NAME))
                        .containsExactly("127.0.0.1", String.valueOf(redis.masterPort()));
            }
            assertThat(redis.uri()).isEqualTo("redis-sentinel://127.0.0.1:" + redis.port() + "?masterName=reliq-master");
        }

        @Test
        void writeThroughTheSentinelClientReachesTheMaster() {
            String key = redis.keyPrefix() + ":via-sentinel";
            redis.jedis().set(key, "found the master");

            try (Jedis master = connect(redis.masterPort())) {
                assertThat(master.get(key)).isEqualTo("found the master");
            }
        }
    }

    @Nested
    class Tls {

        @RegisterExtension
        static final RedisServerExtension redis = RedisServerExtension.tls();

        @Test
        void clientTrustingTheTrustStoreTalksTls() {
            assertThat(redis.uri()).isEqualTo("rediss://localhost:" + redis.port());
            SslOptions trustingTheTestCa = SslOptions.builder()
                    .truststore(redis.trustStore().toFile(), redis.trustStorePassword().toCharArray())
                    .trustStoreType("PKCS12")
                    .sslVerifyMode(SslVerifyMode.FULL)
                    .build();
            try (Jedis jedis = new Jedis(redis.host(), redis.port(), DefaultJedisClientConfig.builder()
                    .sslOptions(trustingTheTestCa).serverDefaultProtocol().build())) {
                jedis.set(redis.keyPrefix() + ":secret", "over tls");
                assertThat(jedis.get(redis.keyPrefix() + ":secret")).isEqualTo("over tls");
            }
            assertThat(redis.jedis().ping()).isEqualTo("PONG");
        }

        @Test
        void plaintextConnectionToTheTlsPortFails() {
            assertThatThrownBy(() -> {
                try (Jedis jedis = connect(redis.port())) {
                    jedis.ping();
                }
            }).isInstanceOf(JedisConnectionException.class);
        }

        @Test
        void tlsServerIsALaunchedProcessLikeTheOtherModes() {
            assertThat(redis.source()).isIn(RedisSource.PATH, RedisSource.EMBEDDED);
            assertThat(redis.isProcessControlled()).isTrue();
        }
    }

    @Nested
    class Accessors {

        @RegisterExtension
        static final RedisServerExtension redis = RedisServerExtension.standalone();

        @Test
        void modeSpecificAccessorsExplainWhatIsMissing() {
            assertThatThrownBy(redis::trustStore).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("tls()");
            assertThatThrownBy(redis::masterPort).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("sentinel()");
        }

        @Test
        void portsListsThePortOfTheUri() {
            assertThat(redis.ports()).isEqualTo(List.of(redis.port()));
            assertThat(redis.uri()).endsWith(":" + redis.port());
        }
    }
}
