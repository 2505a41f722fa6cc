package dev.reliq.test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import redis.clients.jedis.SslOptions;
import redis.clients.jedis.SslVerifyMode;

/**
 * A throwaway certificate authority and a server certificate for {@code 127.0.0.1} and
 * {@code localhost}, made with the {@code openssl} command when a test starts, plus a PKCS12
 * truststore holding the authority for Java clients. Nothing here is trusted anywhere else.
 */
final class TestCertificates {

    static final String TRUST_STORE_PASSWORD = "reliq-test";

    private static final Duration OPENSSL_TIMEOUT = Duration.ofSeconds(60);

    private static final String CA_CONFIG = String.join("\n",
            "[req]",
            "prompt = no",
            "distinguished_name = dn",
            "x509_extensions = ca",
            "[dn]",
            "CN = reliq test CA",
            "[ca]",
            "basicConstraints = critical, CA:TRUE",
            "keyUsage = critical, keyCertSign, cRLSign",
            "subjectKeyIdentifier = hash",
            "");

    private static final String SERVER_REQUEST_CONFIG = String.join("\n",
            "[req]",
            "prompt = no",
            "distinguished_name = dn",
            "[dn]",
            "CN = localhost",
            "");

    /*
     * Clients check the address they dialled against subjectAltName, not against the CN. Only the
     * name is listed, so a test can dial 127.0.0.1 to see hostname verification refuse a server.
     */
    private static final String SERVER_EXTENSIONS = String.join("\n",
            "basicConstraints = CA:FALSE",
            "keyUsage = critical, digitalSignature, keyEncipherment",
            "extendedKeyUsage = serverAuth",
            "subjectAltName = DNS:localhost",
            "");

    private final Path dir;

    private TestCertificates(Path dir) {
        this.dir = dir;
    }

    /** Generates the authority, the server certificate and the truststore into {@code dir}. */
    static TestCertificates generate(Path dir) {
        TestCertificates certificates = new TestCertificates(dir);
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("ca.cnf"), CA_CONFIG);
            Files.writeString(dir.resolve("server.cnf"), SERVER_REQUEST_CONFIG);
            Files.writeString(dir.resolve("server.ext"), SERVER_EXTENSIONS);
            certificates.openssl("req", "-x509", "-new", "-nodes", "-newkey", "rsa:2048", "-sha256", "-days", "2",
                    "-config", "ca.cnf", "-keyout", "ca.key", "-out", "ca.crt");
            certificates.openssl("req", "-new", "-nodes", "-newkey", "rsa:2048", "-sha256",
                    "-config", "server.cnf", "-keyout", "server.key", "-out", "server.csr");
            certificates.openssl("x509", "-req", "-in", "server.csr", "-CA", "ca.crt", "-CAkey", "ca.key",
                    "-CAcreateserial", "-sha256", "-days", "2", "-extfile", "server.ext", "-out", "server.crt");
            certificates.writeTrustStore();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not generate test certificates in " + dir, e);
        }
        return certificates;
    }

    Path caCertificate() {
        return dir.resolve("ca.crt");
    }

    Path serverCertificate() {
        return dir.resolve("server.crt");
    }

    Path serverKey() {
        return dir.resolve("server.key");
    }

    /** A PKCS12 keystore whose only entry is the test authority; its password is {@link #TRUST_STORE_PASSWORD}. */
    Path trustStore() {
        return dir.resolve("truststore.p12");
    }

    /**
     * How a Jedis client trusts the test authority and nothing else, checking that the server
     * certificate names the address it dialled.
     */
    SslOptions sslOptions() {
        return SslOptions.builder()
                .truststore(trustStore().toFile(), TRUST_STORE_PASSWORD.toCharArray())
                .trustStoreType("PKCS12")
                .sslVerifyMode(SslVerifyMode.FULL)
                .build();
    }

    private void writeTrustStore() throws IOException {
        try (InputStream ca = Files.newInputStream(caCertificate());
             OutputStream out = Files.newOutputStream(trustStore())) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setCertificateEntry("reliq-test-ca", CertificateFactory.getInstance("X.509").generateCertificate(ca));
            store.store(out, TRUST_STORE_PASSWORD.toCharArray());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not build the truststore " + trustStore(), e);
        }
    }

    private void openssl(String... arguments) throws IOException {
        List<String> command = new ArrayList<>();
        command.add("openssl");
        command.addAll(List.of(arguments));
        Path output = dir.resolve("openssl.log");
        Process process;
        try {
            process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile())).start();
        } catch (IOException e) {
            throw new IllegalStateException("tls() makes its certificates with the openssl command, which could not"
                    + " be run; install openssl and put it on the PATH", e);
        }
        try {
            if (!process.waitFor(OPENSSL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("openssl " + arguments[0] + " did not finish within "
                        + OPENSSL_TIMEOUT.toSeconds() + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IllegalStateException("Interrupted while running openssl", e);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed with status " + process.exitValue()
                    + ":\n" + Files.readString(output));
        }
    }
}
