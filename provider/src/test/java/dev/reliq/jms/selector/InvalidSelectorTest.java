package dev.reliq.jms.selector;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import jakarta.jms.InvalidSelectorException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every selector that cannot work is refused when it is parsed, with a message that quotes the
 * selector, says what is wrong and where (counting characters from 1), and what to write instead.
 */
class InvalidSelectorTest {

    private static void assertRejected(String selector, int position, String problem, String hint) {
        assertThatThrownBy(() -> MessageSelector.parse(selector))
            .isInstanceOf(InvalidSelectorException.class)
            .hasMessageStartingWith("Invalid message selector '" + selector + "': " + problem + " at position " + position)
            .hasMessageContaining(hint);
    }

    @Test
    void messageNamesTheSelectorTheProblemAndItsPosition() {
        assertThatThrownBy(() -> MessageSelector.parse("price >> 3"))
            .isInstanceOf(InvalidSelectorException.class)
            .hasMessage("Invalid message selector 'price >> 3': unexpected '>' at position 8; "
                + "expected a value: a number, a string, TRUE, FALSE, a property name or '('");
    }

    static Stream<Arguments> malformedSyntax() {
        return Stream.of(
            arguments("(a = 1", 7, "unexpected end of selector", "expected ')' to close the '(' at position 1"),
            arguments("((a = 1) OR b", 14, "unexpected end of selector", "expected ')' to close the '(' at position 1"),
            arguments("(a = 1 b", 8, "unexpected 'b'", "expected ')' to close the '(' at position 1"),
            arguments("a = 1)", 6, "unexpected ')'", "there is no '(' for it to close"),
            arguments("()", 2, "unexpected ')'", "expected a value"),
            arguments("a =", 4, "unexpected end of selector", "expected a value"),
            arguments("a = 1 AND", 10, "unexpected end of selector", "expected a value"),
            arguments("a + = 1", 5, "unexpected '='", "expected a value"),
            arguments("a = 1 OR OR b", 10, "unexpected 'OR'", "OR is a reserved word"),
            arguments("a == 1", 4, "unexpected '='", "expected a value"),
            arguments("a = 1 b", 7, "unexpected 'b'", "expected AND, OR or the end of the selector"),
            arguments("a = 1 2", 7, "unexpected '2'", "expected AND, OR or the end of the selector"),
            arguments("a < b < c", 7, "unexpected '<'", "expected AND, OR or the end of the selector"),
            arguments("a = 1 /* note */", 8, "unexpected '*'", "expected a value"),
            arguments("a NOT b", 7, "unexpected 'b'", "expected BETWEEN, IN or LIKE after NOT"),
            arguments("a NOT = 1", 7, "unexpected '='", "expected BETWEEN, IN or LIKE after NOT"),
            arguments("a BETWEEN 1 OR 2", 13, "unexpected 'OR'", "expected AND between the two bounds"),
            arguments("a BETWEEN 1", 12, "unexpected end of selector", "expected AND between the two bounds"),
            arguments("a IS 5", 6, "unexpected '5'", "expected NULL or NOT NULL after IS"),
            arguments("a IS NOT", 9, "unexpected end of selector", "expected NULL or NOT NULL after IS"),
            arguments("a IS NOT NULL NULL", 15, "unexpected 'NULL'", "expected AND, OR or the end of the selector"));
    }

    @ParameterizedTest
    @MethodSource("malformedSyntax")
    void malformedSyntaxIsRejected(String selector, int position, String problem, String hint) {
        assertRejected(selector, position, problem, hint);
    }

    static Stream<Arguments> badCharactersAndStrings() {
        return Stream.of(
            arguments("name = 'abc", 8, "string literal is not closed", "end it with ' (write '' for a quote inside"),
            arguments("name = 'it''s", 8, "string literal is not closed", "end it with '"),
            arguments("name = '", 8, "string literal is not closed", "end it with '"),
            arguments("a != 1", 3, "unexpected '!='", "write <> for not equal"),
            arguments("a = \"x\"", 5, "unexpected '\"'", "string literals are enclosed in single quotes"),
            arguments("a # 1", 3, "unexpected character '#'", "outside string literals a selector has only names"),
            arguments("a = 1; b = 2", 6, "unexpected character ';'", "outside string literals a selector has only names"),
            arguments("a\u00A0= 1", 2, "unexpected character U+00A0", "outside string literals a selector has only names"),
            arguments("a = 1 !", 7, "unexpected character '!'", "outside string literals a selector has only names"),
            arguments("a = ?", 5, "unexpected character '?'", "outside string literals a selector has only names"));
    }

