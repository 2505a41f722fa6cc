package dev.reliq.queue;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;

/**
 * Where and how to connect to Redis, written as one URI. Parse with {@link #parse(String)}; open a client
 * with {@link RedisClients#open(RedisUri)}.
 *
 * <h2>Forms</h2>
 * <pre>
 * redis://[user[:password]@]host[:port][/database][?options]
 * redis-sentinel://[user[:password]@]host[:port][,host[:port]...][/database]?masterName=NAME[&amp;options]
 * redis-cluster://[user[:password]@]host[:port][,host[:port]...][?options]
 * </pre>
 * <ul>
 *   <li>{@code rediss://}, {@code rediss-sentinel://} and {@code rediss-cluster://} are the same with TLS; with
 *       {@code rediss-sentinel://} both the sentinels and the master are reached over TLS, with the same trust.</li>
 *   <li>The port defaults to 6379, and to 26379 for the sentinels of a sentinel URI.</li>
 *   <li>The database defaults to 0. A cluster has only database 0.</li>
 *   <li>{@code redis://:secret@host} authenticates the default user with a password (Redis
 *       {@code requirepass}); {@code redis://alice:secret@host} authenticates the ACL user {@code alice}.
 *       A user without a password sends an empty one, which only a {@code nopass} ACL user accepts.</li>
 *   <li>The user, the password and option names and values are percent-decoded as UTF-8: write
 *       {@code %40} for {@code @}, {@code %3A} for {@code :}, {@code %2F} for {@code /}, {@code %3F} for
 *       {@code ?}, {@code %26} for {@code &amp;}, {@code %25} for {@code %}. A {@code +} stays a plus. An
 *       unencoded {@code @}, {@code /}, {@code :} or {@code =} in a password is still read correctly.</li>
 *   <li>An IPv6 address goes in brackets: {@code redis://[::1]:6380}.</li>
 *   <li>The scheme is case-insensitive; option names are case-sensitive and may appear only once.</li>
 * </ul>
 *
 * <h2>Connection options</h2>
 * All are optional. Options this class does not know are kept in {@link #options()} for the layers above
 * (such as {@code visibilityTimeout} or {@code prefetch}), which reject names nobody knows. A TLS option on a
 * URI without TLS, or a sentinel option on a URI that is not a sentinel URI, is an error.
 * <table>
 *   <caption>Connection options</caption>
 *   <tr><th>option</th><th>meaning</th><th>default</th></tr>
 *   <tr><td>{@code connectTimeout}</td><td>how long opening a TCP connection may take</td><td>{@code 2s}</td></tr>
 *   <tr><td>{@code socketTimeout}</td><td>how long to wait for a reply to a command</td><td>{@code 2s}</td></tr>
 *   <tr><td>{@code clientName}</td><td>the name shown by {@code CLIENT LIST}</td><td>none</td></tr>
 *   <tr><td>{@code poolMaxTotal}</td><td>most connections open at once, per Redis node</td><td>16</td></tr>
 *   <tr><td>{@code poolMaxIdle}</td><td>most unused connections kept open, per node</td><td>16</td></tr>
 *   <tr><td>{@code poolMinIdle}</td><td>fewest unused connections kept open, per node</td><td>0</td></tr>
 *   <tr><td>{@code poolMaxWait}</td><td>how long to wait for a free connection when all are busy; {@code 0}
 *       fails at once</td><td>{@code 5s}</td></tr>
 *   <tr><td>{@code sslVerifyHostname}</td><td>TLS only: whether the server certificate must name the host
 *       connected to ({@code true} or {@code false}); the certificate chain is always verified</td><td>{@code true}</td></tr>
 *   <tr><td>{@code trustStore}</td><td>TLS only: path of the key store holding the certificates to trust;
 *       a relative path is resolved against the working directory</td>
 *       <td>the JVM's default trust</td></tr>
 *   <tr><td>{@code trustStorePassword}</td><td>TLS only: password of the trust store</td><td>none</td></tr>
 *   <tr><td>{@code trustStoreType}</td><td>TLS only: type of the trust store, e.g. {@code PKCS12} or {@code JKS}</td>
 *       <td>the JVM's default type</td></tr>
 *   <tr><td>{@code masterName}</td><td>sentinel only, required: the master the sentinels monitor</td><td></td></tr>
 *   <tr><td>{@code sentinelUser}, {@code sentinelPassword}</td><td>sentinel only: credentials for the
 *       sentinels themselves, when they differ from the master's</td><td>none</td></tr>
 * </table>
 * Durations are written as {@code 500ms}, {@code 30s}, {@code 5m}, {@code 2h}, {@code 1d} or plain milliseconds
 * (see {@link Durations}).
 *
 * <p>Instances are immutable. {@link #toString()} never shows a password: it shows {@code ***} instead, for the
 * password in the URI and for every option whose name ends with {@code password}.
 */
