package dev.reliq.jms.selector;

import jakarta.jms.InvalidSelectorException;
import java.util.List;

/** The parser's cursor over a selector's tokens; it stays on the final END token once there. */
final class TokenStream {

    private final String selector;
    private final List<Token> tokens;
    private int next;

    TokenStream(String selector, List<Token> tokens) {
        this.selector = selector;
        this.tokens = tokens;
    }

    /** A mark for the next token, to report later where an expression that starts there begins. */
    int mark() {
        return next;
    }

    /** Where the token at {@code mark} starts in the selector, counted from 1. */
    int positionOf(int mark) {
        return tokens.get(mark).position();
    }

    Token peek() {
        return tokens.get(next);
    }

    Token take() {
        Token token = tokens.get(next);
        if (token.kind() != TokenKind.END) {
            next++;
        }
        return token;
    }

    /** Takes the next token if it is of {@code kind}. */
    boolean accept(TokenKind kind) {
        if (peek().kind() != kind) {
            return false;
        }
        take();
        return true;
    }

    /** Takes the next token, which must be of {@code kind}; otherwise fails with {@code hint}. */
    Token expect(TokenKind kind, String hint) throws InvalidSelectorException {
        Token token = take();
        if (token.kind() != kind) {
            throw unexpected(token, hint);
        }
        return token;
    }

    InvalidSelectorException unexpected(Token token, String hint) {
        return InvalidSelectors.unexpected(selector, token, hint);
    }
}
