package dev.reliq.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {

    @ParameterizedTest
    @CsvSource({
        "500ms, PT0.5S",
        "30s, PT30S",
        "5m, PT5M",
        "2h, PT2H",
        "1d, PT24H",
        "1500, PT1.5S",
        "0, PT0S",
        "0s, PT0S",
        "007s, PT7S",
    })
    void readsEveryUnitAndPlainMilliseconds(String text, Duration expected) {
        assertThat(Durations.parse("visibilityTimeout", text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "-5s", "-1", "5 s", " 5s", "5S", "5sec", "1.5s", "s", "+5s", "5ms5", "1w", "0x10"})
    void rejectsGarbageNamingTheOptionAndTheAcceptedForms(String text) {
        assertThatThrownBy(() -> Durations.parse("visibilityTimeout", text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("visibilityTimeout='" + text + "'")
                .hasMessageContaining("500ms, 30s, 5m, 2h, 1d")
                .hasMessageContaining("plain milliseconds");
    }

    @Test
    void saysWhyANegativeDurationIsRejected() {
        assertThatThrownBy(() -> Durations.parse("poolMaxWait", "-5s"))
                .hasMessageContaining("negative");
    }

    @Test
    void saysWhichUnitItDoesNotKnow() {
        assertThatThrownBy(() -> Durations.parse("poolMaxWait", "3w"))
                .hasMessageContaining("'w' is not a unit");
    }

    @Test
    void rejectsEmptyAndMissingValues() {
        assertThatThrownBy(() -> Durations.parse("socketTimeout", ""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("socketTimeout=''")
                .hasMessageContaining("empty");
        assertThatThrownBy(() -> Durations.parse("socketTimeout", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("socketTimeout=null");
    }

    @Test
    void rejectsDurationsTooLargeToRepresent() {
        assertThatThrownBy(() -> Durations.parse("ttl", "99999999999999999999"))
                .hasMessageContaining("too large");
        assertThatThrownBy(() -> Durations.parse("ttl", "999999999999999999d"))
                .hasMessageContaining("too large");
    }

    @ParameterizedTest
    @CsvSource({
        "PT30S, 30s",
        "PT1.5S, 1500ms",
        "PT0.001S, 1ms",
        "PT5M, 5m",
        "PT90S, 90s",
        "PT2H, 2h",
        "PT48H, 2d",
        "PT25H, 25h",
        "PT0S, 0s",
    })
    void formatsInTheShortestExactForm(Duration duration, String expected) {
        assertThat(Durations.format(duration)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1ms", "999ms", "1s", "61s", "59m", "3h", "7d", "86401s"})
    void formatReadsBackToTheSameDuration(String text) {
        Duration duration = Durations.parse("x", text);
        assertThat(Durations.parse("x", Durations.format(duration))).isEqualTo(duration);
    }

    @Test
    void formatRefusesWhatTheTextFormsCannotExpress() {
        assertThatThrownBy(() -> Durations.format(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("negative");
        assertThatThrownBy(() -> Durations.format(Duration.ofNanos(1_500_000)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("fraction of a millisecond");
    }
}