public final class RedisUri {

    /** How the Redis servers named by a URI are organised. */
    public enum Mode {
        /** One Redis server, or whatever answers like one at a single address, such as a managed endpoint. */
        STANDALONE,
        /** A master found through Redis Sentinel, which follows it across failovers. */
        SENTINEL,
        /** A Redis Cluster; the URI names some of its nodes, the rest are discovered. */
        CLUSTER
    }

    /**
     * One host and port from a URI.
     *
     * @param host a host name or an IP address; IPv6 addresses without brackets
     * @param port from 1 to 65535
     */
    public record Endpoint(String host, int port) {

        public Endpoint {
            Objects.requireNonNull(host, "host");
            if (port < 1 || port > MAX_PORT) {
                throw new IllegalArgumentException("port " + port + " is out of range; expected 1 to " + MAX_PORT);
            }
        }

        /** @return {@code host:port}, with an IPv6 address in brackets */
        @Override
        public String toString() {
            return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
        }
    }

    static final String CONNECT_TIMEOUT = "connectTimeout";
    static final String SOCKET_TIMEOUT = "socketTimeout";
    static final String CLIENT_NAME = "clientName";
    static final String POOL_MAX_TOTAL = "poolMaxTotal";
    static final String POOL_MAX_IDLE = "poolMaxIdle";
    static final String POOL_MIN_IDLE = "poolMinIdle";
    static final String POOL_MAX_WAIT = "poolMaxWait";
    static final String SSL_VERIFY_HOSTNAME = "sslVerifyHostname";
    static final String TRUST_STORE = "trustStore";
    static final String TRUST_STORE_PASSWORD = "trustStorePassword";
    static final String TRUST_STORE_TYPE = "trustStoreType";
    static final String MASTER_NAME = "masterName";
    static final String SENTINEL_USER = "sentinelUser";
    static final String SENTINEL_PASSWORD = "sentinelPassword";

    private static final Set<String> CONNECTION_OPTION_NAMES = Collections.unmodifiableSet(new LinkedHashSet<>(List.of(
            CONNECT_TIMEOUT, SOCKET_TIMEOUT, CLIENT_NAME, POOL_MAX_TOTAL, POOL_MAX_IDLE, POOL_MIN_IDLE, POOL_MAX_WAIT,
            SSL_VERIFY_HOSTNAME, TRUST_STORE, TRUST_STORE_PASSWORD, TRUST_STORE_TYPE,
            MASTER_NAME, SENTINEL_USER, SENTINEL_PASSWORD)));
    private static final Set<String> TLS_OPTIONS = Set.of(SSL_VERIFY_HOSTNAME, TRUST_STORE, TRUST_STORE_PASSWORD, TRUST_STORE_TYPE);
    private static final Set<String> SENTINEL_OPTIONS = Set.of(MASTER_NAME, SENTINEL_USER, SENTINEL_PASSWORD);

    private static final String SCHEMES =
            "redis://, rediss://, redis-sentinel://, rediss-sentinel://, redis-cluster://, rediss-cluster://";
    private static final String REDACTED = "***";
    private static final int MAX_PORT = 65535;
    private static final int STANDALONE_PORT = 6379;
    private static final int SENTINEL_PORT = 26379;
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration DEFAULT_POOL_MAX_WAIT = Duration.ofSeconds(5);
    private static final int DEFAULT_POOL_SIZE = 16;

    private final Mode mode;
    private final boolean tls;
    private final List<Endpoint> endpoints;
    private final String user;
    private final String password;
    private final int database;
    private final Map<String, String> options;

    // the connection options, read and checked once
    private final Duration connectTimeout;
    private final Duration socketTimeout;
    private final int poolMaxTotal;
    private final int poolMaxIdle;
    private final int poolMinIdle;
    private final Duration poolMaxWait;
    private final boolean sslVerifyHostname;

