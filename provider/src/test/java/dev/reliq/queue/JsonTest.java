package dev.reliq.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void writtenObjectsReadBackUnchanged() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("plain", "value");
        fields.put("quotes", "say \"hi\"\\ now");
        fields.put("control", "line\nbreak\ttab\u0001");
        fields.put("unicode", "ordre réglé ✓");
        assertThat(Json.readFlatObject(Json.write(fields))).isEqualTo(fields);
    }

    @Test
    void numbersKeepTheirTextAndNullIsAbsent() {
        assertThat(Json.readFlatObject("{ \"a\": 1763810000123, \"b\": null, \"c\": \"x\\u0041\" }"))
            .containsExactly(Map.entry("a", "1763810000123"), Map.entry("c", "xA"));
        assertThat(Json.readFlatObject("{}")).isEmpty();
    }

    @Test
    void malformedTextIsRefused() {
        assertThatThrownBy(() -> Json.readFlatObject("not json")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Json.readFlatObject("{\"a\": 1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Json.readFlatObject("{\"a\": [1]}")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anUnreadableDeadLetterRecordStillYieldsAnInfo() {
        DeadLetterInfo info = DeadLetterInfo.fromJson("{broken");
        assertThat(info.reason()).isEqualTo(DeadLetterInfo.CORRUPT);
        assertThat(info.detail()).contains("{broken");
    }
}
