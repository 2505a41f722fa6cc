package dev.reliq.jms.selector;

import java.util.Locale;
import java.util.Map;

/** The kinds of token a selector is made of. */
enum TokenKind {
    IDENTIFIER,
    STRING,
    /** An exact numeric literal; its value is a {@code Long}. */
    EXACT,
    /** An approximate numeric literal; its value is a {@code Double}, or a {@code Float} when written with F. */
    APPROXIMATE,
    /**
     * 9223372036854775808, one more than {@code Long.MAX_VALUE}: like Java, we accept it only right
     * after a unary minus, where it makes {@code Long.MIN_VALUE}.
     */
    LONG_MIN_MAGNITUDE,

    NOT, AND, OR, BETWEEN, LIKE, IN, IS, ESCAPE, NULL, TRUE, FALSE,

    EQUAL, NOT_EQUAL, LESS, LESS_OR_EQUAL, GREATER, GREATER_OR_EQUAL,
    PLUS, MINUS, TIMES, DIVIDE,
    LEFT_PAREN, RIGHT_PAREN, COMMA,
    END;

    private static final Map<String, TokenKind> KEYWORDS = Map.ofEntries(
        Map.entry("NOT", NOT), Map.entry("AND", AND), Map.entry("OR", OR), Map.entry("BETWEEN", BETWEEN),
        Map.entry("LIKE", LIKE), Map.entry("IN", IN), Map.entry("IS", IS), Map.entry("ESCAPE", ESCAPE),
        Map.entry("NULL", NULL), Map.entry("TRUE", TRUE), Map.entry("FALSE", FALSE));

    /**
     * The keyword {@code word} spells in any letter case, or {@link #IDENTIFIER}. Only ASCII letters
     * count: with full Unicode case folding the identifier {@code ın} (dotless i) would read as IN.
     */
    static TokenKind ofWord(String word) {
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z')) {
                return IDENTIFIER;
            }
        }
        return KEYWORDS.getOrDefault(word.toUpperCase(Locale.ROOT), IDENTIFIER);
    }

    boolean isKeyword() {
        return KEYWORDS.containsValue(this);
    }
}