    private RedisUri(Mode mode, boolean tls, List<Endpoint> endpoints, String user, String password, int database,
            Map<String, String> options, String shownInErrors) {
        this.mode = mode;
        this.tls = tls;
        this.endpoints = List.copyOf(endpoints);
        this.user = user;
        this.password = password;
        this.database = database;
        this.options = Collections.unmodifiableMap(new LinkedHashMap<>(options));

        OptionReader reader = new OptionReader(this.options, shownInErrors);
        reader.checkApplicable(mode, tls);
        this.connectTimeout = reader.timeout(CONNECT_TIMEOUT, DEFAULT_TIMEOUT);
        this.socketTimeout = reader.timeout(SOCKET_TIMEOUT, DEFAULT_TIMEOUT);
        this.poolMaxTotal = reader.integer(POOL_MAX_TOTAL, DEFAULT_POOL_SIZE, 1);
        this.poolMaxIdle = reader.integer(POOL_MAX_IDLE, DEFAULT_POOL_SIZE, 0);
        this.poolMinIdle = reader.integer(POOL_MIN_IDLE, 0, 0);
        this.poolMaxWait = reader.duration(POOL_MAX_WAIT, DEFAULT_POOL_MAX_WAIT);
        this.sslVerifyHostname = reader.bool(SSL_VERIFY_HOSTNAME, true);
        reader.clientName();
        reader.nonEmpty(TRUST_STORE, TRUST_STORE_PASSWORD, TRUST_STORE_TYPE, MASTER_NAME, SENTINEL_USER, SENTINEL_PASSWORD);
        reader.checkCombinations(mode, poolMinIdle, poolMaxIdle);
    }

    /**
     * Reads a Redis URI in one of the forms described {@linkplain RedisUri above}.
     *
     * @param uri the text of the URI; surrounding whitespace is ignored
     * @return the parsed URI
     * @throws InvalidRedisUriException if the URI is null, blank or malformed, or a connection option has an
     *         unacceptable value; the message says which and what is expected
     */
    public static RedisUri parse(String uri) {
        return UriParser.parse(uri);
    }

    /**
     * @return the names of the options this class reads; other options are for the layers above
     */
    public static Set<String> connectionOptionNames() {
        return CONNECTION_OPTION_NAMES;
    }

    /** @return standalone, sentinel or cluster */
    public Mode mode() {
        return mode;
    }

    /** @return whether connections use TLS (the {@code rediss} schemes) */
    public boolean tls() {
        return tls;
    }

    /** @return the host and ports in the URI, in order: one for standalone, the sentinels or the cluster seed nodes */
    public List<Endpoint> endpoints() {
        return endpoints;
    }

    /** @return the ACL user, if the URI names one */
    public Optional<String> user() {
        return Optional.ofNullable(user);
    }

    /** @return the password, if the URI has one; never part of {@link #toString()} */
    public Optional<String> password() {
        return Optional.ofNullable(password);
    }

    /** @return the database number; 0 unless the URI gives one */
    public int database() {
        return database;
    }

    /** @return for a sentinel URI, the name of the master the sentinels monitor; empty otherwise */
    public Optional<String> masterName() {
        return option(MASTER_NAME);
    }

    /** @return every query option in the order written, percent-decoded, including those for other layers */
    public Map<String, String> options() {
        return options;
    }

    /**
     * @param name an option name, case-sensitive
     * @return the option's percent-decoded value, if the URI has it
     */
    public Optional<String> option(String name) {
        return Optional.ofNullable(options.get(name));
    }

    /** @return how long opening a connection may take; {@code connectTimeout}, default 2s */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /** @return how long to wait for a reply; {@code socketTimeout}, default 2s */
    public Duration socketTimeout() {
        return socketTimeout;
    }

    /** @return the client name for {@code CLIENT SETNAME}, if set */
    public Optional<String> clientName() {
        return option(CLIENT_NAME);
    }

    /** @return the most connections per node; {@code poolMaxTotal}, default 16 */
    public int poolMaxTotal() {
        return poolMaxTotal;
    }

    /** @return the most idle connections kept per node; {@code poolMaxIdle}, default 16 */
    public int poolMaxIdle() {
        return poolMaxIdle;
    }

