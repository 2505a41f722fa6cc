package dev.reliq.jms.selector;

import static dev.reliq.jms.selector.TestMessage.empty;
import static dev.reliq.jms.selector.TestMessage.with;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The SQL truth tables of specification section 3.8.1.2. Only TRUE selects, so a condition's
 * value is told apart by also trying its negation: FALSE is the one whose NOT selects, UNKNOWN
 * the one where neither does.
 */
class ThreeValuedLogicTest {

    /** t is TRUE, f is FALSE, u is an absent property and so UNKNOWN. */
    private static final TestMessage TRUTHS = with("t", true).and("f", false);

    static String truthOf(String condition, TestMessage message) {
        if (message.isSelectedBy(condition)) {
            return "TRUE";
        }
        return message.isSelectedBy("NOT (" + condition + ")") ? "FALSE" : "UNKNOWN";
    }

    @ParameterizedTest
    @CsvSource({
        "t, t, TRUE", "t, f, FALSE", "t, u, UNKNOWN",
        "f, t, FALSE", "f, f, FALSE", "f, u, FALSE",
        "u, t, UNKNOWN", "u, f, FALSE", "u, u, UNKNOWN",
    })
    void andFollowsTheSpecificationTable(String left, String right, String expected) {
        assertThat(truthOf(left + " AND " + right, TRUTHS)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
        "t, t, TRUE", "t, f, TRUE", "t, u, TRUE",
        "f, t, TRUE", "f, f, FALSE", "f, u, UNKNOWN",
        "u, t, TRUE", "u, f, UNKNOWN", "u, u, UNKNOWN",
    })
    void orFollowsTheSpecificationTable(String left, String right, String expected) {
        assertThat(truthOf(left + " OR " + right, TRUTHS)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"t, FALSE", "f, TRUE", "u, UNKNOWN"})
    void notFollowsTheSpecificationTable(String operand, String expected) {
        assertThat(truthOf("NOT " + operand, TRUTHS)).isEqualTo(expected);
    }

    @Test
    void notBindsTighterThanAndWhichBindsTighterThanOr() {
        assertThat(with("a", true).and("b", false).isSelectedBy("NOT a AND b")).isFalse();
        assertThat(with("a", false).and("b", true).isSelectedBy("NOT a AND b")).isTrue();
        assertThat(with("a", true).and("b", false).isSelectedBy("a AND NOT b")).isTrue();
        assertThat(with("a", true).and("b", false).isSelectedBy("a OR a AND b")).isTrue();
        assertThat(with("a", false).and("b", true).isSelectedBy("a AND b OR b")).isTrue();
        assertThat(with("a", true).and("b", false).isSelectedBy("(a OR a) AND b")).isFalse();
        assertThat(TRUTHS.isSelectedBy("TRUE OR (FALSE AND FALSE)")).isTrue();
        assertThat(TRUTHS.isSelectedBy("NOT NOT t")).isTrue();
    }

    @Test
    void comparisonsBindTighterThanNot() {
        assertThat(with("a", 1).isSelectedBy("NOT a = 2")).isTrue();
        assertThat(with("a", 1).isSelectedBy("NOT a BETWEEN 2 AND 3 AND NOT a IN ('x') OR FALSE")).isFalse();
        assertThat(with("a", 1).and("s", "y").isSelectedBy("NOT a BETWEEN 2 AND 3 AND NOT s IN ('x')")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"u = 1", "u <> 1", "u < 1", "u <= 1", "u > 1", "u >= 1", "1 = u", "u = 'x'", "u <> 'x'",
        "u = TRUE", "u = u", "n = u"})
    void comparingWithNullIsUnknown(String condition) {
        assertThat(truthOf(condition, with("n", 1))).isEqualTo("UNKNOWN");
    }

    @ParameterizedTest
    @ValueSource(strings = {"u + 1 = 1", "1 - u = 1", "u * 0 = 0", "u / 1 = 0", "-u = 0", "+u = 0", "n + u <> n"})
    void arithmeticWithNullIsUnknown(String condition) {
        assertThat(truthOf(condition, with("n", 1))).isEqualTo("UNKNOWN");
    }

    @Test
    void nullInsideNotIsStillUnknown() {
        assertThat(truthOf("NOT (u = 1)", empty())).isEqualTo("UNKNOWN");
        assertThat(truthOf("NOT NOT (u = 1)", empty())).isEqualTo("UNKNOWN");
    }

