package dev.reliq.jms.selector;

import static dev.reliq.jms.selector.TestMessage.with;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LikeTest {

    private static boolean like(String value, String patternAndEscape) {
        return with("v", value).isSelectedBy("v LIKE " + patternAndEscape);
    }

    private static boolean notLike(String value, String patternAndEscape) {
        return with("v", value).isSelectedBy("v NOT LIKE " + patternAndEscape);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        // the specification's examples
        "123      | '12%3'                | true",
        "12993    | '12%3'                | true",
        "1234     | '12%3'                | false",
        "lose     | 'l_se'                | true",
        "loose    | 'l_se'                | false",
        "_foo     | '\\_%' ESCAPE '\\'    | true",
        "bar      | '\\_%' ESCAPE '\\'    | false",
        // the whole value must match
        "abc      | 'b'                   | false",
        "abc      | 'ab'                  | false",
        "abc      | 'bc'                  | false",
        "abc      | 'abc'                 | true",
        "abc      | 'ABC'                 | false",
        // % is any sequence, the empty one too
        "a        | 'a%'                  | true",
        "\"\"       | '%'                   | true",
        "anything | '%'                   | true",
        "anything | '%%%'                 | true",
        "ab       | 'a%%b'                | true",
        // _ is exactly one character
        "\"\"       | '_'                   | false",
        "ab       | '_'                   | false",
        "ab       | '__'                  | true",
        "ab       | '_%_'                 | true",
        "a        | '_%_'                 | false",
        // a later mismatch sends % back to try a longer match
        "xaxxb    | '%a%b'                | true",
        "ba       | '%a%b'                | false",
        "aab      | '%ab'                 | true",
        "aaa      | 'a%a%a'               | true",
        "aa       | 'a%a%a'               | false",
        "abcabd   | '%abd'                | true",
        "mississippi | 'm%iss%ppi'        | true",
        "mississippi | 'm%iss%ssi'        | false",
    })
    void wildcardsAndWholeValueMatching(String value, String pattern, boolean expected) {
        assertThat(like(value, pattern)).as("'%s' LIKE %s", value, pattern).isEqualTo(expected);
        assertThat(notLike(value, pattern)).as("'%s' NOT LIKE %s", value, pattern).isEqualTo(!expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a.b*c", "a+b?c", "[abc]", "(x|y)", "^start$", "\\d+", "x{2}", "$1", "\\Q\\E", ".*"})
    void regularExpressionCharactersStandForThemselves(String pattern) {
        String literal = "'" + pattern + "'";

        assertThat(like(pattern, literal)).as(pattern).isTrue();
        assertThat(like(pattern + "x", literal)).as(pattern).isFalse();
        assertThat(like("x" + pattern, literal)).as(pattern).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"aXbc", "abbbc", "a.bc", "a.bbc", "ab*c"})
    void dotAndStarMatchOnlyThemselves(String value) {
        assertThat(like(value, "'a.b*c'")).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "_foo%foo | 'A_fo_A%f%' ESCAPE 'A'   | true",
        "_foo%    | 'A%fooA_' ESCAPE 'A'     | false",
        "%foo_    | 'A%fooA_' ESCAPE 'A'     | true",
        "_a%b     | '\\__\\%%' ESCAPE '\\'   | true",
        "xa%b     | '\\__\\%%' ESCAPE '\\'   | false",
        "foo_test | 'fooG_%' escape 'G'      | true",
        "foo-test | 'fooG_%' escape 'G'      | false",
        "_A       | 'A_A_' ESCAPE 'A'        | false",
        "__       | 'A_A_' ESCAPE 'A'        | true",
        "a!b      | 'a!!b' ESCAPE '!'        | true",
        "a!!b     | 'a!!b' ESCAPE '!'        | false",
        "100%     | '100!%' ESCAPE '!'       | true",
        "1000     | '100!%' ESCAPE '!'       | false",
        "%a       | '%%a' ESCAPE '%'         | true",
        "xa       | '%%a' ESCAPE '%'         | false",
        "a.b      | 'a..b' ESCAPE '.'        | true",
        "a..b     | 'a..b' ESCAPE '.'        | false",
        "a.%      | 'a...%' ESCAPE '.'       | true",
        "it's     | 'it''_' ESCAPE ''''      | false",
        "it_      | 'it''_' ESCAPE ''''      | true",
    })
    void escapeCharacterMakesWildcardsAndItselfLiteral(String value, String patternAndEscape, boolean expected) {
        assertThat(like(value, patternAndEscape)).as("'%s' LIKE %s", value, patternAndEscape).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "😀       | '_'    | true",
        "a😀b     | 'a_b'  | true",
        "a😀b     | 'a__b' | false",
        "x😀      | '%😀'  | true",
        "Grüße    | 'Gr_ße'| true",
    })
    void underscoreMatchesOneUnicodeCharacterEvenOutsideTheBasicPlane(String value, String pattern, boolean expected) {
        assertThat(like(value, pattern)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\nb", "a\r\nb", "a\u2028b"})
    void percentMatchesLineBreaks(String value) {
        assertThat(like(value, "'a%b'")).isTrue();
        assertThat(like(value.replace("\r\n", "\n"), "'a_b'")).isTrue();
    }
}
