package dev.reliq.jms.selector;

import jakarta.jms.InvalidSelectorException;
import java.util.regex.Pattern;

/**
 * Reads numeric literals, which the specification defines by Java's own literal syntax (JLS 3.10.1
 * and 3.10.2): "Exact numeric literals use the Java integer literal syntax" and "Approximate
 * literals use the Java floating-point literal syntax".
 *
 * <p>So all of these are accepted: {@code 57}, {@code 1_000}, {@code 0x1D}, {@code 035} (octal,
 * a leading zero means octal as in Java), {@code 0b11101}, {@code 29L}, {@code 7E3}, {@code 7.},
 * {@code .5}, {@code 6.2f}, {@code 0x1.8p1}. Exact literals are all {@code long} ("numbers in the
 * range of Java long are supported"), so the {@code L} suffix is optional and changes nothing, and
 * hexadecimal, octal and binary literals may use all 64 bits, as Java long literals do. An
 * approximate literal is a {@code double}, or a {@code float} when it ends in {@code F}, so it
 * compares with a float property exactly as the same literal would in Java.
 */
final class NumberLiteral {

    private static final String DIGITS = "[0-9](?:[0-9_]*[0-9])?";
    private static final String HEX_DIGITS = "[0-9a-fA-F](?:[0-9a-fA-F_]*[0-9a-fA-F])?";
    private static final String EXPONENT = "[eE][+-]?" + DIGITS;
    private static final String SUFFIX = "[fFdD]";

    private static final Pattern DECIMAL = Pattern.compile("(?:0|[1-9](?:[0-9_]*[0-9])?)[lL]?");
    private static final Pattern HEX = Pattern.compile("0[xX]" + HEX_DIGITS + "[lL]?");
    private static final Pattern OCTAL = Pattern.compile("0_*[0-7](?:[0-7_]*[0-7])?[lL]?");
    private static final Pattern BINARY = Pattern.compile("0[bB][01](?:[01_]*[01])?[lL]?");
    private static final Pattern LEADING_ZERO = Pattern.compile("0[0-9_]+[lL]?");
    private static final Pattern DECIMAL_FLOAT = Pattern.compile(
        DIGITS + "\\.(?:" + DIGITS + ")?(?:" + EXPONENT + ")?" + SUFFIX + "?"
            + "|\\." + DIGITS + "(?:" + EXPONENT + ")?" + SUFFIX + "?"
            + "|" + DIGITS + EXPONENT + SUFFIX + "?"
            + "|" + DIGITS + SUFFIX);
    private static final Pattern HEX_FLOAT = Pattern.compile(
        "0[xX](?:" + HEX_DIGITS + "\\.?|(?:" + HEX_DIGITS + ")?\\." + HEX_DIGITS + ")"
            + "[pP][+-]?" + DIGITS + SUFFIX + "?");

    private static final String FORMS = "numbers are written like 42, 0x1F, 3.14, .5 or 6.02E23";

    private NumberLiteral() {
    }

    /** Whether a number starts at {@code index}: a digit, or a point followed by a digit. */
    static boolean startsAt(String selector, int index) {
        char c = selector.charAt(index);
        return isDigit(c) || c == '.' && index + 1 < selector.length() && isDigit(selector.charAt(index + 1));
    }

    /** Reads the number starting at {@code start} (where {@link #startsAt} is true). */
    static Token read(String selector, int start) throws InvalidSelectorException {
        String text = selector.substring(start, scan(selector, start));
        int position = start + 1;
        String plain = text.replace("_", "");
        if (DECIMAL.matcher(text).matches()) {
            return decimal(selector, text, stripLongSuffix(plain), position);
        }
        if (HEX.matcher(text).matches()) {
            return exact(selector, text, stripLongSuffix(plain).substring(2), 16, position);
        }
        if (BINARY.matcher(text).matches()) {
            return exact(selector, text, stripLongSuffix(plain).substring(2), 2, position);
        }
        if (OCTAL.matcher(text).matches()) {
            return exact(selector, text, stripLongSuffix(plain), 8, position);
        }
        if (DECIMAL_FLOAT.matcher(text).matches() || HEX_FLOAT.matcher(text).matches()) {
            return approximate(selector, text, plain, position);
        }
        if (LEADING_ZERO.matcher(text).matches()) {
            throw InvalidSelectors.at(selector, position, "malformed number '" + text + "'",
                "a leading 0 makes a number octal, which has only the digits 0 to 7; drop the leading zeros");
        }
        throw InvalidSelectors.at(selector, position, "malformed number '" + text + "'", FORMS);
    }