    @Test
    void isNullTurnsNullIntoTrueOrFalse() {
        assertThat(truthOf("u IS NULL", empty())).isEqualTo("TRUE");
        assertThat(truthOf("u IS NOT NULL", empty())).isEqualTo("FALSE");
        assertThat(truthOf("n IS NULL", with("n", 1))).isEqualTo("FALSE");
        assertThat(truthOf("n IS NOT NULL", with("n", 1))).isEqualTo("TRUE");
    }

    @ParameterizedTest
    @ValueSource(strings = {"u IN ('a', 'b')", "u NOT IN ('a', 'b')", "u LIKE '1_3'", "u NOT LIKE '1_3'",
        "u BETWEEN 1 AND 2", "u NOT BETWEEN 1 AND 2"})
    void inLikeAndBetweenOfNullAreUnknownEvenNegated(String condition) {
        assertThat(truthOf(condition, empty())).isEqualTo("UNKNOWN");
    }

    @ParameterizedTest
    @CsvSource({
        "5, UNKNOWN", "11, FALSE", "-1, UNKNOWN",
    })
    void betweenWithANullBoundIsUnknownUnlessTheOtherBoundDecides(int x, String expected) {
        // x >= lo AND x <= 10, with lo absent
        assertThat(truthOf("x BETWEEN lo AND 10", with("x", x))).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
        "5, UNKNOWN", "11, TRUE",
    })
    void notBetweenWithANullBoundIsTrueWhenTheOtherBoundDecides(int x, String expected) {
        // x < lo OR x > 10, with lo absent
        assertThat(truthOf("x NOT BETWEEN lo AND 10", with("x", x))).isEqualTo(expected);
    }

    @Test
    void comparingDifferentTypesIsFalseNotUnknown() {
        assertThat(truthOf("count = 'five'", with("count", 5))).isEqualTo("FALSE");
        assertThat(truthOf("count <> 'five'", with("count", 5))).isEqualTo("FALSE");
        assertThat(truthOf("flag = 1", with("flag", true))).isEqualTo("FALSE");
        assertThat(truthOf("name = TRUE", with("name", "true"))).isEqualTo("FALSE");
        assertThat(truthOf("a = b", with("a", "1").and("b", 1))).isEqualTo("FALSE");
    }

    @Test
    void stringPropertyIsNotANumberAsTheSpecificationExampleSays() {
        TestMessage message = with("NumberOfOrders", "2");

        assertThat(truthOf("NumberOfOrders > 1", message)).isEqualTo("FALSE");
        assertThat(truthOf("NumberOfOrders BETWEEN 1 AND 3", message)).isEqualTo("FALSE");
        assertThat(truthOf("NumberOfOrders NOT BETWEEN 1 AND 3", message)).isEqualTo("FALSE");
    }

    @Test
    void arithmeticOnAValueThatIsNotANumberIsUnknown() {
        assertThat(truthOf("NumberOfOrders + 1 > 2", with("NumberOfOrders", "2"))).isEqualTo("UNKNOWN");
        assertThat(truthOf("-flag = -1", with("flag", true))).isEqualTo("UNKNOWN");
        assertThat(truthOf("+s = 1", with("s", "1"))).isEqualTo("UNKNOWN");
        assertThat(truthOf("2 * s = 2", with("s", "1"))).isEqualTo("UNKNOWN");
    }

    @Test
    void inAndLikeOfAValueThatIsNotAStringAreUnknown() {
        assertThat(truthOf("myProp IN ('0')", with("myProp", 0))).isEqualTo("UNKNOWN");
        assertThat(truthOf("myProp NOT IN ('foo', 'jms', 'test')", with("myProp", 0))).isEqualTo("UNKNOWN");
        assertThat(truthOf("myProp LIKE '1_3'", with("myProp", 123))).isEqualTo("UNKNOWN");
        assertThat(truthOf("myProp NOT LIKE '1_3'", with("myProp", 123))).isEqualTo("UNKNOWN");
        assertThat(truthOf("myProp LIKE 'true'", with("myProp", true))).isEqualTo("UNKNOWN");
    }

    @Test
    void otherOperandIsNotNeededOnceTheAnswerIsKnown() {
        SelectorContext failsIfAsked = identifier -> {
            if (identifier.equals("expensive")) {
                throw new AssertionError("evaluated " + identifier);
            }
            return identifier.equals("t");
        };

        assertThat(TestMessage.selector("NOT t AND expensive").matches(failsIfAsked)).isFalse();
        assertThat(TestMessage.selector("t OR expensive").matches(failsIfAsked)).isTrue();
    }
}
