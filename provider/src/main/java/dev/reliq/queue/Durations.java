package dev.reliq.queue;

import java.time.Duration;
import java.util.Objects;

/**
 * Reads and writes the durations used in reliq configuration, such as
 * {@code visibilityTimeout=30s} or {@code connectTimeout=500ms}.
 *
 * <p>A duration is a non-negative whole number followed by a unit:
 * <ul>
 *   <li>{@code ms} milliseconds, e.g. {@code 500ms}</li>
 *   <li>{@code s} seconds, e.g. {@code 30s}</li>
 *   <li>{@code m} minutes, e.g. {@code 5m}</li>
 *   <li>{@code h} hours, e.g. {@code 2h}</li>
 *   <li>{@code d} days, e.g. {@code 1d}</li>
 *   <li>no unit: milliseconds, e.g. {@code 1500}</li>
 * </ul>
 * Units are lower case ({@code M} could mean months) and there is no space between number and unit.
 */
public final class Durations {

    /** The accepted forms, for error messages. */
    static final String ACCEPTED_FORMS =
            "a whole number followed by ms, s, m, h or d (500ms, 30s, 5m, 2h, 1d), or plain milliseconds (1500)";

    private Durations() {
    }

    /**
     * Parses a configured duration.
     *
     * @param optionName the name of the setting the value came from, named in the error message
     * @param value the text to parse, such as {@code 30s}
     * @return the duration, never negative
     * @throws IllegalArgumentException if the value is null, negative or not one of the accepted forms
     */
    public static Duration parse(String optionName, String value) {
        Objects.requireNonNull(optionName, "optionName");
        if (value == null || value.isEmpty()) {
            throw invalid(optionName, value, "it is empty");
        }
        int unitStart = 0;
        while (unitStart < value.length() && isAsciiDigit(value.charAt(unitStart))) {
            unitStart++;
        }
        if (unitStart == 0) {
            String why = value.startsWith("-") ? "it is negative" : "it does not start with a number";
            throw invalid(optionName, value, why);
        }
        long amount;
        try {
            amount = Long.parseLong(value.substring(0, unitStart));
        } catch (NumberFormatException tooManyDigits) {
            throw invalid(optionName, value, "the number is too large");
        }
        try {
            return toDuration(amount, value.substring(unitStart), optionName, value);
        } catch (ArithmeticException overflow) {
            throw invalid(optionName, value, "it is too large");
        }
    }

    /**
     * Formats a duration in the shortest form that {@link #parse} reads back exactly, using the
     * largest unit that divides it: {@code 30s}, {@code 1500ms}, {@code 2h}. Zero is {@code 0s}.
     *
     * @param duration a non-negative duration in whole milliseconds
     * @return the text form
     * @throws IllegalArgumentException if the duration is negative or has a fraction of a millisecond,
     *         which the text forms cannot express
     */
    public static String format(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        if (duration.isNegative()) {
            throw new IllegalArgumentException("Cannot format the negative duration " + duration
                    + "; configuration durations are zero or more.");
        }
        if (duration.getNano() % 1_000_000 != 0) {
            throw new IllegalArgumentException("Cannot format " + duration
                    + " exactly: it has a fraction of a millisecond; round it to milliseconds first.");
        }
        if (duration.isZero()) {
            return "0s";
        }
        long millis = duration.toMillis();
        if (millis % Duration.ofDays(1).toMillis() == 0) {
            return millis / Duration.ofDays(1).toMillis() + "d";
        }
        if (millis % Duration.ofHours(1).toMillis() == 0) {
            return millis / Duration.ofHours(1).toMillis() + "h";
        }
        if (millis % Duration.ofMinutes(1).toMillis() == 0) {
            return millis / Duration.ofMinutes(1).toMillis() + "m";
        }
        if (millis % 1000 == 0) {
            return millis / 1000 + "s";
        }
        return millis + "ms";
    }

    private static Duration toDuration(long amount, String unit, String optionName, String value) {
        switch (unit) {
            case "":
            case "ms":
                return Duration.ofMillis(amount);
            case "s":
                return Duration.ofSeconds(amount);
            case "m":
                return Duration.ofMinutes(amount);
            case "h":
                return Duration.ofHours(amount);
            case "d":
                return Duration.ofDays(amount);
            default:
                throw invalid(optionName, value, "'" + unit + "' is not a unit");
        }
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static IllegalArgumentException invalid(String optionName, String value, String why) {
        String shown = value == null ? "null" : "'" + value + "'";
        return new IllegalArgumentException(optionName + "=" + shown + " is not a valid duration: " + why
                + ". Expected " + ACCEPTED_FORMS + ".");
    }
}
