package dev.reliq.jms.selector;

import jakarta.jms.InvalidSelectorException;
import java.util.ArrayList;
import java.util.List;

/** Splits a selector into tokens, always ending with an {@link TokenKind#END} token. */
final class Tokenizer {

    private final String selector;
    private final List<Token> tokens = new ArrayList<>();
    private int index;

    private Tokenizer(String selector) {
        this.selector = selector;
    }

    static List<Token> tokenize(String selector) throws InvalidSelectorException {
        Tokenizer tokenizer = new Tokenizer(selector);
        tokenizer.run();
        return tokenizer.tokens;
    }

    /**
     * Selector white space is Java's (JLS 3.6): space, tab, form feed and the line terminators.
     * Nothing else, so a no-break space is reported rather than silently skipped.
     */
    static boolean isWhitespace(char c) {
        return c == ' ' || c == '\t' || c == '\f' || c == '\n' || c == '\r';
    }

    private void run() throws InvalidSelectorException {
        while (true) {
            while (index < selector.length() && isWhitespace(selector.charAt(index))) {
                index++;
            }
            if (index == selector.length()) {
                tokens.add(new Token(TokenKind.END, "", null, index + 1));
                return;
            }
            Token token = next();
            tokens.add(token);
            index = token.end() - 1;
        }
    }

    private Token next() throws InvalidSelectorException {
        char c = selector.charAt(index);
        if (c == '\'') {
            return string();
        }
        if (NumberLiteral.startsAt(selector, index)) {
            return NumberLiteral.read(selector, index);
        }
        if (Character.isJavaIdentifierStart(selector.codePointAt(index))) {
            return word();
        }
        return operator(c);
    }

    private Token word() {
        int end = index;
        while (end < selector.length() && Character.isJavaIdentifierPart(selector.codePointAt(end))) {
            end += Character.charCount(selector.codePointAt(end));
        }
        String word = selector.substring(index, end);
        TokenKind kind = TokenKind.ofWord(word);
        return new Token(kind, word, kind == TokenKind.IDENTIFIER ? word : null, index + 1);
    }

    /** A string literal: single quotes, with a doubled quote standing for one quote. */
    private Token string() throws InvalidSelectorException {
        StringBuilder value = new StringBuilder();
        int i = index + 1;
        while (true) {
            if (i >= selector.length()) {
                throw InvalidSelectors.at(selector, index + 1, "string literal is not closed",
                    "end it with ' (write '' for a quote inside the string)");
            }
            char c = selector.charAt(i++);
            if (c != '\'') {
                value.append(c);
            } else if (i < selector.length() && selector.charAt(i) == '\'') {
                value.append('\'');
                i++;
            } else {
                return new Token(TokenKind.STRING, selector.substring(index, i), value.toString(), index + 1);
            }
        }
    }

    private Token operator(char c) throws InvalidSelectorException {
        char following = index + 1 < selector.length() ? selector.charAt(index + 1) : 0;
        switch (c) {
            case '=': return symbol(TokenKind.EQUAL, 1);
            case '+': return symbol(TokenKind.PLUS, 1);
            case '-': return symbol(TokenKind.MINUS, 1);
            case '*': return symbol(TokenKind.TIMES, 1);
            case '/': return symbol(TokenKind.DIVIDE, 1);
            case '(': return symbol(TokenKind.LEFT_PAREN, 1);
            case ')': return symbol(TokenKind.RIGHT_PAREN, 1);
            case ',': return symbol(TokenKind.COMMA, 1);
            case '<':
                if (following == '>') {
                    return symbol(TokenKind.NOT_EQUAL, 2);
                }
                return following == '=' ? symbol(TokenKind.LESS_OR_EQUAL, 2) : symbol(TokenKind.LESS, 1);
            case '>':
                return following == '=' ? symbol(TokenKind.GREATER_OR_EQUAL, 2) : symbol(TokenKind.GREATER, 1);
            case '!':
                if (following == '=') {
                    throw InvalidSelectors.at(selector, index + 1, "unexpected '!='", "write <> for not equal");
                }
                break;
            case '"':
                throw InvalidSelectors.at(selector, index + 1, "unexpected '\"'",
                    "string literals are enclosed in single quotes, as in color = 'blue'");
            default:
                break;
        }
        throw InvalidSelectors.at(selector, index + 1, "unexpected character " + describe(selector.codePointAt(index)),
            "outside string literals a selector has only names, numbers, white space and = <> < <= > >= + - * / ( ) ,");
    }

    private Token symbol(TokenKind kind, int length) {
        return new Token(kind, selector.substring(index, index + length), null, index + 1);
    }

    private static String describe(int codePoint) {
        boolean printable = Character.isDefined(codePoint) && !Character.isISOControl(codePoint)
            && !Character.isWhitespace(codePoint) && !Character.isSpaceChar(codePoint);
        return printable ? "'" + new String(Character.toChars(codePoint)) + "'" : String.format("U+%04X", codePoint);
    }
}
