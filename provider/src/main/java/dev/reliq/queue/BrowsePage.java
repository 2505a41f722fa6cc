package dev.reliq.queue;

import java.util.List;
import java.util.Optional;

/**
 * One page of {@link ReliableQueue#browse}.
 *
 * @param messages the ready messages of this page, in delivery order (possibly empty even when
 *     more follow, if every entry examined was expired or unreadable)
 * @param nextCursor where the next page starts; empty when the end of the queue was reached
 */
public record BrowsePage(List<QueuedMessage> messages, Optional<String> nextCursor) {

    public BrowsePage {
        messages = List.copyOf(messages);
    }
}
