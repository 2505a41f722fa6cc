package dev.reliq.test;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds the {@code redis-server} executable that a launched server runs: the one on the
 * {@code PATH}, or the Redis 6.2 binary bundled as a resource in the embedded-redis jar.
 */
final class RedisBinary {

    private static final String EXECUTABLE = "redis-server";

    /** The extracted embedded binary; extracted at most once per JVM. */
    private static Path extracted;

    private RedisBinary() {
    }

    /** The executable for a tier that launches processes ({@link RedisSource#PATH} or {@link RedisSource#EMBEDDED}). */
    static Path of(RedisSource source) {
        return switch (source) {
            case PATH -> onPath().orElseThrow(() -> new IllegalStateException("No " + EXECUTABLE + " on the PATH ("
                    + System.getenv("PATH") + "); install Redis (apt-get install redis-server, brew install redis)"
                    + " or choose another tier"));
            case EMBEDDED -> embedded();
            default -> throw new IllegalArgumentException(source + " does not run a local executable");
        };
    }

    /** The first executable {@code redis-server} on the {@code PATH}, if any. */
    static Optional<Path> onPath() {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, EXECUTABLE);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** The name of the bundled binary for this operating system and processor, if the jar has one. */
    static Optional<String> embeddedResource() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        boolean x64 = arch.equals("amd64") || arch.equals("x86_64");
        boolean arm64 = arch.equals("aarch64") || arch.equals("arm64");
        boolean x86 = arch.equals("x86") || arch.equals("i386") || arch.equals("i686");
        if (os.contains("linux")) {
            if (x64) {
                return Optional.of("redis-server-6.2.6-v5-linux-amd64");
            }
            if (arm64) {
                return Optional.of("redis-server-6.2.7-linux-arm64");
            }
            if (x86) {
                return Optional.of("redis-server-6.2.7-linux-386");
            }
        }
        if (os.contains("mac")) {
            if (x64) {
                return Optional.of("redis-server-6.2.6-v5-darwin-amd64");
            }
            if (arm64) {
                return Optional.of("redis-server-6.2.6-v5-darwin-arm64");
            }
        }
        return Optional.empty();
    }

    /** The bundled binary, copied out of the jar into an executable temporary file on first use. */
    static synchronized Path embedded() {
        if (extracted == null) {
            String resource = embeddedResource().orElseThrow(() -> new IllegalStateException(
                    "The embedded-redis jar has no redis-server for " + System.getProperty("os.name") + "/"
                            + System.getProperty("os.arch") + "; install redis-server on the PATH or set REDIS_URL"));
            extracted = extract(resource);
        }
        return extracted;
    }

    private static Path extract(String resource) {
        try (InputStream in = RedisBinary.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the test classpath;"
                        + " the embedded tier needs com.github.codemonstur:embedded-redis");
            }
            Path file = Files.createTempFile(resource + "-", "");
            file.toFile().deleteOnExit();
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            if (!file.toFile().setExecutable(true, true)) {
                throw new IllegalStateException("Could not make " + file + " executable");
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not extract " + resource + " from the embedded-redis jar", e);
        }
    }
}