    @ParameterizedTest
    @MethodSource("badCharactersAndStrings")
    void badCharactersAndUnclosedStringsAreRejected(String selector, int position, String problem, String hint) {
        assertRejected(selector, position, problem, hint);
    }

    static Stream<Arguments> badNumbers() {
        String exactRange = "exact numbers must fit in a long (-9223372036854775808 to 9223372036854775807)";
        return Stream.of(
            arguments("n = 12abc", 5, "malformed number '12abc'", "numbers are written like 42, 0x1F, 3.14"),
            arguments("n = 1.2.3", 5, "malformed number '1.2.3'", "numbers are written like"),
            arguments("n = 0x", 5, "malformed number '0x'", "numbers are written like"),
            arguments("n = 0xG1", 5, "malformed number '0xG1'", "numbers are written like"),
            arguments("n = 0b102", 5, "malformed number '0b102'", "numbers are written like"),
            arguments("n = 1e", 5, "malformed number '1e'", "numbers are written like"),
            arguments("n = 1e+", 5, "malformed number '1e+'", "numbers are written like"),
            arguments("n = 1_", 5, "malformed number '1_'", "numbers are written like"),
            arguments("n = 0x_1", 5, "malformed number '0x_1'", "numbers are written like"),
            arguments("n = 1._5", 5, "malformed number '1._5'", "numbers are written like"),
            arguments("n = 1.5L", 5, "malformed number '1.5L'", "numbers are written like"),
            arguments("n = 0x1.8", 5, "malformed number '0x1.8'", "numbers are written like"),
            arguments("n = 09", 5, "malformed number '09'", "a leading 0 makes a number octal"),
            arguments("n = 0_8", 5, "malformed number '0_8'", "a leading 0 makes a number octal"),
            arguments("n = 99999999999999999999", 5, "number '99999999999999999999' is out of range", exactRange),
            arguments("n = 9223372036854775808", 5, "number '9223372036854775808' is out of range", exactRange),
            arguments("n = +9223372036854775808", 6, "number '9223372036854775808' is out of range", exactRange),
            arguments("n = -(9223372036854775808)", 7, "number '9223372036854775808' is out of range", exactRange),
            arguments("n = 0x1FFFFFFFFFFFFFFFF", 5, "number '0x1FFFFFFFFFFFFFFFF' is out of range", exactRange),
            arguments("n = 0b" + "1".repeat(65), 5, "number '0b" + "1".repeat(65) + "' is out of range", exactRange),
            arguments("n = 1e400", 5, "number '1e400' is too large for a double",
                "a double holds magnitudes from 4.9E-324 to 1.7976931348623157E308"),
            arguments("n = 1e-400", 5, "number '1e-400' is too small for a double and would be zero", "a double holds"),
            arguments("n = 1e39f", 5, "number '1e39f' is too large for a float",
                "a float holds magnitudes from 1.4E-45 to 3.4028235E38"),
            arguments("n = 1e-50f", 5, "number '1e-50f' is too small for a float and would be zero", "a float holds"));
    }

    @ParameterizedTest
    @MethodSource("badNumbers")
    void badNumbersAreRejected(String selector, int position, String problem, String hint) {
        assertRejected(selector, position, problem, hint);
    }

    @ParameterizedTest
    @ValueSource(strings = {"AND", "OR", "BETWEEN", "LIKE", "IN", "IS", "ESCAPE", "and", "Escape"})
    void reservedWordsCannotNameProperties(String word) {
        assertRejected(word + " = 0", 1, "unexpected '" + word + "'",
            word.toUpperCase(java.util.Locale.ROOT) + " is a reserved word and cannot name a property");
    }

    static Stream<Arguments> misplacedLiterals() {
        String nullHint = "NULL can only be used in IS NULL and IS NOT NULL";
        return Stream.of(
            arguments("NULL = 0", 1, "unexpected 'NULL'", nullHint),
            arguments("a = null", 5, "unexpected 'null'", nullHint),
            arguments("a IN (NULL)", 7, "unexpected 'NULL'", "an IN list holds only string literals"),
            arguments("NOT = 0", 5, "unexpected '='", "expected a value"),
            arguments("TRUE = 0", 6, "cannot compare a boolean with a number", "only numbers with numbers"),
            arguments("FALSE = 0", 7, "cannot compare a boolean with a number", "only numbers with numbers"),
            arguments("'1' = 1", 5, "cannot compare a string with a number", "strings with strings"),
            arguments("TRUE <> 'true'", 6, "cannot compare a boolean with a string", "booleans with booleans"),
            arguments("JMSDeliveryMode = 2", 17, "cannot compare a string with a number", "only numbers with numbers"),
            arguments("JMSPriority = 'high'", 13, "cannot compare a number with a string", "only numbers with numbers"),
            arguments("(a > 1) = 1", 9, "cannot compare a boolean with a number", "only numbers with numbers"));
    }