    /** @return the fewest idle connections kept per node; {@code poolMinIdle}, default 0 */
    public int poolMinIdle() {
        return poolMinIdle;
    }

    /** @return how long to wait for a free pooled connection; {@code poolMaxWait}, default 5s */
    public Duration poolMaxWait() {
        return poolMaxWait;
    }

    /** @return whether a TLS server certificate must match the host name; {@code sslVerifyHostname}, default true */
    public boolean sslVerifyHostname() {
        return sslVerifyHostname;
    }

    /** @return the trust store path, if set; without one TLS uses the JVM's default trust */
    public Optional<String> trustStore() {
        return option(TRUST_STORE);
    }

    /** @return the trust store password, if set */
    public Optional<String> trustStorePassword() {
        return option(TRUST_STORE_PASSWORD);
    }

    /** @return the trust store type, if set; without one the JVM's default type */
    public Optional<String> trustStoreType() {
        return option(TRUST_STORE_TYPE);
    }

    /** @return for a sentinel URI, the user for the sentinels themselves, if set */
    public Optional<String> sentinelUser() {
        return option(SENTINEL_USER);
    }

    /** @return for a sentinel URI, the password for the sentinels themselves, if set */
    public Optional<String> sentinelPassword() {
        return option(SENTINEL_PASSWORD);
    }

    /**
     * Returns this URI with other credentials, as when a JMS application calls
     * {@code createConnection(user, password)}.
     *
     * @param newUser the ACL user, or null or empty for the default user
     * @param newPassword the password, or null or empty for none
     * @return a copy that differs only in user and password
     */
    public RedisUri withCredentials(String newUser, String newPassword) {
        String u = newUser == null || newUser.isEmpty() ? null : newUser;
        String p = newPassword == null || newPassword.isEmpty() ? null : newPassword;
        return new RedisUri(mode, tls, endpoints, u, p, database, options, redacted());
    }

    /**
     * @return the URI in its normal form, with {@code ***} in place of the password and of the value of every
     *         option whose name ends with {@code password}; parsing it gives back this URI, passwords aside
     */
    public String redacted() {
        StringBuilder text = new StringBuilder(scheme(mode, tls)).append("://");
        if (user != null || password != null) {
            if (user != null) {
                text.append(PercentCoding.encode(user, ""));
            }
            if (password != null) {
                text.append(':').append(REDACTED);
            }
            text.append('@');
        }
        StringJoiner hosts = new StringJoiner(",");
        endpoints.forEach(endpoint -> hosts.add(endpoint.toString()));
        text.append(hosts);
        if (database != 0) {
            text.append('/').append(database);
        }
        StringJoiner query = new StringJoiner("&", "?", "").setEmptyValue("");
        options.forEach((name, value) -> query.add(PercentCoding.encode(name, "")
                + "=" + (isSecret(name) ? REDACTED : PercentCoding.encode(value, "/:,@"))));
        return text.append(query).toString();
    }

