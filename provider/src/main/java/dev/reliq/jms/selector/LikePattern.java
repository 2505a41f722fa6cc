package dev.reliq.jms.selector;

import java.util.Arrays;

/**
 * A compiled LIKE pattern: {@code _} stands for any one character, {@code %} for any sequence of
 * characters (the empty one too), every other character for itself, and the pattern must match
 * the whole value. Matching is case-sensitive and counts characters as Unicode code points, so
 * {@code _} matches one emoji. Nothing is a regular expression: {@code 'a.b*c'} matches only the
 * text {@code a.b*c}.
 *
 * <p>Matching allocates nothing. It is the classic wildcard algorithm: walk value and pattern
 * together, and on a mismatch go back to just after the last {@code %}, letting it swallow one
 * more character. That is enough because a later {@code %} can absorb anything an earlier one
 * could, so the last one is the only one worth retrying (time at most pattern length times value
 * length).
 */
final class LikePattern {

    private static final int ANY_CHARACTER = -1;
    private static final int ANY_SEQUENCE = -2;

    /** Code points to match literally, or one of the two wildcard markers. */
    private final int[] elements;

    private LikePattern(int[] elements) {
        this.elements = elements;
    }

    /**
     * @param escape the escape character's code point, or -1 for none; it may stand only before
     *               {@code _}, {@code %} or itself, which it makes literal
     * @throws IllegalArgumentException saying how the escape character is misused
     */
    static LikePattern compile(String pattern, int escape) {
        int[] elements = new int[pattern.length()];
        int count = 0;
        int i = 0;
        while (i < pattern.length()) {
            int c = pattern.codePointAt(i);
            i += Character.charCount(c);
            if (c == escape) {
                if (i == pattern.length()) {
                    throw new IllegalArgumentException("LIKE pattern ends with its escape character " + quote(escape));
                }
                int escaped = pattern.codePointAt(i);
                i += Character.charCount(escaped);
                if (escaped != '_' && escaped != '%' && escaped != escape) {
                    throw new IllegalArgumentException("LIKE pattern has its escape character " + quote(escape)
                        + " before " + quote(escaped));
                }
                elements[count++] = escaped;
            } else if (c == '%') {
                if (count == 0 || elements[count - 1] != ANY_SEQUENCE) {
                    elements[count++] = ANY_SEQUENCE;
                }
            } else {
                elements[count++] = c == '_' ? ANY_CHARACTER : c;
            }
        }
        return new LikePattern(Arrays.copyOf(elements, count));
    }

    boolean matches(String value) {
        int p = 0;
        int v = 0;
        int lastSequence = -1;
        int resumeAt = 0;
        while (v < value.length()) {
            int c = value.codePointAt(v);
            if (p < elements.length && (elements[p] == ANY_CHARACTER || elements[p] == c)) {
                p++;
                v += Character.charCount(c);
            } else if (p < elements.length && elements[p] == ANY_SEQUENCE) {
                lastSequence = p++;
                resumeAt = v;
            } else if (lastSequence >= 0) {
                p = lastSequence + 1;
                resumeAt += Character.charCount(value.codePointAt(resumeAt));
                v = resumeAt;
            } else {
                return false;
            }
        }
        while (p < elements.length && elements[p] == ANY_SEQUENCE) {
            p++;
        }
        return p == elements.length;
    }

    private static String quote(int codePoint) {
        return "'" + new String(Character.toChars(codePoint)) + "'";
    }
}