    @ParameterizedTest
    @MethodSource("misplacedLiterals")
    void nullAndMismatchedLiteralsAreRejected(String selector, int position, String problem, String hint) {
        assertRejected(selector, position, problem, hint);
    }

    static Stream<Arguments> wrongTypes() {
        String condition = "a selector is a condition that is true or false";
        String ordering = "strings and booleans can only be compared with = and <>";
        return Stream.of(
            arguments("price + 1", 1, "found a number where a condition is needed", condition),
            arguments("'abc'", 1, "found a string where a condition is needed", condition),
            arguments("42", 1, "found a number where a condition is needed", condition),
            arguments("(1)", 1, "found a number where a condition is needed", condition),
            arguments("-a", 1, "found a number where a condition is needed", condition),
            arguments("JMSPriority", 1, "found a number where a condition is needed", condition),
            arguments("JMSType", 1, "found a string where a condition is needed", condition),
            arguments("NOT 5", 5, "found a number where a condition is needed", "NOT negates a condition"),
            arguments("NOT JMSType", 5, "found a string where a condition is needed", "NOT negates a condition"),
            arguments("a AND 5", 7, "found a number where a condition is needed", "AND joins two conditions"),
            arguments("'x' AND a", 1, "found a string where a condition is needed", "AND joins two conditions"),
            arguments("'x' OR a", 1, "found a string where a condition is needed", "OR joins two conditions"),
            arguments("a OR b + 1", 6, "found a number where a condition is needed", "OR joins two conditions"),
            arguments("'a' + 1 = 2", 1, "found a string where a number is needed", "'+' works on numbers only"),
            arguments("a + 'b' > 1", 5, "found a string where a number is needed", "'+' works on numbers only"),
            arguments("a - TRUE > 1", 5, "found a boolean where a number is needed", "'-' works on numbers only"),
            arguments("TRUE * 2 = 2", 1, "found a boolean where a number is needed", "'*' works on numbers only"),
            arguments("a / JMSType = 1", 5, "found a string where a number is needed", "'/' works on numbers only"),
            arguments("(a > 1) + 1 = 2", 1, "found a boolean where a number is needed", "'+' works on numbers only"),
            arguments("-'a' = 1", 2, "found a string where a number is needed", "a sign goes before a number"),
            arguments("+FALSE = 1", 2, "found a boolean where a number is needed", "a sign goes before a number"),
            arguments("myProp > 'foo'", 10, "found a string where a number is needed", ordering),
            arguments("myProp >= 'foo'", 11, "found a string where a number is needed", ordering),
            arguments("myProp < 'foo'", 10, "found a string where a number is needed", ordering),
            arguments("myProp <= 'foo'", 11, "found a string where a number is needed", ordering),
            arguments("'foo' > TRUE", 1, "found a string where a number is needed", ordering),
            arguments("flag < TRUE", 8, "found a boolean where a number is needed", ordering),
            arguments("JMSType > 'a'", 1, "found a string where a number is needed", ordering),
            arguments("a BETWEEN 'x' AND 'z'", 11, "found a string where a number is needed", "BETWEEN works on numbers"),
            arguments("a BETWEEN 1 AND TRUE", 17, "found a boolean where a number is needed", "BETWEEN works on numbers"),
            arguments("'a' BETWEEN 1 AND 2", 1, "found a string where a number is needed", "BETWEEN works on numbers"),
            arguments("JMSType NOT BETWEEN 1 AND 2", 1, "found a string where a number is needed",
                "BETWEEN works on numbers"));
    }

    @ParameterizedTest
    @MethodSource("wrongTypes")
    void typeErrorsVisibleInTheTextAreRejected(String selector, int position, String problem, String hint) {
        assertRejected(selector, position, problem, hint);
    }

    static Stream<Arguments> badInLists() {
        String example = "as in country IN ('UK', 'US')";
        return Stream.of(
            arguments("c IN ()", 6, "empty IN list", "list at least one string, " + example),
            arguments("c NOT IN ()", 10, "empty IN list", "list at least one string"),
            arguments("myProp NOT IN (1,2,3)", 16, "unexpected '1'", "an IN list holds only string literals, " + example),
            arguments("c IN ('a', 2)", 12, "unexpected '2'", "an IN list holds only string literals"),
            arguments("c IN ('a', d)", 12, "unexpected 'd'", "an IN list holds only string literals"),
            arguments("c IN ('a',)", 11, "unexpected ')'", "an IN list holds only string literals"),
            arguments("c IN ('a' 'b')", 11, "unexpected string 'b'", "expected ',' or ')' in the IN list opened at position 6"),
            arguments("c IN ('a'", 10, "unexpected end of selector", "expected ',' or ')' in the IN list opened at position 6"),
            arguments("c IN 'a'", 6, "unexpected string 'a'", "expected '(' and a list of strings after IN"),
            arguments("'a' IN ('a')", 1, "found a string where a property name is needed", "IN tests a property"),
            arguments("a + 1 IN ('a')", 1, "found a number where a property name is needed", "IN tests a property"),
            arguments("JMSPriority IN ('1')", 1, "found a number where a string is needed", "IN compares strings only"));
    }