    /** @return the same as {@link #redacted()}: the password is never shown */
    @Override
    public String toString() {
        return redacted();
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof RedisUri)) {
            return false;
        }
        RedisUri that = (RedisUri) other;
        return mode == that.mode && tls == that.tls && database == that.database && endpoints.equals(that.endpoints)
                && Objects.equals(user, that.user) && Objects.equals(password, that.password)
                && options.equals(that.options);
    }

    @Override
    public int hashCode() {
        return Objects.hash(mode, tls, endpoints, user, password, database, options);
    }

    static boolean isSecret(String optionName) {
        return optionName.toLowerCase(Locale.ROOT).endsWith("password");
    }

    private static String scheme(Mode mode, boolean tls) {
        String base = tls ? "rediss" : "redis";
        switch (mode) {
            case SENTINEL:
                return base + "-sentinel";
            case CLUSTER:
                return base + "-cluster";
            default:
                return base;
        }
    }

    /** Takes a URI's text apart; every problem becomes an {@link InvalidRedisUriException}. */
    private static final class UriParser {

        private final String text;
        private final String shown;

        private UriParser(String text) {
            this.text = text;
            this.shown = redactRaw(text);
        }

        static RedisUri parse(String uri) {
            if (uri == null) {
                throw new InvalidRedisUriException(null, "the URI is null; expected e.g. redis://localhost:6379");
            }
            String text = uri.strip();
            if (text.isEmpty()) {
                throw new InvalidRedisUriException("", "the URI is blank; expected e.g. redis://localhost:6379");
            }
            return new UriParser(text).parse();
        }

        private RedisUri parse() {
            int schemeEnd = text.indexOf("://");
            if (schemeEnd < 0) {
                throw fail("it does not start with a scheme; expected one of " + SCHEMES
                        + ", e.g. redis://localhost:6379");
            }
            String scheme = text.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
            boolean tls = scheme.startsWith("rediss");
            Mode mode = modeOf(scheme);

            String rest = text.substring(schemeEnd + 3);
            int at = credentialsEnd(rest);
            int queryStart = rest.indexOf('?', at + 1);
            String beforeQuery = queryStart < 0 ? rest : rest.substring(0, queryStart);
            String hostsAndPath = beforeQuery.substring(at + 1);
            int slash = hostsAndPath.indexOf('/');
            String hosts = slash < 0 ? hostsAndPath : hostsAndPath.substring(0, slash);

            String user = null;
            String password = null;
            if (at >= 0) {
                String userInfo = beforeQuery.substring(0, at);
                int colon = userInfo.indexOf(':');
                String rawUser = colon < 0 ? userInfo : userInfo.substring(0, colon);
                user = emptyToNull(decode(rawUser, "the user '" + rawUser + "'"));
                password = colon < 0 ? null : emptyToNull(decode(userInfo.substring(colon + 1), "the password"));
            }
            List<Endpoint> endpoints = endpoints(hosts, mode);
            int database = slash < 0 ? 0 : database(hostsAndPath.substring(slash), mode);
            Map<String, String> options = queryStart < 0 ? Map.of() : options(rest.substring(queryStart + 1));
            return new RedisUri(mode, tls, endpoints, user, password, database, options, shown);
        }

        private Mode modeOf(String scheme) {
            switch (scheme) {
                case "redis":
                case "rediss":
                    return Mode.STANDALONE;
                case "redis-sentinel":
                case "rediss-sentinel":
                    return Mode.SENTINEL;
                case "redis-cluster":
                case "rediss-cluster":
                    return Mode.CLUSTER;
                default:
                    throw fail("unknown scheme '" + scheme + "://'; expected one of " + SCHEMES);
            }
        }

        private List<Endpoint> endpoints(String hosts, Mode mode) {
            if (hosts.isEmpty()) {
                throw fail("it has no host; expected e.g. " + scheme(mode, false) + "://localhost:"
                        + (mode == Mode.SENTINEL ? SENTINEL_PORT : STANDALONE_PORT));
            }
            String[] parts = hosts.split(",", -1);
            if (parts.length > 1 && mode == Mode.STANDALONE) {
                throw fail("a redis:// URI names one host, not " + parts.length + " ('" + hosts + "'); for several"
                        + " hosts use redis-sentinel:// (sentinels) or redis-cluster:// (cluster nodes)");
            }
            List<Endpoint> endpoints = new ArrayList<>(parts.length);
            for (String part : parts) {
                if (part.isEmpty()) {
                    throw fail("the host list '" + hosts + "' has an empty entry; separate hosts with single commas,"
                            + " e.g. host1:26379,host2:26379");
                }
                endpoints.add(endpoint(part, mode == Mode.SENTINEL ? SENTINEL_PORT : STANDALONE_PORT));
            }
            return endpoints;
        }

        private Endpoint endpoint(String hostAndPort, int defaultPort) {
            String host;
            String port;
            if (hostAndPort.startsWith("[")) {
                int close = hostAndPort.indexOf(']');
                if (close < 0) {
                    throw fail("the IPv6 address in '" + hostAndPort + "' has no closing ']'; expected e.g. [::1]:6379");
                }
                host = hostAndPort.substring(1, close);
                if (host.indexOf(':') < 0 || !host.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == ':' || c == '.')) {
                    throw fail("'" + host + "' in brackets is not an IPv6 address; brackets are only for IPv6"
                            + " addresses such as [::1] or [2001:db8::7]");
                }
                String after = hostAndPort.substring(close + 1);
                if (!after.isEmpty() && !after.startsWith(":")) {
                    throw fail("unexpected '" + after + "' after the IPv6 address [" + host + "]; expected [" + host
                            + "] or [" + host + "]:port");
                }
                port = after.isEmpty() ? null : after.substring(1);
            } else {
                int colon = hostAndPort.indexOf(':');
                if (colon >= 0 && hostAndPort.indexOf(':', colon + 1) >= 0) {
                    throw fail("'" + hostAndPort + "' looks like an IPv6 address; put the address in brackets,"
                            + " e.g. [::1]:6379");
                }
                host = colon < 0 ? hostAndPort : hostAndPort.substring(0, colon);
                port = colon < 0 ? null : hostAndPort.substring(colon + 1);
                if (host.isEmpty()) {
                    throw fail("'" + hostAndPort + "' has no host before the port; expected host:port, e.g. localhost:6379");
                }
                for (int i = 0; i < host.length(); i++) {
                    char c = host.charAt(i);
                    if (!(Character.isLetterOrDigit(c) || c == '-' || c == '.' || c == '_')) {
                        throw fail("the host '" + host + "' contains '" + c + "'; expected a host name or IP address"
                                + " (letters, digits, '-', '.', '_'), or an IPv6 address in brackets");
                    }
                }
            }
            return new Endpoint(host, port == null ? defaultPort : port(port, host));
        }

        private int port(String port, String host) {
            if (port.isEmpty()) {
                throw fail("the port after '" + host + ":' is empty; write a port from 1 to " + MAX_PORT
                        + ", or drop the ':' for the default");
            }
            if (!port.chars().allMatch(c -> c >= '0' && c <= '9')) {
                throw fail("the port '" + port + "' of host '" + host + "' is not a number; expected 1 to " + MAX_PORT);
            }
            if (port.length() > 5 || Integer.parseInt(port) < 1 || Integer.parseInt(port) > MAX_PORT) {
                throw fail("the port " + port + " of host '" + host + "' is out of range; expected 1 to " + MAX_PORT);
            }
            return Integer.parseInt(port);
        }

        private int database(String path, Mode mode) {
            String number = path.substring(1);
            if (number.isEmpty()) {
                return 0;
            }
            if (!number.chars().allMatch(c -> c >= '0' && c <= '9')) {
                String what = number.indexOf('/') >= 0 ? "the path '" + path + "' is not a database number"
                        : "the database '" + number + "' is not a number";
                throw fail(what + "; expected a database number of 0 or more after the host, e.g. redis://localhost:6379/0");
            }
            int database;
            try {
                database = Integer.parseInt(number);
            } catch (NumberFormatException tooLarge) {
                throw fail("the database " + number + " is too large; expected a database number such as 0 or 3");
            }
            if (mode == Mode.CLUSTER && database != 0) {
                throw fail("a Redis Cluster has only database 0, but the URI selects database " + database
                        + "; remove '/" + number + "'");
            }
            return database;
        }

        private Map<String, String> options(String query) {
            Map<String, String> options = new LinkedHashMap<>();
            for (String pair : query.split("&")) {
                if (pair.isEmpty()) {
                    continue; // tolerate "?" alone, "&&" and a trailing "&"
                }
                int equals = pair.indexOf('=');
                if (equals <= 0) {
                    String what = equals == 0 ? "an option has a value but no name ('" + pair + "')"
                            : "the option '" + pair + "' has no value";
                    throw fail(what + "; expected name=value pairs separated by '&', e.g. ?connectTimeout=5s&clientName=app");
                }
                String name = decode(pair.substring(0, equals), "the option name '" + pair.substring(0, equals) + "'");
                String shownName = isSecret(name) ? "the value of option " + name : "the value of option " + name
                        + " ('" + pair.substring(equals + 1) + "')";
                String value = decode(pair.substring(equals + 1), shownName);
                if (options.putIfAbsent(name, value) != null) {
                    throw fail("the option " + name + " appears more than once; give each option once");
                }
            }
            return options;
        }

        private String decode(String encoded, String what) {
            try {
                return PercentCoding.decode(encoded);
            } catch (IllegalArgumentException badEncoding) {
                throw fail(what + " " + badEncoding.getMessage()
                        + "; write a literal '%' as %25 and other reserved characters as %XX (UTF-8 bytes in hex)");
            }
        }

        private InvalidRedisUriException fail(String problem) {
            return new InvalidRedisUriException(shown, problem);
        }

        private static String emptyToNull(String s) {
            return s.isEmpty() ? null : s;
        }

        /**
         * Hides the passwords of a URI that may not even parse, using the same boundaries as the parser so that
         * nothing the parser could take for a password is ever shown.
         */
        static String redactRaw(String text) {
            int schemeEnd = text.indexOf("://");
            int start = schemeEnd < 0 ? 0 : schemeEnd + 3;
            StringBuilder shown = new StringBuilder(text.substring(0, start));
            String rest = text.substring(start);
            int at = credentialsEnd(rest);
            int colon = rest.indexOf(':');
            if (at >= 0 && colon >= 0 && colon < at) {
                shown.append(rest, 0, colon + 1).append(REDACTED).append('@');
            } else {
                shown.append(rest, 0, at + 1);
            }
            int queryStart = rest.indexOf('?', at + 1);
            shown.append(rest, at + 1, queryStart < 0 ? rest.length() : queryStart);
            if (queryStart >= 0) {
                StringJoiner query = new StringJoiner("&", "?", "");
                for (String pair : rest.substring(queryStart + 1).split("&", -1)) {
                    int equals = pair.indexOf('=');
                    String name = equals < 0 ? pair : pair.substring(0, equals);
                    boolean secret = isSecret(name) || isSecret(PercentCoding.decodeLeniently(name));
                    query.add(secret && equals >= 0 ? name + "=" + REDACTED : pair);
                }
                shown.append(query);
            }
            return shown.toString();
        }

        /**
         * Finds the '@' that ends the credentials in the text after the scheme, or -1. It is the last '@' before
         * the query, so that an unencoded '@', '/', ':' or '=' in a password still works; when that finds none,
         * an '@' after a '?' but before the first option's '=' means the password contained a '?'.
         */
        static int credentialsEnd(String rest) {
            int question = rest.indexOf('?');
            if (question < 0) {
                return rest.lastIndexOf('@');
            }
            int at = rest.lastIndexOf('@', question);
            if (at >= 0) {
                return at;
            }
            int equals = rest.indexOf('=', question);
            return rest.lastIndexOf('@', equals < 0 ? rest.length() : equals);
        }
    }

    /** Checks and converts the connection options; every problem names the option and the accepted values. */
    private static final class OptionReader {

        private final Map<String, String> options;
        private final String shown;

        OptionReader(Map<String, String> options, String shown) {
            this.options = options;
            this.shown = shown;
        }

        void checkApplicable(Mode mode, boolean tls) {
            for (String name : options.keySet()) {
                if (!tls && TLS_OPTIONS.contains(name)) {
                    throw new InvalidRedisUriException(shown, "the option " + name + " applies only to TLS connections;"
                            + " use rediss://, rediss-sentinel:// or rediss-cluster:// to connect with TLS, or remove it");
                }
                if (mode != Mode.SENTINEL && SENTINEL_OPTIONS.contains(name)) {
                    throw new InvalidRedisUriException(shown, "the option " + name + " applies only to sentinel URIs"
                            + " (redis-sentinel://host:26379?masterName=mymaster); remove it, or use redis-sentinel://");
                }
            }
        }

        Duration duration(String name, Duration defaultValue) {
            String value = options.get(name);
            if (value == null) {
                return defaultValue;
            }
            try {
                return Durations.parse(name, value);
            } catch (IllegalArgumentException bad) {
                throw new InvalidRedisUriException(shown, bad.getMessage());
            }
        }

        Duration timeout(String name, Duration defaultValue) {
            Duration timeout = duration(name, defaultValue);
            // the client takes whole milliseconds in an int, and reads 0 as "wait forever"
            if (timeout.isZero() || timeout.compareTo(Duration.ofMillis(Integer.MAX_VALUE)) > 0) {
                throw new InvalidRedisUriException(shown, name + "=" + options.get(name) + " is out of range; expected"
                        + " a duration from 1ms to 24d, such as 500ms or 5s");
            }
            return timeout;
        }

        int integer(String name, int defaultValue, int min) {
            String value = options.get(name);
            if (value == null) {
                return defaultValue;
            }
            boolean digits = !value.isEmpty() && value.length() <= 9 && value.chars().allMatch(c -> c >= '0' && c <= '9');
            int number = digits ? Integer.parseInt(value) : Integer.MIN_VALUE;
            if (number < min) {
                throw new InvalidRedisUriException(shown, name + "='" + value + "' is not valid; expected a whole number"
                        + " of " + min + " or more, such as " + defaultValue);
            }
            return number;
        }

        boolean bool(String name, boolean defaultValue) {
            String value = options.get(name);
            if (value == null) {
                return defaultValue;
            }
            if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
                return Boolean.parseBoolean(value);
            }
            throw new InvalidRedisUriException(shown, name + "='" + value + "' is not valid; expected true or false");
        }

        void clientName() {
            String value = options.get(CLIENT_NAME);
            if (value == null) {
                return;
            }
            // CLIENT SETNAME refuses spaces and non-printable characters
            if (value.isEmpty() || !value.chars().allMatch(c -> c > ' ' && c <= '~')) {
                throw new InvalidRedisUriException(shown, CLIENT_NAME + "='" + value + "' is not valid; expected a"
                        + " non-empty name of printable ASCII characters without spaces, such as order-service");
            }
        }

        void checkCombinations(Mode mode, int minIdle, int maxIdle) {
            if (minIdle > maxIdle) {
                throw new InvalidRedisUriException(shown, POOL_MIN_IDLE + " (" + minIdle + ") is greater than "
                        + POOL_MAX_IDLE + " (" + maxIdle + "); keep poolMinIdle at or below poolMaxIdle");
            }
            for (String needsStore : List.of(TRUST_STORE_PASSWORD, TRUST_STORE_TYPE)) {
                if (options.containsKey(needsStore) && !options.containsKey(TRUST_STORE)) {
                    throw new InvalidRedisUriException(shown, needsStore + " is set but " + TRUST_STORE + " is not;"
                            + " add trustStore=/path/to/truststore.p12, or remove " + needsStore
                            + " to use the JVM's default trust");
                }
            }
            if (mode == Mode.SENTINEL && !options.containsKey(MASTER_NAME)) {
                throw new InvalidRedisUriException(shown, "a sentinel URI needs the option masterName, the name under"
                        + " which the sentinels monitor the master, e.g. redis-sentinel://host:26379?masterName=mymaster");
            }
        }

        void nonEmpty(String... names) {
            for (String name : names) {
                if ("".equals(options.get(name))) {
                    throw new InvalidRedisUriException(shown, "the option " + name + " is empty; give it a value or"
                            + " remove it");
                }
            }
        }
    }

    /** Percent-encoding of URI parts as UTF-8 (RFC 3986), without the form-encoding rule that '+' is a space. */
    private static final class PercentCoding {

        private static final String UNRESERVED = "-._~";
        private static final char[] HEX = "0123456789ABCDEF".toCharArray();

        static String encode(String text, String alsoAllowed) {
            StringBuilder encoded = new StringBuilder(text.length());
            for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
                char c = (char) (b & 0xFF);
                boolean plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                        || UNRESERVED.indexOf(c) >= 0 || alsoAllowed.indexOf(c) >= 0;
                if (plain) {
                    encoded.append(c);
                } else {
                    encoded.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
                }
            }
            return encoded.toString();
        }

        /**
         * @throws IllegalArgumentException saying what is wrong without repeating the text, which may be a password
         */
        static String decode(String text) {
            if (text.indexOf('%') < 0) {
                return text;
            }
            ByteBuffer bytes = ByteBuffer.allocate(text.getBytes(StandardCharsets.UTF_8).length);
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '%') {
                    int high = i + 1 < text.length() ? Character.digit(text.charAt(i + 1), 16) : -1;
                    int low = i + 2 < text.length() ? Character.digit(text.charAt(i + 2), 16) : -1;
                    if (high < 0 || low < 0) {
                        throw new IllegalArgumentException("has a '%' at position " + (i + 1)
                                + " that is not followed by two hex digits");
                    }
                    bytes.put((byte) (high * 16 + low));
                    i += 2;
                } else {
                    int codePoint = text.codePointAt(i);
                    bytes.put(new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8));
                    i += Character.charCount(codePoint) - 1;
                }
            }
            bytes.flip();
            try {
                return StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(bytes)
                        .toString();
            } catch (CharacterCodingException notUtf8) {
                throw new IllegalArgumentException("is not valid UTF-8 once percent-decoded");
            }
        }

        static String decodeLeniently(String text) {
            try {
                return decode(text);
            } catch (IllegalArgumentException badEncoding) {
                return text;
            }
        }
    }
}
