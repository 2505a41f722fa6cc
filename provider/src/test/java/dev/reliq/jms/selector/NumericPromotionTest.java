package dev.reliq.jms.selector;

import static dev.reliq.jms.selector.TestMessage.with;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Numbers compare and compute with Java's numeric promotion, as section 3.8.1.1 requires. */
class NumericPromotionTest {

    @Test
    void everyIntegralPropertyTypeComparesWithALongLiteral() {
        assertThat(with("n", (byte) 5).isSelectedBy("n = 5")).isTrue();
        assertThat(with("n", (short) 5).isSelectedBy("n = 5")).isTrue();
        assertThat(with("n", 5).isSelectedBy("n = 5")).isTrue();
        assertThat(with("n", 5L).isSelectedBy("n = 5")).isTrue();
        assertThat(with("n", Long.MAX_VALUE).isSelectedBy("n = 9223372036854775807")).isTrue();
        assertThat(with("n", Long.MAX_VALUE).isSelectedBy("n = 9223372036854775806")).isFalse();
    }

    @Test
    void exactAndApproximateNumbersCompareNumerically() {
        assertThat(with("i", 0).and("d", 1.5).isSelectedBy("i < d")).isTrue();
        assertThat(with("n", 7000).isSelectedBy("n = 7E3")).isTrue();
        assertThat(with("x", 2.0).isSelectedBy("x = 2")).isTrue();
        assertThat(with("x", 2.5f).isSelectedBy("x > 2 AND x < 3 AND x = 2.5")).isTrue();
        assertThat(with("x", 7000.0).isSelectedBy("x = 7000.")).isTrue();
    }

    @Test
    void mixedPropertyTypesCompareAsTheTckExpects() {
        TestMessage message = with("myProp0", "foo").and("myProp1", 1).and("myProp2", 2.0f).and("myProp3", 3)
            .and("myProp4", 4.0).and("myProp5", 5).and("myProp6", 6).and("myProp7", 0f);

        assertThat(message.isSelectedBy("myProp0 = 'foo' AND myProp1 > 0 AND myProp2 >= 2 AND myProp3 >= 2 AND "
            + "myProp4 < 5 AND myProp5 <= 6 AND myProp6 <= 6 AND myProp7 <> 7")).isTrue();
    }

    @Test
    void arithmeticPrecedenceIsMultiplicationBeforeAddition() {
        TestMessage message = with("a", 1f).and("b", 2f).and("c", 3f).and("d", 4f).and("e", 4f);

        assertThat(message.isSelectedBy("a+b*c-d/e = 6")).isTrue();
        assertThat(message.isSelectedBy("(a+b)*c = 9")).isTrue();
        assertThat(with("a", 5).and("b", 5).isSelectedBy("- a + b = 0")).isTrue();
        assertThat(with("a", 5).isSelectedBy("-a * -2 = 10 AND 20 - 10 - 5 = a AND 100 / 10 / 2 = a")).isTrue();
    }

    @Test
    void twoIntPropertiesComputeAsIntAndWrapAroundAsInJava() {
        TestMessage message = with("a", Integer.MAX_VALUE).and("b", 1);

        assertThat(message.isSelectedBy("a + b < 0")).isTrue();
        assertThat(message.isSelectedBy("a + 1 > 0")).as("a literal is a long, so this is long arithmetic").isTrue();
        assertThat(with("i", Integer.MIN_VALUE).isSelectedBy("-i = i")).isTrue();
    }

    @Test
    void byteAndShortWidenToIntBeforeArithmetic() {
        assertThat(with("b", (byte) 100).and("c", (byte) 100).isSelectedBy("b + c = 200")).isTrue();
        assertThat(with("s", (short) 30000).and("t", (short) 30000).isSelectedBy("s + t = 60000")).isTrue();
        assertThat(with("b", (byte) -128).isSelectedBy("-b = 128")).isTrue();
    }

    @Test
    void longArithmeticWrapsAround() {
        assertThat(with("n", Long.MAX_VALUE).isSelectedBy("n + 1 < 0")).isTrue();
        assertThat(with("n", Long.MAX_VALUE).isSelectedBy("n + 1 = -9223372036854775808")).isTrue();
    }

    @Test
    void floatPropertiesComputeAsFloat() {
        // 16777217 is the first int a float cannot hold
        assertThat(with("f", 16777216f).and("g", 1f).isSelectedBy("f + g = 16777216")).isTrue();
        assertThat(with("f", 16777216f).isSelectedBy("f + 1.0 = 16777217")).as("double arithmetic").isTrue();
    }

    @Test
    void longComparedWithAFloatBecomesAFloatAsInJava() {
        TestMessage message = with("n", 16_777_217L);

        assertThat(message.isSelectedBy("n = 16777216.0f")).isTrue();
        assertThat(message.isSelectedBy("n = 16777216.0")).isFalse();
    }

    @Test
    void integerDivisionByZeroIsUnknown() {
        TestMessage message = with("n", 10).and("zero", 0);

        assertThat(ThreeValuedLogicTest.truthOf("n / 0 = 1", message)).isEqualTo("UNKNOWN");
        assertThat(ThreeValuedLogicTest.truthOf("n / zero > 0", message)).isEqualTo("UNKNOWN");
        assertThat(ThreeValuedLogicTest.truthOf("n / zero > 0 OR TRUE", message)).isEqualTo("TRUE");
        assertThat(ThreeValuedLogicTest.truthOf("5L / 0 = 0", message)).isEqualTo("UNKNOWN");
    }

    @Test
    void floatingDivisionByZeroIsInfinityOrNotANumberAsInJava() {
        TestMessage message = with("x", 1.0).and("zero", 0.0);

        assertThat(message.isSelectedBy("x / 0 > 1E308")).isTrue();
        assertThat(message.isSelectedBy("-x / 0 < -1E308")).isTrue();
        assertThat(message.isSelectedBy("x / zero = x / zero")).isTrue();
        assertThat(message.isSelectedBy("zero / zero = zero / zero")).as("NaN equals nothing").isFalse();
        assertThat(message.isSelectedBy("zero / zero <> zero / zero")).isTrue();
        assertThat(message.isSelectedBy("zero / zero BETWEEN 0 AND 1")).isFalse();
        assertThat(message.isSelectedBy("zero / 0 < 1 OR zero / 0 >= 1")).isFalse();
        assertThat(with("n", 1).isSelectedBy("n / 0.0 > 1000")).as("int promoted to double").isTrue();
    }
}
