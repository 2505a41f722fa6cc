package dev.reliq.queue;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Why and from where a message came to a dead-letter queue. Carried by every message received
 * or browsed from a dead-letter queue.
 *
 * @param reason {@code maxDeliveries} (delivered too often without being acknowledged),
 *     {@code corrupt} (its data in Redis could not be read), or the reason a client gave to
 *     {@link ReliableQueue#deadLetter}
 * @param detail more about the reason, e.g. what could not be read; may be empty
 * @param originQueue the queue the message was dead-lettered from
 * @param originId the message's id in that queue
 * @param deliveries how often it had been delivered there
 * @param firstDeliveredAt its first delivery there, if any
 * @param lastDeliveredAt its last delivery there, if any
 * @param deadLetteredAt when it was moved
 */
public record DeadLetterInfo(
        String reason,
        String detail,
        String originQueue,
        String originId,
        int deliveries,
        Optional<Instant> firstDeliveredAt,
        Optional<Instant> lastDeliveredAt,
        Instant deadLetteredAt) {

    /** Reason of a message delivered {@code maxDeliveries} times without being acknowledged. */
    public static final String MAX_DELIVERIES = "maxDeliveries";
    /** Reason of a message whose data in Redis could not be read. */
    public static final String CORRUPT = "corrupt";

    /** Reads the JSON record a script stored; an unreadable record still yields what it can. */
    static DeadLetterInfo fromJson(String json) {
        Map<String, String> f;
        try {
            f = Json.readFlatObject(json);
        } catch (IllegalArgumentException unreadable) {
            return new DeadLetterInfo(CORRUPT, "unreadable dead-letter record: " + json, "", "", 0,
                Optional.empty(), Optional.empty(), Instant.EPOCH);
        }
        return new DeadLetterInfo(
            f.getOrDefault("reason", ""),
            f.getOrDefault("detail", ""),
            f.getOrDefault("queue", ""),
            f.getOrDefault("id", ""),
            (int) parse(f.get("deliveries")),
            instant(parse(f.get("firstDeliveryAt"))),
            instant(parse(f.get("lastDeliveryAt"))),
            Instant.ofEpochMilli(parse(f.get("deadLetteredAt"))));
    }

    private static long parse(String value) {
        if (value == null) {
            return 0;
        }
        try {
            return (long) Double.parseDouble(value);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static Optional<Instant> instant(long epochMillis) {
        return epochMillis > 0 ? Optional.of(Instant.ofEpochMilli(epochMillis)) : Optional.empty();
    }
}
