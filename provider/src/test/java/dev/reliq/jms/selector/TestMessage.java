package dev.reliq.jms.selector;

import jakarta.jms.InvalidSelectorException;
import java.util.HashMap;
import java.util.Map;

/** A message reduced to what a selector sees: a map from identifier to value. */
final class TestMessage implements SelectorContext {

    private final Map<String, Object> values = new HashMap<>();

    static TestMessage empty() {
        return new TestMessage();
    }

    static TestMessage with(String identifier, Object value) {
        return new TestMessage().and(identifier, value);
    }

    TestMessage and(String identifier, Object value) {
        values.put(identifier, value);
        return this;
    }

    @Override
    public Object value(String identifier) {
        return values.get(identifier);
    }

    /** Parses {@code selector} and tests this message, failing the test if the selector is invalid. */
    boolean isSelectedBy(String selector) {
        return selector(selector).matches(this);
    }

    /** Parses a selector the test expects to be valid. */
    static MessageSelector selector(String text) {
        try {
            return MessageSelector.parse(text);
        } catch (InvalidSelectorException e) {
            throw new AssertionError("selector should be valid: " + e.getMessage(), e);
        }
    }
}
