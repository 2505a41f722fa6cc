package dev.reliq.benchmarks;

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
 * The {@code redis-server} the benchmark runs: the one on the {@code PATH}, else the Redis 6.2
 * binary inside the embedded-redis jar, so the benchmark also runs where Redis is not installed.
 *
 * @param path the executable
 * @param origin where it came from, for the report
 */
record RedisExecutable(Path path, String origin) {

    private static final String NAME = "redis-server";

    static RedisExecutable find() {
        Optional<Path> onPath = onPath();
        if (onPath.isPresent()) {
            return new RedisExecutable(onPath.get(), "redis-server on the PATH (" + onPath.get() + ")");
        }
        String resource = embeddedResource();
        return new RedisExecutable(extract(resource),
            "embedded-redis binary " + resource + " (no redis-server on the PATH)");
    }

    private static Optional<Path> onPath() {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty()) {
                Path candidate = Path.of(dir, NAME);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    private static String embeddedResource() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        boolean x64 = arch.equals("amd64") || arch.equals("x86_64");
        boolean arm64 = arch.equals("aarch64") || arch.equals("arm64");
        if (os.contains("linux") && x64) {
            return "redis-server-6.2.6-v5-linux-amd64";
        }
        if (os.contains("linux") && arm64) {
            return "redis-server-6.2.7-linux-arm64";
        }
        if (os.contains("mac") && x64) {
            return "redis-server-6.2.6-v5-darwin-amd64";
        }
        if (os.contains("mac") && arm64) {
            return "redis-server-6.2.6-v5-darwin-arm64";
        }
        throw new IllegalStateException("No redis-server on the PATH, and the embedded-redis jar has none for "
            + os + "/" + arch + ". Install Redis 6.2 or later (apt-get install redis-server, brew install redis).");
    }

    private static Path extract(String resource) {
        try (InputStream in = RedisExecutable.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource
                    + " is missing from the class path (com.github.codemonstur:embedded-redis)");
            }
            Path file = Files.createTempFile(resource + "-", "");
            file.toFile().deleteOnExit();
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            if (!file.toFile().setExecutable(true, true)) {
                throw new IllegalStateException("Cannot make " + file + " executable");
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot extract " + resource, e);
        }
    }
}
