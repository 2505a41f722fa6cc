package dev.reliq.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import dev.reliq.queue.ReliableQueue;

/**
 * The Redis commands that reliq's Lua scripts call. INFO commandstats counts a command run
 * inside a script as well as the EVALSHA that ran it, so the idle-cost test leaves these out
 * to count only what clients send. Read from the scripts themselves, so the list cannot go stale.
 */
final class ScriptCommands {

    private static final Pattern CALL = Pattern.compile("redis\\.p?call\\(\\s*['\"]([A-Za-z]+)['\"]");
    private static final String SCRIPT_DIR = "/dev/reliq/queue/";

    private ScriptCommands() {
    }

    static Set<String> load() {
        URL anyScript = ReliableQueue.class.getResource("send.lua");
        if (anyScript == null) {
            throw new IllegalStateException("reliq's Lua scripts are not on the class path");
        }
        try {
            URI uri = anyScript.toURI();
            if (uri.getScheme().equals("jar")) {
                try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
                    return commandsIn(jar.getPath(SCRIPT_DIR));
                }
            }
            return commandsIn(Path.of(uri).getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read reliq's Lua scripts", e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("Cannot locate reliq's Lua scripts: " + anyScript, e);
        }
    }

    private static Set<String> commandsIn(Path dir) throws IOException {
        Set<String> commands = new TreeSet<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path script : files.filter(p -> p.toString().endsWith(".lua")).toList()) {
                Matcher m = CALL.matcher(Files.readString(script, StandardCharsets.UTF_8));
                while (m.find()) {
                    commands.add(m.group(1).toLowerCase(Locale.ROOT));
                }
            }
        }
        return commands;
    }
}