    @ParameterizedTest
    @MethodSource("badInLists")
    void badInListsAreRejected(String selector, int position, String problem, String hint) {
        assertRejected(selector, position, problem, hint);
    }

    static Stream<Arguments> badLikes() {
        String escapeHint = "ESCAPE takes a string of exactly one character";
        String escapeUse = "the escape character may only stand before _, % or itself";
        return Stream.of(
            arguments("myProp LIKE 7", 13, "unexpected '7'", "LIKE needs a string literal pattern"),
            arguments("s LIKE t", 8, "unexpected 't'", "LIKE needs a string literal pattern"),
            arguments("s LIKE", 7, "unexpected end of selector", "LIKE needs a string literal pattern"),
            arguments("s LIKE 'a' ESCAPE ''", 19, "escape '' is not a single character", escapeHint),
            arguments("s LIKE 'a' ESCAPE 'ab'", 19, "escape 'ab' is not a single character", escapeHint),
            arguments("s LIKE 'a' ESCAPE 5", 19, "unexpected '5'", escapeHint),
            arguments("s LIKE 'a' ESCAPE", 18, "unexpected end of selector", escapeHint),
            arguments("s LIKE 'a!' ESCAPE '!'", 8, "LIKE pattern ends with its escape character '!'", escapeUse),
            arguments("s LIKE '!a' ESCAPE '!'", 8, "LIKE pattern has its escape character '!' before 'a'", escapeUse),
            arguments("5 LIKE 'a'", 1, "found a number where a property name is needed", "LIKE tests a property"),
            arguments("'abc' NOT LIKE 'a%'", 1, "found a string where a property name is needed", "LIKE tests a property"),
            arguments("JMSPriority LIKE '1%'", 1, "found a number where a string is needed", "LIKE matches strings only"));
    }

    @ParameterizedTest
    @MethodSource("badLikes")
    void badLikesAreRejected(String selector, int position, String problem, String hint) {
        assertRejected(selector, position, problem, hint);
    }

    @Test
    void isNullNeedsAPropertyName() {
        assertRejected("5 IS NULL", 1, "found a number where a property name is needed", "IS NULL tests a property");
        assertRejected("a + 1 IS NOT NULL", 1, "found a number where a property name is needed", "IS NULL tests a property");
        assertRejected("(a = 1) IS NULL", 1, "found a boolean where a property name is needed", "IS NULL tests a property");
    }

    @ParameterizedTest
    @ValueSource(strings = {"JMSRedelivered", "JMSExpiration", "JMSDestination", "JMSReplyTo", "JMSDeliveryTime", "JMS",
        "JMSpriority"})
    void headersOutsideTheSixSelectableOnesAreRejected(String name) {
        assertRejected(name + " IS NULL", 1, "'" + name + "' is not a header a selector can use",
            "selectors can use the headers JMSDeliveryMode, JMSPriority, JMSMessageID, JMSTimestamp, JMSCorrelationID "
                + "and JMSType; other names starting with JMS are reserved, except properties starting with JMSX or JMS_");
    }

    @Test
    void nestingDeeperThanTheLimitIsRejectedInsteadOfExhaustingTheStack() {
        int tooDeep = Parser.MAX_NESTING + 1;
        String hint = "parentheses, NOT and signs may nest at most " + Parser.MAX_NESTING + " deep";

        assertRejected("(".repeat(tooDeep) + "a" + ")".repeat(tooDeep), tooDeep, "nesting deeper than 100 levels", hint);
        assertRejected("NOT ".repeat(tooDeep) + "a", 4 * tooDeep - 3, "nesting deeper than 100 levels", hint);
        assertRejected("-".repeat(tooDeep) + "a = 1", tooDeep, "nesting deeper than 100 levels", hint);
        assertRejected("(".repeat(100_000), tooDeep, "nesting deeper than 100 levels", hint);
    }

    @Test
    void positionsCountCharactersFromOneAcrossLines() {
        assertRejected("a = 1\nAND\nb >> 2", 14, "unexpected '>'", "expected a value");
    }
}
