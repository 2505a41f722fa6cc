package dev.reliq.jms.selector;

import static dev.reliq.jms.selector.TestMessage.empty;
import static dev.reliq.jms.selector.TestMessage.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.jms.InvalidSelectorException;
import java.lang.management.ManagementFactory;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MessageSelectorTest {

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\t\n\r\f "})
    void blankSelectorSelectsEveryMessage(String text) throws InvalidSelectorException {
        MessageSelector selector = MessageSelector.parse(text);

        assertThat(selector.selectsAll()).isTrue();
        assertThat(selector.matches(empty())).isTrue();
        assertThat(selector.text()).isEqualTo(text);
    }

    @Test
    void nullSelectorSelectsEveryMessageAndKeepsItsNullText() throws InvalidSelectorException {
        MessageSelector selector = MessageSelector.parse(null);

        assertThat(selector.selectsAll()).isTrue();
        assertThat(selector.matches(null)).isTrue();
        assertThat(selector.text()).isNull();
    }

    @Test
    void parsedSelectorKeepsItsTextAndDoesNotSelectAll() throws InvalidSelectorException {
        MessageSelector selector = MessageSelector.parse("JMSType = 'car' AND color = 'blue' AND weight > 2500");

        assertThat(selector.selectsAll()).isFalse();
        assertThat(selector.text()).isEqualTo("JMSType = 'car' AND color = 'blue' AND weight > 2500");
        assertThat(selector.toString()).contains("JMSType = 'car'");
    }

    @Test
    void specificationExampleSelectsOnlyTheBlueHeavyCar() throws InvalidSelectorException {
        MessageSelector selector = MessageSelector.parse("JMSType = 'car' AND color = 'blue' AND weight > 2500");

        assertThat(selector.matches(with("JMSType", "car").and("color", "blue").and("weight", 3000))).isTrue();
        assertThat(selector.matches(with("JMSType", "car").and("color", "blue").and("weight", 2500))).isFalse();
        assertThat(selector.matches(with("JMSType", "car").and("color", "red").and("weight", 3000))).isFalse();
        assertThat(selector.matches(with("JMSType", "car").and("color", "blue"))).isFalse();
    }

    @Test
    void oneSelectorServesManyMessagesAndThreads() throws InvalidSelectorException {
        MessageSelector selector = MessageSelector.parse("n BETWEEN 10 AND 19 AND name LIKE 'item%'");
        Runnable check = () -> {
            for (int n = 0; n < 10_000; n++) {
                boolean expected = n >= 10 && n <= 19;
                if (selector.matches(with("n", n).and("name", "item-" + n)) != expected) {
                    throw new AssertionError("wrong answer for " + n);
                }
            }
        };
        CompletableFuture<Void> other = CompletableFuture.runAsync(check);
        check.run();
        other.join();
    }

    @Test
    void longGeneratedChainsParseAndEvaluate() {
        String manyOrs = IntStream.range(0, 20_000).mapToObj(i -> "id = " + i).collect(Collectors.joining(" OR "));
        String manyAnds = IntStream.range(0, 20_000).mapToObj(i -> "id <> " + i).collect(Collectors.joining(" AND "));
        String longSum = IntStream.range(0, 20_000).mapToObj(i -> "one").collect(Collectors.joining(" + "));

        assertThat(with("id", 19_999).isSelectedBy(manyOrs)).isTrue();
        assertThat(with("id", 20_000).isSelectedBy(manyOrs)).isFalse();
        assertThat(with("id", 20_000).isSelectedBy(manyAnds)).isTrue();
        assertThat(with("one", 1).isSelectedBy(longSum + " = 20000")).isTrue();
    }

    @Test
    void nestingUpToTheLimitIsAccepted() {
        int depth = Parser.MAX_NESTING;
        String parenthesized = "(".repeat(depth) + "a = 1" + ")".repeat(depth);

        assertThat(with("a", 1).isSelectedBy(parenthesized)).isTrue();
        assertThat(with("a", true).isSelectedBy("NOT ".repeat(depth) + "a")).isTrue();
        assertThat(with("a", -1).isSelectedBy("-".repeat(depth) + "a = -1")).isTrue();
    }

    @Test
    void evaluationWithoutArithmeticAllocatesNothing() {
        assumeTrue(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assumeTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled());
        MessageSelector selector = TestMessage.selector("JMSPriority > 4 AND name LIKE 'or%-__' AND region IN ('EU', 'US')"
            + " AND NOT (price BETWEEN 10 AND 20.5) AND missing IS NULL AND flag AND kind <> 'test'");
        TestMessage message = with("JMSPriority", 7).and("name", "order-42").and("region", "US").and("price", 99.5)
            .and("flag", true).and("kind", "real");
        for (int i = 0; i < 20_000; i++) {
            selector.matches(message);
        }

        long before = threads.getCurrentThreadAllocatedBytes();
        int selected = 0;
        for (int i = 0; i < 100_000; i++) {
            selected += selector.matches(message) ? 1 : 0;
        }
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;

        assertThat(selected).isEqualTo(100_000);
        assertThat(allocated).as("bytes allocated by 100,000 evaluations").isLessThan(10_000);
    }

    // --- literals ---

    @Test
    void stringLiteralWithDoubledQuoteStandsForOneQuote() {
        assertThat(with("JMSType", "literal's").isSelectedBy("JMSType = 'literal''s'")).isTrue();
        assertThat(with("s", "'").isSelectedBy("s = ''''")).isTrue();
        assertThat(with("s", "").isSelectedBy("s = ''")).isTrue();
    }

    @Test
    void stringLiteralKeepsBackslashesUnicodeAndSpacesAsWritten() {
        assertThat(with("s", "a\\nb").isSelectedBy("s = 'a\\nb'")).isTrue();
        assertThat(with("s", "Grüße 😀").isSelectedBy("s = 'Grüße 😀'")).isTrue();
        assertThat(with("s", " UK").isSelectedBy("s = 'UK'")).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "57                   | 57",
        "-957                 | -957",
        "+62                  | 62",
        "0                    | 0",
        "1_000_000            | 1000000",
        "29L                  | 29",
        "29l                  | 29",
        "035                  | 29",
        "0_35                 | 29",
        "00                   | 0",
        "0x1d                 | 29",
        "0X1D                 | 29",
        "0x1dL                | 29",
        "0b11101              | 29",
        "0B1_1101             | 29",
        "9223372036854775807  | 9223372036854775807",
        "9223372036854775807L | 9223372036854775807",
        "-9223372036854775808 | -9223372036854775808",
        "-9223372036854775808L| -9223372036854775808",
        "- 9223372036854775808| -9223372036854775808",
        "0xFFFFFFFFFFFFFFFF   | -1",
        "0x7FFFFFFFFFFFFFFF   | 9223372036854775807",
        "01777777777777777777777 | -1",
    })
    void exactLiteralsFollowJavaIntegerSyntax(String literal, long value) {
        assertThat(with("n", value).isSelectedBy("n = " + literal)).as(literal).isTrue();
        assertThat(with("n", value + 1).isSelectedBy("n = " + literal)).as(literal).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "7E3       | 7000.0",
        "7e3       | 7000.0",
        "-57.9E2   | -5790.0",
        "7.        | 7.0",
        "-95.7     | -95.7",
        "+6.2      | 6.2",
        ".7e4      | 7000.0",
        ".5        | 0.5",
        "1e-3      | 0.001",
        "1E+3      | 1000.0",
        "09.5      | 9.5",
        "1_0.2_5   | 10.25",
        "7d        | 7.0",
        "7D        | 7.0",
        "2.5d      | 2.5",
        "0x1.8p1   | 3.0",
        "0x1p-2    | 0.25",
        "1.7976931348623157E308 | 1.7976931348623157E308",
        "4.9E-324  | 4.9E-324",
    })
    void approximateLiteralsFollowJavaFloatingPointSyntax(String literal, double value) {
        assertThat(with("x", value).isSelectedBy("x = " + literal)).as(literal).isTrue();
        assertThat(with("x", -value).isSelectedBy("x = " + literal)).as(literal).isFalse();
    }

    @Test
    void floatSuffixMakesTheLiteralAFloatAsInJava() {
        assertThat(with("ratio", 0.1f).isSelectedBy("ratio = 0.1f")).isTrue();
        assertThat(with("ratio", 0.1f).isSelectedBy("ratio = 0.1")).isFalse();
        assertThat(with("ratio", 0.1d).isSelectedBy("ratio = 0.1F")).isFalse();
        assertThat(with("ratio", 0.1d).isSelectedBy("ratio = 0.1")).isTrue();
        assertThat(with("n", 35.0).isSelectedBy("n = 035f")).as("a float literal with a leading zero is decimal").isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"TRUE", "true", "True", "tRuE"})
    void booleanLiteralsIgnoreCase(String literal) {
        assertThat(with("flag", true).isSelectedBy("flag = " + literal)).isTrue();
        assertThat(with("flag", false).isSelectedBy("flag = " + literal)).isFalse();
        assertThat(empty().isSelectedBy(literal)).isTrue();
        assertThat(empty().isSelectedBy("NOT " + literal)).isFalse();
    }

    @Test
    void falseLiteralSelectsNothing() {
        assertThat(empty().isSelectedBy("FALSE")).isFalse();
        assertThat(with("flag", false).isSelectedBy("flag = false")).isTrue();
    }

    // --- identifiers ---

    @Test
    void identifiersAreCaseSensitive() {
        TestMessage message = with("myProp", true).and("MYpROP", false);

        assertThat(message.isSelectedBy("myProp = TRUE AND MYpROP = FALSE")).isTrue();
        assertThat(message.isSelectedBy("myprop")).isFalse();
    }

    @Test
    void identifiersFollowJavaRules() {
        assertThat(with("$myProp", true).and("_myProp", false).isSelectedBy("$myProp = TRUE AND _myProp = FALSE"))
            .isTrue();
        assertThat(with("größe", 3).isSelectedBy("größe = 3")).isTrue();
        assertThat(with("a1_b$2", 3).isSelectedBy("a1_b$2 = 3")).isTrue();
    }

    @Test
    void identifierThatOnlyLooksLikeAKeywordIsAnIdentifier() {
        assertThat(with("ınfo", "x").isSelectedBy("ınfo = 'x'")).isTrue();
        assertThat(with("ın", "x").isSelectedBy("ın = 'x'")).as("dotless i: not the keyword IN").isTrue();
        assertThat(with("ORDER", 1).and("android", 2).isSelectedBy("ORDER = 1 AND android = 2")).isTrue();
        assertThat(with("NULLS", "x").and("isbn", "y").isSelectedBy("NULLS = 'x' AND isbn = 'y'")).isTrue();
        assertThat(with("truex", true).isSelectedBy("truex")).isTrue();
    }

    @Test
    void absentPropertyIsNull() {
        assertThat(empty().isSelectedBy("missing IS NULL")).isTrue();
        assertThat(empty().isSelectedBy("missing IS NOT NULL")).isFalse();
        assertThat(with("present", 0).isSelectedBy("present IS NOT NULL")).isTrue();
        assertThat(with("present", "").isSelectedBy("present IS NULL")).isFalse();
    }

    @Test
    void loneBooleanPropertyIsACondition() {
        assertThat(with("myProp", true).isSelectedBy("myProp")).isTrue();
        assertThat(with("myProp", false).isSelectedBy("myProp")).isFalse();
        assertThat(empty().isSelectedBy("myProp")).isFalse();
        assertThat(empty().isSelectedBy("NOT myProp")).isFalse();
    }

    @Test
    void propertyThatIsNotABooleanIsUnknownAsACondition() {
        assertThat(with("myProp", "true").isSelectedBy("myProp")).isFalse();
        assertThat(with("myProp", "true").isSelectedBy("NOT myProp")).isFalse();
        assertThat(with("myProp", 1).isSelectedBy("myProp OR TRUE")).isTrue();
        assertThat(with("myProp", 1).isSelectedBy("myProp OR FALSE")).isFalse();
        assertThat(with("myProp", 1).isSelectedBy("NOT (myProp AND FALSE)")).isTrue();
    }

    @Test
    void headersAreSelectable() {
        TestMessage message = with("JMSDeliveryMode", "PERSISTENT")
            .and("JMSPriority", 7)
            .and("JMSMessageID", "ID:42")
            .and("JMSTimestamp", 1_700_000_000_000L)
            .and("JMSCorrelationID", "order-9")
            .and("JMSType", "car");

        assertThat(message.isSelectedBy("JMSDeliveryMode = 'PERSISTENT'")).isTrue();
        assertThat(message.isSelectedBy("JMSDeliveryMode = 'NON_PERSISTENT'")).isFalse();
        assertThat(message.isSelectedBy("JMSPriority > 4")).isTrue();
        assertThat(message.isSelectedBy("JMSPriority BETWEEN 0 AND 4")).isFalse();
        assertThat(message.isSelectedBy("JMSMessageID = 'ID:42'")).isTrue();
        assertThat(message.isSelectedBy("JMSTimestamp >= 1700000000000")).isTrue();
        assertThat(message.isSelectedBy("JMSTimestamp + 1000 < 1700000000000")).isFalse();
        assertThat(message.isSelectedBy("JMSCorrelationID LIKE 'order-%'")).isTrue();
        assertThat(message.isSelectedBy("JMSType IN ('car', 'van')")).isTrue();
    }

    @Test
    void unsetOptionalHeadersAreNull() {
        TestMessage message = with("JMSPriority", 4);

        assertThat(message.isSelectedBy("JMSCorrelationID IS NULL")).isTrue();
        assertThat(message.isSelectedBy("JMSType = 'car'")).isFalse();
        assertThat(message.isSelectedBy("NOT (JMSType = 'car')")).isFalse();
        assertThat(message.isSelectedBy("JMSMessageID IS NOT NULL")).isFalse();
    }

    @Test
    void jmsxAndProviderPropertiesAreOrdinaryProperties() {
        TestMessage message = with("JMSXDeliveryCount", 2).and("JMSXGroupID", "g1").and("JMS_reliq_queue", "orders");

        assertThat(message.isSelectedBy("JMSXDeliveryCount > 1 AND JMSXGroupID = 'g1'")).isTrue();
        assertThat(message.isSelectedBy("JMS_reliq_queue = 'orders'")).isTrue();
        assertThat(message.isSelectedBy("JMSXUserID IS NULL")).isTrue();
    }

    @Test
    void lowerCaseJmsPrefixIsAnApplicationProperty() {
        assertThat(with("jmsRedelivered", true).isSelectedBy("jmsRedelivered")).isTrue();
    }

    // --- keywords and white space ---

    @Test
    void keywordsIgnoreCase() {
        TestMessage message = with("myProp1", "foo_test").and("myProp2", "a").and("myProp3", 20).and("myProp4", true);

        assertThat(message.isSelectedBy("myProp0 is null and myProp1 like 'fooG_%' escape 'G' and "
            + "myProp2 in ('a', 'b') and myProp3 not between 0 and 10 and (myProp4 or false)")).isTrue();
        assertThat(message.isSelectedBy("myProp0 Is Not Null oR myProp3 NoT bEtWeEn 0 AnD 30")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"JMSType   =   'foo'", "JMSType\t=\t'foo'", "JMSType\f=\f'foo'", "JMSType\n= \n'foo'",
        "JMSType\r\n=\r'foo'", "JMSType='foo'", "  JMSType='foo'  "})
    void javaWhiteSpaceSeparatesTokens(String selector) {
        assertThat(with("JMSType", "foo").isSelectedBy(selector)).isTrue();
    }

    @Test
    void operatorsNeedNoSpaces() {
        TestMessage message = with("a", 5).and("b", 10).and("s", "x");

        assertThat(message.isSelectedBy("a+5=b AND b-a=5 AND a*2=b AND b/a=2 AND a<b AND b>a AND a<=5 AND b>=10 "
            + "AND a<>b AND s IN('x')AND(a=5)")).isTrue();
    }

    // --- comparison and arithmetic ---

    @Test
    void everyComparisonOperatorWorksOnNumbers() {
        TestMessage message = with("n", 5);

        assertThat(message.isSelectedBy("n = 5")).isTrue();
        assertThat(message.isSelectedBy("n <> 5")).isFalse();
        assertThat(message.isSelectedBy("n <> 4")).isTrue();
        assertThat(message.isSelectedBy("n < 6")).isTrue();
        assertThat(message.isSelectedBy("n < 5")).isFalse();
        assertThat(message.isSelectedBy("n <= 5")).isTrue();
        assertThat(message.isSelectedBy("n <= 4")).isFalse();
        assertThat(message.isSelectedBy("n > 4")).isTrue();
        assertThat(message.isSelectedBy("n > 5")).isFalse();
        assertThat(message.isSelectedBy("n >= 5")).isTrue();
        assertThat(message.isSelectedBy("n >= 6")).isFalse();
    }

    @Test
    void stringsAndBooleansCompareWithEqualsAndNotEquals() {
        assertThat(with("s", "foo").isSelectedBy("s = 'foo' AND s <> 'not_foo'")).isTrue();
        assertThat(with("s", "foo").isSelectedBy("s = 'FOO'")).as("case-sensitive").isFalse();
        assertThat(with("b", true).and("c", true).isSelectedBy("b = TRUE AND c <> FALSE")).isTrue();
        assertThat(with("s", "x").and("t", "x").isSelectedBy("s = t")).isTrue();
        assertThat(with("s", "x").and("t", "y").isSelectedBy("s <> t")).isTrue();
    }

    @Test
    void orderingTwoStringPropertiesIsFalseBecauseTheSpecificationAllowsOnlyEquality() {
        TestMessage message = with("s", "a").and("t", "b");

        assertThat(message.isSelectedBy("s < t")).isFalse();
        assertThat(message.isSelectedBy("s >= t")).isFalse();
        assertThat(with("b", true).and("c", false).isSelectedBy("b > c")).isFalse();
    }

    @Test
    void conditionsCanBeComparedAsBooleans() {
        assertThat(with("a", 2).isSelectedBy("(a > 1) = TRUE")).isTrue();
        assertThat(with("a", 2).and("b", 0).isSelectedBy("(a > 1) <> (b > 1)")).isTrue();
        assertThat(empty().isSelectedBy("(a > 1) = FALSE")).isFalse();
    }

    @Test
    void arithmeticOperatorsComputeAsInJava() {
        TestMessage message = with("a", 5).and("b", -10);

        assertThat(message.isSelectedBy("-a < 0 AND +b < 0")).isTrue();
        assertThat(message.isSelectedBy("a * 2 = 10 AND b / 2 = -5")).isTrue();
        assertThat(message.isSelectedBy("a + 5 = 10 AND b - 5 = -15")).isTrue();
        assertThat(message.isSelectedBy("7 / 2 = 3 AND -7 / 2 = -3")).as("integer division truncates").isTrue();
        assertThat(message.isSelectedBy("7.0 / 2 = 3.5")).isTrue();
        assertThat(message.isSelectedBy("- -a = 5 AND -(-(a)) = 5 AND - + - a = 5")).isTrue();
    }

    @Test
    void betweenIncludesBothBounds() {
        TestMessage message = with("a", 7).and("b", -1).and("c", 2);

        assertThat(message.isSelectedBy("a BETWEEN 5 AND 10 AND b BETWEEN -1 AND 1 AND c BETWEEN 0 AND 2")).isTrue();
        assertThat(message.isSelectedBy("a NOT BETWEEN 5 AND 10 OR b NOT BETWEEN -1 AND 1 OR c NOT BETWEEN 0 AND 2"))
            .isFalse();
        assertThat(with("x", -5).isSelectedBy("x NOT BETWEEN -4 AND 5")).isTrue();
        assertThat(with("x", 5).isSelectedBy("x NOT BETWEEN -5 AND 4")).isTrue();
        assertThat(with("x", 5).isSelectedBy("x BETWEEN 6 AND 4")).as("an empty range").isFalse();
    }

    @Test
    void betweenBoundsCanBeExpressions() {
        TestMessage message = with("x", 15).and("low", 10).and("width", 5);

        assertThat(message.isSelectedBy("x BETWEEN low AND low + width")).isTrue();
        assertThat(message.isSelectedBy("x * 2 BETWEEN low * 3 AND 30.0")).isTrue();
        assertThat(message.isSelectedBy("x BETWEEN low + 1 AND low + width - 1")).isFalse();
    }

    @Test
    void inMatchesAnyListedStringExactly() {
        String selector = "Country IN ('UK', 'US', 'France')";

        assertThat(with("Country", "UK").isSelectedBy(selector)).isTrue();
        assertThat(with("Country", "France").isSelectedBy(selector)).isTrue();
        assertThat(with("Country", "Peru").isSelectedBy(selector)).isFalse();
        assertThat(with("Country", "uk").isSelectedBy(selector)).isFalse();
        assertThat(with("Country", "UK").isSelectedBy("Country NOT IN ('UK', 'US', 'France')")).isFalse();
        assertThat(with("Country", "Peru").isSelectedBy("Country NOT IN ('UK', 'US', 'France')")).isTrue();
        assertThat(with("Country", "UK").isSelectedBy("Country IN ('UK')")).isTrue();
        assertThat(with("Country", "it's").isSelectedBy("Country IN ('it''s', 'UK', 'UK')")).isTrue();
    }
}
