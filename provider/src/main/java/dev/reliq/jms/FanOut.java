package dev.reliq.jms;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiPredicate;

import jakarta.jms.InvalidSelectorException;

import dev.reliq.jms.message.CorruptMessageException;
import dev.reliq.jms.message.MessageCodec;
import dev.reliq.jms.message.ReliqMessage;
import dev.reliq.jms.selector.MessageSelector;
import dev.reliq.queue.OutgoingMessage;
import dev.reliq.queue.TopicSubscription;

/**
 * Which subscriptions a published message is for, decided when it is published: a subscription
 * with noLocal does not get messages published under its own client ID or connection, and one
 * with a selector gets only the messages the selector matches. Deciding at publish time means a
 * subscription never stores (and never delivers) a message it does not want.
 */
final class FanOut implements BiPredicate<OutgoingMessage, TopicSubscription> {

    private static final Map<String, MessageSelector> SELECTORS = new ConcurrentHashMap<>();

    private final String connectionId;
    private final String clientId;
    /** The last message decoded, with its payload: publish asks about one message for every subscription in a row. */
    private OutgoingMessage lastMessage;
    private ReliqMessage lastDecoded;

    /** For messages published by connection {@code connectionId} under {@code clientId} (either may be null). */
    FanOut(String connectionId, String clientId) {
        this.connectionId = connectionId;
        this.clientId = clientId;
    }

    /** For messages whose publisher is gone (a recovered transaction): noLocal excludes nothing. */
    static FanOut anonymous() {
        return new FanOut(null, null);
    }

    @Override
    public synchronized boolean test(OutgoingMessage message, TopicSubscription subscription) {
        if (subscription.noLocal() && isLocal(subscription.origin())) {
            return false;
        }
        if (subscription.selector().isEmpty()) {
            return true;
        }
        MessageSelector selector = selector(subscription.selector());
        if (selector == null) {
            return true; // a selector that no longer parses: deliver rather than lose the message
        }
        ReliqMessage decoded = decode(message);
        return decoded == null || selector.matches(decoded);
    }

    private boolean isLocal(String origin) {
        return origin.equals(connectionId) || (clientId != null && origin.equals(clientId));
    }

    private ReliqMessage decode(OutgoingMessage message) {
        if (message != lastMessage) {
            lastMessage = message;
            try {
                lastDecoded = MessageCodec.decode(message.body());
            } catch (CorruptMessageException e) {
                lastDecoded = null; // not reliq's format (another client): every subscription gets it
            }
        }
        return lastDecoded;
    }

    private static MessageSelector selector(String text) {
        MessageSelector cached = SELECTORS.get(text);
        if (cached != null) {
            return cached;
        }
        try {
            MessageSelector parsed = MessageSelector.parse(text);
            if (SELECTORS.size() < 10_000) {
                SELECTORS.put(text, parsed);
            }
            return parsed;
        } catch (InvalidSelectorException e) {
            return null;
        }
    }
}
