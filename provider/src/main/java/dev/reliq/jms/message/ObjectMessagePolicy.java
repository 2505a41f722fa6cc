package dev.reliq.jms.message;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which classes an {@code ObjectMessage} may deserialize. Deserializing a class an attacker
 * chose can run code, so reliq refuses every class not allowed here, at any depth of the
 * object graph: a disallowed class inside an allowed {@code HashMap} is refused as well.
 *
 * <p>Patterns, comma-separated (the {@code objectMessageAllowList} option):
 * <ul>
 *   <li>{@code com.example.Order}: that class (a nested class is named {@code com.example.Order$Line});</li>
 *   <li>{@code com.example.*}: the classes of package {@code com.example}, not of its sub-packages;</li>
 *   <li>{@code com.example.**}: the classes of {@code com.example} and all its sub-packages;</li>
 *   <li>{@code **}: every class. Use it only when every sender is trusted.</li>
 * </ul>
 *
 * <p>The configured patterns add to {@link #DEFAULT_ALLOW_LIST}, the JDK's value types: the boxed
 * primitives, {@code String} and {@code Number}, {@code java.util} (collections, maps,
 * {@code Date}, {@code UUID}, ...), {@code java.time} and its sub-packages, {@code java.math}, and
 * arrays of those and of primitives. A class's serializable superclasses must be allowed too.
 *
 * <p>Instances are immutable and can be shared.
 */
public final class ObjectMessagePolicy {

    /** The classes every policy allows. */
    public static final String DEFAULT_ALLOW_LIST = "java.lang.Boolean,java.lang.Byte,java.lang.Short,"
        + "java.lang.Character,java.lang.Integer,java.lang.Long,java.lang.Float,java.lang.Double,java.lang.Number,"
        + "java.lang.String,java.lang.Enum,java.lang.Object,java.math.*,java.time.**,java.util.*";

    private static final ObjectMessagePolicy DEFAULTS = new ObjectMessagePolicy(parse(DEFAULT_ALLOW_LIST));

    private final List<String> patterns;
    private final Set<String> classes = new HashSet<>();
    private final Set<String> packages = new HashSet<>();
    private final List<String> packageTrees = new ArrayList<>();
    private final boolean allowsAll;

    private ObjectMessagePolicy(Set<String> patterns) {
        this.patterns = List.copyOf(patterns);
        boolean all = false;
        for (String pattern : patterns) {
            if (pattern.equals("**")) {
                all = true;
            } else if (pattern.endsWith(".**")) {
                packageTrees.add(pattern.substring(0, pattern.length() - 3));
            } else if (pattern.endsWith(".*")) {
                packages.add(pattern.substring(0, pattern.length() - 2));
            } else {
                classes.add(pattern);
            }
        }
        this.allowsAll = all;
    }

    /** The JDK value types of {@link #DEFAULT_ALLOW_LIST}, and nothing else. */
    public static ObjectMessagePolicy defaults() {
        return DEFAULTS;
    }

    /**
     * The default list plus the given patterns.
     *
     * @param allowList comma-separated patterns, as described above; null or blank adds nothing
     * @throws IllegalArgumentException for a pattern that is not a class name, {@code package.*},
     *     {@code package.**} or {@code **}
     */
    public static ObjectMessagePolicy allowing(String allowList) {
        if (allowList == null || allowList.isBlank()) {
            return DEFAULTS;
        }
        Set<String> all = new LinkedHashSet<>(DEFAULTS.patterns);
        all.addAll(parse(allowList));
        return new ObjectMessagePolicy(all);
    }

    /** Whether the class of this name (not an array: name its element class) may be deserialized. */
    public boolean allows(String className) {
        if (allowsAll || classes.contains(className)) {
            return true;
        }
        int lastDot = className.lastIndexOf('.');
        String pkg = lastDot < 0 ? "" : className.substring(0, lastDot);
        if (packages.contains(pkg)) {
            return true;
        }
        for (String tree : packageTrees) {
            if (pkg.equals(tree) || pkg.startsWith(tree + ".")) {
                return true;
            }
        }
        return false;
    }

    /** Every pattern of this policy, the defaults first. */
    public List<String> patterns() {
        return patterns;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ObjectMessagePolicy policy && new HashSet<>(policy.patterns).equals(new HashSet<>(patterns));
    }

    @Override
    public int hashCode() {
        return new HashSet<>(patterns).hashCode();
    }

    @Override
    public String toString() {
        return String.join(",", patterns);
    }

    private static Set<String> parse(String allowList) {
        Set<String> parsed = new LinkedHashSet<>();
        for (String entry : allowList.split(",")) {
            String pattern = entry.trim();
            if (!pattern.isEmpty()) {
                check(pattern);
                parsed.add(pattern);
            }
        }
        return Collections.unmodifiableSet(parsed);
    }

    private static void check(String pattern) {
        if (pattern.equals("**")) {
            return;
        }
        String name = pattern.endsWith(".**") ? pattern.substring(0, pattern.length() - 3)
            : pattern.endsWith(".*") ? pattern.substring(0, pattern.length() - 2) : pattern;
        for (String part : name.split("\\.", -1)) {
            if (!isIdentifier(part)) {
                throw new IllegalArgumentException("objectMessageAllowList entry '" + pattern + "' is not valid;"
                    + " use a class name (com.example.Order), a package (com.example.*), a package and its"
                    + " sub-packages (com.example.**), or ** for every class");
            }
        }
    }

    private static boolean isIdentifier(String part) {
        if (part.isEmpty() || !Character.isJavaIdentifierStart(part.charAt(0))) {
            return false;
        }
        return part.chars().allMatch(Character::isJavaIdentifierPart);
    }
}
