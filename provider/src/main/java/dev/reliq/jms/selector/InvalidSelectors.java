package dev.reliq.jms.selector;

import jakarta.jms.InvalidSelectorException;

/** Builds the one message format every selector error uses, so users always get text, place and remedy. */
final class InvalidSelectors {

    private InvalidSelectors() {
    }

    /**
     * An exception reading {@code Invalid message selector '<selector>': <problem> at position <n>; <hint>}.
     *
     * @param position counted in characters from 1; one past the end means "at the end"
     * @param hint what to do about it, or {@code null}
     */
    static InvalidSelectorException at(String selector, int position, String problem, String hint) {
        StringBuilder message = new StringBuilder("Invalid message selector '")
            .append(selector).append("': ")
            .append(problem).append(" at position ").append(position);
        if (hint != null) {
            message.append("; ").append(hint);
        }
        return new InvalidSelectorException(message.toString());
    }

    /** "unexpected X at position n; hint", naming the token the way the user typed it. */
    static InvalidSelectorException unexpected(String selector, Token token, String hint) {
        return at(selector, token.position(), "unexpected " + token.describe(), hint);
    }
}
