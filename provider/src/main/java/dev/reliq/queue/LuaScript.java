package dev.reliq.queue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisNoScriptException;

/**
 * One atomic queue operation: a Lua script from {@code dev/reliq/queue/}, run with EVALSHA and
 * loaded again when the server answers NOSCRIPT (after a restart, a failover or SCRIPT FLUSH).
 *
 * <p>Shared Lua lives in include files: a line {@code --@include common.lua} is replaced by that
 * file's text before the script is hashed, so every operation stays one self-contained script.
 */
final class LuaScript {

    private static final String FOLDER = "/dev/reliq/queue/";
    private static final Pattern INCLUDE = Pattern.compile("(?m)^--@include ([\\w.]+)$");

    private final String name;
    private final byte[] source;
    private final byte[] sha;

    private LuaScript(String name, String source) {
        this.name = name;
        this.source = source.getBytes(StandardCharsets.UTF_8);
        this.sha = sha1Hex(this.source).getBytes(StandardCharsets.US_ASCII);
    }

    /** Loads {@code name} (e.g. {@code "receive.lua"}) from the classpath with its includes. */
    static LuaScript load(String name) {
        String text = read(name);
        Matcher include = INCLUDE.matcher(text);
        StringBuilder expanded = new StringBuilder();
        while (include.find()) {
            include.appendReplacement(expanded, Matcher.quoteReplacement(read(include.group(1))));
        }
        include.appendTail(expanded);
        return new LuaScript(name, expanded.toString());
    }

    String name() {
        return name;
    }

    /** The script text as Redis runs it, includes expanded. */
    String source() {
        return new String(source, StandardCharsets.UTF_8);
    }

    /**
     * Runs the script. On a cluster the first key routes the call, and all keys share one slot
     * (see {@link QueueKeys}).
     */
    Object execute(UnifiedJedis redis, List<byte[]> keys, List<byte[]> args) {
        try {
            return redis.evalsha(sha, keys, args);
        } catch (JedisNoScriptException notLoaded) {
            redis.scriptLoad(source, keys.get(0));
            return redis.evalsha(sha, keys, args);
        }
    }

    private static String read(String file) {
        try (InputStream in = LuaScript.class.getResourceAsStream(FOLDER + file)) {
            if (in == null) {
                throw new IllegalStateException("Lua script missing from the classpath: " + FOLDER + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read Lua script " + FOLDER + file, e);
        }
    }

    private static String sha1Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required of every Java runtime", e);
        }
    }
}
