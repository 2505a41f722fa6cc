package dev.reliq.jms.selector;

/**
 * One token of a selector.
 *
 * @param text     exactly as written, for error messages
 * @param value    the identifier's name, the string literal's content or the number; {@code null} otherwise
 * @param position where it starts, counted in characters from 1
 */
record Token(TokenKind kind, String text, Object value, int position) {

    /** The token as an error message names it. */
    String describe() {
        return switch (kind) {
            case END -> "end of selector";
            case STRING -> "string " + text;
            default -> "'" + text + "'";
        };
    }

    /** Where the next token may start. */
    int end() {
        return position + text.length();
    }
}
