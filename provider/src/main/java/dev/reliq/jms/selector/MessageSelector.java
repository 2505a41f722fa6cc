package dev.reliq.jms.selector;

import jakarta.jms.InvalidSelectorException;
import java.util.List;
import java.util.Objects;

/**
 * A parsed Jakarta Messaging message selector (specification section 3.8), ready to test messages.
 *
 * <p>A selector is an SQL-like condition over a message's header fields and properties, such as
 * {@code JMSType = 'car' AND color = 'blue' AND weight > 2500}. A message is selected only when
 * the condition is TRUE; FALSE and UNKNOWN (the result of comparing with a missing property) do
 * not select. The full dialect and the choices made where the specification leaves room are
 * described in the {@linkplain dev.reliq.jms.selector package documentation}.
 *
 * <p>Everything that can be checked without a message is checked by {@link #parse}: syntax,
 * reserved words, header names, and types that are visible in the text, such as
 * {@code 'abc' > 5} or {@code price + 1} used as a whole selector. Evaluation never throws for
 * any message contents and allocates nothing beyond the boxed results of arithmetic.
 *
 * <p>Instances are immutable and safe to share between threads.
 */
public final class MessageSelector {

    private final String text;
    /** {@code null} when every message is selected. */
    private final Expression condition;

    private MessageSelector(String text, Expression condition) {
        this.text = text;
        this.condition = condition;
    }

    /** The selector that selects every message. */
    public static MessageSelector all() {
        return new MessageSelector(null, null);
    }

    /**
     * Parses a selector. A {@code null}, empty or all-white-space selector selects every message,
     * as the specification says of an empty one.
     *
     * @param selector the selector text, or {@code null}
     * @return the parsed selector, which may be kept and used from any thread
     * @throws InvalidSelectorException naming the problem, its position (counted in characters
     *                                  from 1) and what to write instead, for example
     *                                  {@code Invalid message selector 'price >> 3': unexpected '>' at position 8; ...}
     */
    public static MessageSelector parse(String selector) throws InvalidSelectorException {
        if (selector == null) {
            return new MessageSelector(null, null);
        }
        List<Token> tokens = Tokenizer.tokenize(selector);
        if (tokens.get(0).kind() == TokenKind.END) {
            return new MessageSelector(selector, null);
        }
        return new MessageSelector(selector, Parser.parse(selector, tokens));
    }

    /**
     * Whether the selector is TRUE for {@code message}. FALSE and UNKNOWN do not select.
     *
     * @param message the header fields and properties of the message; not used when
     *                {@link #selectsAll()}
     * @return {@code true} to deliver the message to the consumer or browser that holds this selector
     */
    public boolean matches(SelectorContext message) {
        if (condition == null) {
            return true;
        }
        Objects.requireNonNull(message, "message");
        return Logic.truth(condition.evaluate(message)) == Boolean.TRUE;
    }

    /** Whether this came from a {@code null} or blank selector and so selects every message. */
    public boolean selectsAll() {
        return condition == null;
    }

    /** The selector exactly as given to {@link #parse}, {@code null} included. */
    public String text() {
        return text;
    }

    @Override
    public String toString() {
        return condition == null ? "MessageSelector[all messages]" : "MessageSelector[" + text + "]";
    }
}