    /**
     * The end of the run of characters that could belong to the number. Taking letters and points
     * too means {@code 12abc} or {@code 1.2.3} is reported as one malformed number rather than as a
     * number followed by something unexpected. A sign belongs to the number only right after an
     * exponent letter: {@code 1e-5} is one number, {@code 1-5} and {@code 0x1e-5} are subtractions.
     */
    private static int scan(String selector, int start) {
        boolean hex = selector.startsWith("0x", start) || selector.startsWith("0X", start);
        int i = start;
        while (i < selector.length()) {
            char c = selector.charAt(i);
            boolean partOfNumber = Character.isLetterOrDigit(c) || c == '_' || c == '.'
                || (c == '+' || c == '-') && isExponentLetter(selector.charAt(i - 1), hex);
            if (!partOfNumber) {
                break;
            }
            i++;
        }
        return i;
    }

    private static boolean isExponentLetter(char c, boolean hex) {
        return hex ? c == 'p' || c == 'P' : c == 'e' || c == 'E';
    }

    private static Token decimal(String selector, String text, String digits, int position)
            throws InvalidSelectorException {
        try {
            return new Token(TokenKind.EXACT, text, Long.parseLong(digits), position);
        } catch (NumberFormatException tooLarge) {
            if (digits.equals("9223372036854775808")) {
                return new Token(TokenKind.LONG_MIN_MAGNITUDE, text, null, position);
            }
            throw outOfRange(selector, text, position);
        }
    }

    private static Token exact(String selector, String text, String digits, int radix, int position)
            throws InvalidSelectorException {
        try {
            return new Token(TokenKind.EXACT, text, Long.parseUnsignedLong(digits, radix), position);
        } catch (NumberFormatException moreThan64Bits) {
            throw outOfRange(selector, text, position);
        }
    }

    static InvalidSelectorException outOfRange(String selector, String text, int position) {
        return InvalidSelectors.at(selector, position, "number '" + text + "' is out of range",
            "exact numbers must fit in a long (-9223372036854775808 to 9223372036854775807); "
                + "write a larger number with a decimal point or exponent, as in 1E20");
    }

    private static Token approximate(String selector, String text, String plain, int position)
            throws InvalidSelectorException {
        boolean isFloat = plain.endsWith("f") || plain.endsWith("F");
        // Double.parseDouble and Float.parseFloat take Java's literal syntax, suffix and hex form included
        Number value = isFloat ? (Number) Float.parseFloat(plain) : (Number) Double.parseDouble(plain);
        String type = isFloat ? "a float" : "a double";
        String range = isFloat ? "a float holds magnitudes from 1.4E-45 to 3.4028235E38, 0 aside"
            : "a double holds magnitudes from 4.9E-324 to 1.7976931348623157E308, 0 aside";
        if (Double.isInfinite(value.doubleValue())) {
            throw InvalidSelectors.at(selector, position, "number '" + text + "' is too large for " + type, range);
        }
        if (value.doubleValue() == 0 && hasNonZeroDigit(plain)) {
            throw InvalidSelectors.at(selector, position,
                "number '" + text + "' is too small for " + type + " and would be zero", range);
        }
        return new Token(TokenKind.APPROXIMATE, text, value, position);
    }

    /** Whether the significand (before the exponent) has a digit other than 0. */
    private static boolean hasNonZeroDigit(String plain) {
        boolean hex = plain.length() > 1 && (plain.charAt(1) == 'x' || plain.charAt(1) == 'X');
        for (int i = hex ? 2 : 0; i < plain.length(); i++) {
            char c = plain.charAt(i);
            if (isExponentLetter(c, hex)) {
                return false;
            }
            if (Character.digit(c, hex ? 16 : 10) > 0) {
                return true;
            }
        }
        return false;
    }

    private static String stripLongSuffix(String plain) {
        char last = plain.charAt(plain.length() - 1);
        return last == 'l' || last == 'L' ? plain.substring(0, plain.length() - 1) : plain;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
