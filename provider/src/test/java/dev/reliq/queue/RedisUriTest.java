package dev.reliq.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.reliq.queue.RedisUri.Endpoint;
import dev.reliq.queue.RedisUri.Mode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class RedisUriTest {

    private static final String SECRET = "Sup3rSecret";

    @Nested
    class Forms {

        @Test
        void standaloneWithOnlyAHostTakesTheDefaults() {
            RedisUri uri = RedisUri.parse("redis://localhost");

            assertThat(uri.mode()).isEqualTo(Mode.STANDALONE);
            assertThat(uri.tls()).isFalse();
            assertThat(uri.endpoints()).containsExactly(new Endpoint("localhost", 6379));
            assertThat(uri.database()).isZero();
            assertThat(uri.user()).isEmpty();
            assertThat(uri.password()).isEmpty();
            assertThat(uri.masterName()).isEmpty();
            assertThat(uri.options()).isEmpty();
        }

        @Test
        void standaloneWithPortAndDatabase() {
            RedisUri uri = RedisUri.parse("redis://redis.example.com:6380/3");

            assertThat(uri.endpoints()).containsExactly(new Endpoint("redis.example.com", 6380));
            assertThat(uri.database()).isEqualTo(3);
        }

        @Test
        void aclUserAndPassword() {
            RedisUri uri = RedisUri.parse("redis://alice:s3cret@localhost:6379/0");

            assertThat(uri.user()).contains("alice");
            assertThat(uri.password()).contains("s3cret");
        }

        @Test
        void passwordWithoutUserIsForTheDefaultUser() {
            RedisUri uri = RedisUri.parse("redis://:s3cret@localhost");

            assertThat(uri.user()).isEmpty();
            assertThat(uri.password()).contains("s3cret");
        }

        @Test
        void userWithoutPassword() {
            RedisUri uri = RedisUri.parse("redis://alice@localhost");

            assertThat(uri.user()).contains("alice");
            assertThat(uri.password()).isEmpty();
        }

        @Test
        void emptyUserAndPasswordMeanNone() {
            RedisUri uri = RedisUri.parse("redis://:@localhost");

            assertThat(uri.user()).isEmpty();
            assertThat(uri.password()).isEmpty();
        }

        @Test
        void redissMeansTls() {
            RedisUri uri = RedisUri.parse("rediss://cache.example.com:6380");

            assertThat(uri.mode()).isEqualTo(Mode.STANDALONE);
            assertThat(uri.tls()).isTrue();
            assertThat(uri.sslVerifyHostname()).isTrue();
            assertThat(uri.trustStore()).isEmpty();
        }

        @Test
        void sentinelListsSentinelsWithTheirDefaultPort() {
            RedisUri uri = RedisUri.parse("redis-sentinel://alice:pw@s1,s2:26380,[::1]/2?masterName=mymaster"
                    + "&sentinelUser=watcher&sentinelPassword=other");

            assertThat(uri.mode()).isEqualTo(Mode.SENTINEL);
            assertThat(uri.tls()).isFalse();
            assertThat(uri.endpoints()).containsExactly(
                    new Endpoint("s1", 26379), new Endpoint("s2", 26380), new Endpoint("::1", 26379));
            assertThat(uri.database()).isEqualTo(2);
            assertThat(uri.masterName()).contains("mymaster");
            assertThat(uri.user()).contains("alice");
            assertThat(uri.password()).contains("pw");
            assertThat(uri.sentinelUser()).contains("watcher");
            assertThat(uri.sentinelPassword()).contains("other");
        }

        @Test
        void sentinelWithTls() {
            RedisUri uri = RedisUri.parse("rediss-sentinel://s1?masterName=mymaster");

            assertThat(uri.mode()).isEqualTo(Mode.SENTINEL);
            assertThat(uri.tls()).isTrue();
        }

        @Test
        void clusterListsSeedNodesWithPort6379ByDefault() {
            RedisUri uri = RedisUri.parse("redis-cluster://n1:7000,n2:7001,n3");

            assertThat(uri.mode()).isEqualTo(Mode.CLUSTER);
            assertThat(uri.endpoints()).containsExactly(
                    new Endpoint("n1", 7000), new Endpoint("n2", 7001), new Endpoint("n3", 6379));
            assertThat(uri.database()).isZero();
        }

        @Test
        void clusterAcceptsDatabaseZero() {
            assertThat(RedisUri.parse("redis-cluster://n1:7000/0").database()).isZero();
            assertThat(RedisUri.parse("redis-cluster://n1:7000/").database()).isZero();
        }

        @Test
        void clusterWithTls() {
            RedisUri uri = RedisUri.parse("rediss-cluster://n1:7000");

            assertThat(uri.mode()).isEqualTo(Mode.CLUSTER);
            assertThat(uri.tls()).isTrue();
        }

        @Test
        void ipv6AddressesInBrackets() {
            RedisUri withPort = RedisUri.parse("redis://[::1]:6380");
            RedisUri withoutPort = RedisUri.parse("redis://[2001:db8::7]/1");

            assertThat(withPort.endpoints()).containsExactly(new Endpoint("::1", 6380));
            assertThat(withoutPort.endpoints()).containsExactly(new Endpoint("2001:db8::7", 6379));
            assertThat(withPort.endpoints().get(0)).hasToString("[::1]:6380");
            assertThat(withPort).hasToString("redis://[::1]:6380");
        }

        @Test
        void ipv4Addresses() {
            assertThat(RedisUri.parse("redis://127.0.0.1:7001").endpoints()).containsExactly(new Endpoint("127.0.0.1", 7001));
        }

        @Test
        void schemeIsCaseInsensitiveAndSurroundingWhitespaceIgnored() {
            RedisUri uri = RedisUri.parse("  REDISS-Cluster://n1:7000\n");

            assertThat(uri.mode()).isEqualTo(Mode.CLUSTER);
            assertThat(uri.tls()).isTrue();
        }
    }

    @Nested
    class PercentDecoding {

        @Test
        void decodesUserAndPassword() {
            RedisUri uri = RedisUri.parse("redis://al%40ice:p%3Ass%2Fw%25rd%3F@localhost");

            assertThat(uri.user()).contains("al@ice");
            assertThat(uri.password()).contains("p:ss/w%rd?");
        }

        @Test
        void decodesUtf8AndKeepsPlusAsPlus() {
            RedisUri uri = RedisUri.parse("redis://Ren%C3%A9e:a+b@localhost?keyPrefix=caf%C3%A9+bar");

            assertThat(uri.user()).contains("Renée");
            assertThat(uri.password()).contains("a+b");
            assertThat(uri.option("keyPrefix")).contains("café+bar");
        }

        @Test
        void decodesOptionNamesAndValues() {
            RedisUri uri = RedisUri.parse("redis://localhost?key%50refix=app%3Aorders%26more");

            assertThat(uri.option("keyPrefix")).contains("app:orders&more");
        }

        @Test
        void unencodedAtSignSlashAndEqualsInAPasswordStillWork() {
            RedisUri uri = RedisUri.parse("redis://u:p@ss/w=rd==@localhost:6380/1?clientName=a@b");

            assertThat(uri.password()).contains("p@ss/w=rd==");
            assertThat(uri.endpoints()).containsExactly(new Endpoint("localhost", 6380));
            assertThat(uri.database()).isEqualTo(1);
            assertThat(uri.clientName()).contains("a@b");
        }

        @Test
        void unencodedQuestionMarkInAPasswordStillWorks() {
            RedisUri uri = RedisUri.parse("redis://u:pass?word@localhost?clientName=app");

            assertThat(uri.password()).contains("pass?word");
            assertThat(uri.endpoints()).containsExactly(new Endpoint("localhost", 6379));
            assertThat(uri.clientName()).contains("app");
        }
    }

    @Nested
    class Options {

        @Test
        void keepsEveryOptionInOrderIncludingOnesForOtherLayers() {
            RedisUri uri = RedisUri.parse("redis://localhost/0?visibilityTimeout=30s&maxDeliveries=5"
                    + "&connectTimeout=1s&prefetch=32&keyPrefix=app");

            assertThat(uri.options()).containsExactly(
                    Map.entry("visibilityTimeout", "30s"), Map.entry("maxDeliveries", "5"),
                    Map.entry("connectTimeout", "1s"), Map.entry("prefetch", "32"), Map.entry("keyPrefix", "app"));
            assertThat(uri.option("prefetch")).contains("32");
            assertThat(uri.option("absent")).isEmpty();
        }

        @Test
        void optionsCannotBeModified() {
            RedisUri uri = RedisUri.parse("redis://localhost?prefetch=32");

            assertThatThrownBy(() -> uri.options().put("prefetch", "1"))
                    .isInstanceOf(UnsupportedOperationException.class);
        }

        @Test
        void toleratesEmptyQueryAndStrayAmpersands() {
            assertThat(RedisUri.parse("redis://localhost?").options()).isEmpty();
            assertThat(RedisUri.parse("redis://localhost?&prefetch=1&&").options()).containsOnlyKeys("prefetch");
        }

        @Test
        void connectionOptionsHaveDocumentedDefaults() {
            RedisUri uri = RedisUri.parse("redis://localhost");

            assertThat(uri.connectTimeout()).isEqualTo(Duration.ofSeconds(2));
            assertThat(uri.socketTimeout()).isEqualTo(Duration.ofSeconds(2));
            assertThat(uri.clientName()).isEmpty();
            assertThat(uri.poolMaxTotal()).isEqualTo(16);
            assertThat(uri.poolMaxIdle()).isEqualTo(16);
            assertThat(uri.poolMinIdle()).isZero();
            assertThat(uri.poolMaxWait()).isEqualTo(Duration.ofSeconds(5));
            assertThat(uri.sslVerifyHostname()).isTrue();
        }

        @Test
        void readsConnectionOptions() {
            RedisUri uri = RedisUri.parse("redis://localhost?connectTimeout=500ms&socketTimeout=10s&clientName=orders"
                    + "&poolMaxTotal=32&poolMaxIdle=8&poolMinIdle=2&poolMaxWait=0");

            assertThat(uri.connectTimeout()).isEqualTo(Duration.ofMillis(500));
            assertThat(uri.socketTimeout()).isEqualTo(Duration.ofSeconds(10));
            assertThat(uri.clientName()).contains("orders");
            assertThat(uri.poolMaxTotal()).isEqualTo(32);
            assertThat(uri.poolMaxIdle()).isEqualTo(8);
            assertThat(uri.poolMinIdle()).isEqualTo(2);
            assertThat(uri.poolMaxWait()).isZero();
        }

        @Test
        void readsTlsOptions() {
            RedisUri uri = RedisUri.parse("rediss://localhost?trustStore=/etc/reliq/trust.p12&trustStorePassword=changeit"
                    + "&trustStoreType=PKCS12&sslVerifyHostname=FALSE");

            assertThat(uri.trustStore()).contains("/etc/reliq/trust.p12");
            assertThat(uri.trustStorePassword()).contains("changeit");
            assertThat(uri.trustStoreType()).contains("PKCS12");
            assertThat(uri.sslVerifyHostname()).isFalse();
        }

        @Test
        void listsTheConnectionOptionNamesForTheLayersAbove() {
            assertThat(RedisUri.connectionOptionNames()).containsExactlyInAnyOrder(
                    "connectTimeout", "socketTimeout", "clientName", "poolMaxTotal", "poolMaxIdle", "poolMinIdle",
                    "poolMaxWait", "sslVerifyHostname", "trustStore", "trustStorePassword", "trustStoreType",
                    "masterName", "sentinelUser", "sentinelPassword");
        }
    }

    @Nested
    class Credentials {

        @Test
        void withCredentialsReplacesOnlyUserAndPassword() {
            RedisUri original = RedisUri.parse("redis://alice:one@localhost:6380/4?prefetch=8");

            RedisUri changed = original.withCredentials("bob", "two");

            assertThat(changed.user()).contains("bob");
            assertThat(changed.password()).contains("two");
            assertThat(changed.endpoints()).isEqualTo(original.endpoints());
            assertThat(changed.database()).isEqualTo(4);
            assertThat(changed.options()).isEqualTo(original.options());
            assertThat(original.user()).contains("alice");
            assertThat(original.password()).contains("one");
        }

        @Test
        void withCredentialsTreatsNullAndEmptyAsNone() {
            RedisUri uri = RedisUri.parse("redis://alice:one@localhost");

            assertThat(uri.withCredentials(null, null).user()).isEmpty();
            assertThat(uri.withCredentials("", "").password()).isEmpty();
            assertThat(uri.withCredentials(null, "pw").password()).contains("pw");
        }

        @Test
        void equalityCoversEveryPart() {
            assertThat(RedisUri.parse("redis://u:p@h:1/2?a=b")).isEqualTo(RedisUri.parse("REDIS://u:p@h:1/2?a=b"))
                    .hasSameHashCodeAs(RedisUri.parse("redis://u:p@h:1/2?a=b"));
            assertThat(RedisUri.parse("redis://u:p@h")).isNotEqualTo(RedisUri.parse("redis://u:q@h"));
            assertThat(RedisUri.parse("redis://h")).isNotEqualTo(RedisUri.parse("rediss://h"));
            assertThat(RedisUri.parse("redis://h?a=1")).isNotEqualTo(RedisUri.parse("redis://h?a=2"));
        }
    }

    @Nested
    class Redaction {

        @Test
        void toStringReplacesThePasswordWithStars() {
            RedisUri uri = RedisUri.parse("redis://alice:" + SECRET + "@localhost:6380/2?clientName=app");

            assertThat(uri).hasToString("redis://alice:***@localhost:6380/2?clientName=app");
            assertThat(uri.redacted()).isEqualTo(uri.toString());
        }

        @Test
        void defaultUserPasswordIsRedacted() {
            assertThat(RedisUri.parse("rediss://:" + SECRET + "@localhost")).hasToString("rediss://:***@localhost:6379");
        }

        @Test
        void passwordOptionsAreRedacted() {
            RedisUri uri = RedisUri.parse("rediss-sentinel://s1:26379,s2:26380?masterName=m&sentinelUser=w"
                    + "&sentinelPassword=" + SECRET + "&trustStore=/t.p12&trustStorePassword=" + SECRET
                    + "&myPassword=" + SECRET);

            assertThat(uri).hasToString("rediss-sentinel://s1:26379,s2:26380?masterName=m&sentinelUser=w"
                    + "&sentinelPassword=***&trustStore=/t.p12&trustStorePassword=***&myPassword=***");
        }

        @Test
        void passwordNeverAppearsInToStringEvenWhenEncoded() {
            RedisUri uri = RedisUri.parse("redis://al%40ice:" + SECRET + "%2F%40@localhost");

            assertThat(uri.toString()).doesNotContain(SECRET).startsWith("redis://al%40ice:***@");
            assertThat(uri.withCredentials("bob", SECRET).toString()).doesNotContain(SECRET);
        }

        @Test
        void toStringParsesBackToTheSameUri() {
            String[] uris = {
                "redis://al%40ice@[::1]:6380/3?keyPrefix=a%26b&clientName=x&visibilityTimeout=30s",
                "rediss://h?trustStore=/etc/t%20s.p12&sslVerifyHostname=false",
                "redis-sentinel://a,b:1?masterName=m",
                "redis-cluster://n1:7000,n2:7001?poolMaxTotal=4",
            };
            for (String text : uris) {
                RedisUri uri = RedisUri.parse(text);
                assertThat(RedisUri.parse(uri.toString())).as(text).isEqualTo(uri);
            }
        }

        @ParameterizedTest
        @ValueSource(strings = {
            "redis://u:" + SECRET + "@host:abc",
            "redis://u:" + SECRET + "@",
            "redis://:" + SECRET + "@[::1",
            "http://u:" + SECRET + "@host",
            "u:" + SECRET + "@host:6379",
            "redis:/u:" + SECRET + "@host",
            "redis://u:" + SECRET + "%zz@host",
            "redis://u:" + SECRET + "%C3@host",
            "redis://u:Sup3r/Secret@host:abc",
            "redis://u:Sup3r?Secret@host:abc",
            "redis://u:Sup3r=Secret@host:abc",
            "redis-sentinel://u:" + SECRET + "@s1",
            "redis-cluster://u:" + SECRET + "@n1/3",
            "redis://u:" + SECRET + "@host?a=1&a=2",
            "redis://u:" + SECRET + "@host?sentinelPassword=" + SECRET,
            "rediss://host?trustStorePassword=" + SECRET,
            "redis-sentinel://s?masterName=m&sentinelPassword=" + SECRET + "&connectTimeout=x",
            "redis-sentinel://s?masterName=m&sentinelPassword=" + SECRET + "%zz",
            "redis://host?myPassword=" + SECRET + "&myPassword=" + SECRET,
        })
        void passwordNeverAppearsInErrorMessages(String text) {
            InvalidRedisUriException error = catchThrowableOfType(InvalidRedisUriException.class, () -> RedisUri.parse(text));

            assertThat(error).as(text).isNotNull();
            assertThat(error.getMessage()).doesNotContain(SECRET).doesNotContain("Sup3r").doesNotContain("Secret");
            assertThat(error.redactedUri()).doesNotContain("Sup3r").doesNotContain("Secret");
        }

        @Test
        void errorsShowTheUriAsGivenWithThePasswordHidden() {
            assertThatThrownBy(() -> RedisUri.parse("redis://alice:" + SECRET + "@host:abc/2?poolMaxTotal=4"))
                    .hasMessageStartingWith("Invalid Redis URI 'redis://alice:***@host:abc/2?poolMaxTotal=4': ");
        }
    }

    @Nested
    class Malformed {

        static Stream<Arguments> malformedUris() {
            return Stream.of(
                    bad(null, "the URI is null", "redis://localhost:6379"),
                    bad("  ", "the URI is blank", "redis://localhost:6379"),
                    bad("localhost:6379", "does not start with a scheme",
                            "redis://, rediss://, redis-sentinel://, rediss-sentinel://, redis-cluster://, rediss-cluster://"),
                    bad("http://localhost", "unknown scheme 'http://'", "expected one of redis://, rediss://"),
                    bad("redis+tls://localhost", "unknown scheme 'redis+tls://'", "rediss-cluster://"),
                    bad("redis://", "it has no host", "redis://localhost:6379"),
                    bad("redis://u:p@/0", "it has no host", "redis://localhost:6379"),
                    bad("redis-sentinel://?masterName=m", "it has no host", "redis-sentinel://localhost:26379"),
                    bad("redis://:6379", "':6379' has no host before the port", "host:port"),
                    bad("redis://localhost:abc", "the port 'abc' of host 'localhost' is not a number", "1 to 65535"),
                    bad("redis://localhost:0", "the port 0 of host 'localhost' is out of range", "1 to 65535"),
                    bad("redis://localhost:65536", "the port 65536", "out of range"),
                    bad("redis://localhost:99999999999", "the port 99999999999", "out of range"),
                    bad("redis://localhost:", "the port after 'localhost:' is empty", "drop the ':'"),
                    bad("redis://localhost:-1", "the port '-1'", "not a number"),
                    bad("redis://loc alhost", "the host 'loc alhost' contains ' '", "IPv6 address in brackets"),
                    bad("redis://::1", "'::1' looks like an IPv6 address", "[::1]:6379"),
                    bad("redis://[::1", "has no closing ']'", "[::1]:6379"),
                    bad("redis://[localhost]:6379", "'localhost' in brackets is not an IPv6 address", "[::1]"),
                    bad("redis://[::1]6379", "unexpected '6379' after the IPv6 address [::1]", "[::1]:port"),
                    bad("redis://a,b", "a redis:// URI names one host, not 2", "redis-cluster://"),
                    bad("redis-cluster://a,,b", "the host list 'a,,b' has an empty entry", "single commas"),
                    bad("redis-sentinel://a,?masterName=m", "the host list 'a,' has an empty entry", "single commas"),
                    bad("redis://localhost/abc", "the database 'abc' is not a number", "redis://localhost:6379/0"),
                    bad("redis://localhost/-1", "the database '-1' is not a number", "0 or more"),
                    bad("redis://localhost/1/2", "the path '/1/2' is not a database number", "0 or more"),
                    bad("redis://localhost/99999999999", "the database 99999999999 is too large", "such as 0"),
                    bad("redis-cluster://n1:7000/3", "only database 0", "remove '/3'"),
                    bad("redis-sentinel://s1", "needs the option masterName", "?masterName=mymaster"),
                    bad("redis-sentinel://s1?masterName=", "the option masterName is empty", "give it a value"),
                    bad("redis://al%zzice@localhost", "the user 'al%zzice' has a '%' at position 3", "%25"),
                    bad("redis://:pa%4@localhost", "the password has a '%' at position 3", "%25"),
                    bad("redis://:%C3%28@localhost", "the password is not valid UTF-8", "%XX"),
                    bad("redis://localhost?keyPrefix=a%G1", "the value of option keyPrefix ('a%G1') has a '%'", "%25"),
                    bad("redis://localhost?key%Prefix=a", "the option name 'key%Prefix' has a '%'", "%25"),
                    bad("redis://localhost?prefetch=1&prefetch=2", "the option prefetch appears more than once",
                            "give each option once"),
                    bad("redis://localhost?tls", "the option 'tls' has no value", "name=value"),
                    bad("redis://localhost?=5", "an option has a value but no name ('=5')", "name=value"),
                    bad("redis://localhost?connectTimeout=abc", "connectTimeout='abc' is not a valid duration",
                            "500ms, 30s, 5m, 2h, 1d"),
                    bad("redis://localhost?socketTimeout=-1s", "socketTimeout='-1s' is not a valid duration", "negative"),
                    bad("redis://localhost?connectTimeout=0", "connectTimeout=0 is out of range", "from 1ms to 24d"),
                    bad("redis://localhost?socketTimeout=30d", "socketTimeout=30d is out of range", "from 1ms to 24d"),
                    bad("redis://localhost?poolMaxWait=soon", "poolMaxWait='soon' is not a valid duration", "500ms"),
                    bad("redis://localhost?poolMaxTotal=-1", "poolMaxTotal='-1' is not valid", "whole number of 1 or more"),
                    bad("redis://localhost?poolMaxTotal=0", "poolMaxTotal='0' is not valid", "whole number of 1 or more"),
                    bad("redis://localhost?poolMaxTotal=lots", "poolMaxTotal='lots' is not valid", "such as 16"),
                    bad("redis://localhost?poolMaxIdle=1.5", "poolMaxIdle='1.5' is not valid", "whole number of 0 or more"),
                    bad("redis://localhost?poolMinIdle=", "poolMinIdle='' is not valid", "whole number of 0 or more"),
                    bad("redis://localhost?poolMinIdle=20", "poolMinIdle (20) is greater than poolMaxIdle (16)",
                            "keep poolMinIdle at or below poolMaxIdle"),
                    bad("rediss://localhost?sslVerifyHostname=maybe", "sslVerifyHostname='maybe' is not valid",
                            "true or false"),
                    bad("redis://localhost?sslVerifyHostname=false", "sslVerifyHostname applies only to TLS", "rediss://"),
                    bad("redis://localhost?trustStore=/t.p12", "trustStore applies only to TLS", "rediss://"),
                    bad("rediss://localhost?trustStorePassword=x", "trustStorePassword is set but trustStore is not",
                            "JVM's default trust"),
                    bad("rediss://localhost?trustStoreType=JKS", "trustStoreType is set but trustStore is not",
                            "trustStore=/path/to/truststore.p12"),
                    bad("rediss://localhost?trustStore=", "the option trustStore is empty", "give it a value"),
                    bad("redis://localhost?masterName=m", "masterName applies only to sentinel URIs", "redis-sentinel://"),
                    bad("redis-cluster://n1?sentinelUser=w", "sentinelUser applies only to sentinel URIs", "redis-sentinel://"),
                    bad("redis://localhost?clientName=my%20app", "clientName='my app' is not valid", "without spaces"),
                    bad("redis://localhost?clientName=", "clientName='' is not valid", "non-empty name"));
        }

        private static Arguments bad(String uri, String problem, String expected) {
            return Arguments.of(uri, problem, expected);
        }

        @ParameterizedTest(name = "[{index}] {0}")
        @MethodSource("malformedUris")
        void malformedUriIsRejectedWithWhatIsWrongAndWhatIsExpected(String uri, String problem, String expected) {
            assertThatThrownBy(() -> RedisUri.parse(uri))
                    .isInstanceOf(InvalidRedisUriException.class)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("Invalid Redis URI ")
                    .hasMessageContaining(problem)
                    .hasMessageContaining(expected);
        }

        @Test
        void unknownOptionsAreLeftForTheLayersAbove() {
            RedisUri uri = RedisUri.parse("redis://localhost?noSuchOption=1");

            assertThat(uri.options()).containsEntry("noSuchOption", "1");
            assertThat(RedisUri.connectionOptionNames()).doesNotContain("noSuchOption");
        }

        @Test
        void errorNamesTheUriItWasFoundIn() {
            InvalidRedisUriException error = catchThrowableOfType(InvalidRedisUriException.class,
                    () -> RedisUri.parse("redis://localhost:abc"));

            assertThat(error.redactedUri()).isEqualTo("redis://localhost:abc");
        }
    }

    @Test
    void endpointRejectsPortsOutOfRange() {
        assertThatThrownBy(() -> new Endpoint("h", 0)).hasMessageContaining("1 to 65535");
        assertThat(List.of(new Endpoint("h", 1))).hasSize(1);
    }
}
