package dev.e2ee.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

class UnicodeStrictJsonTests {

    private final JsonMapper mapper =
            JsonMapper.builder().addModule(UnicodeStrictJson.module()).build();

    record Body(String text, Map<String, Object> metadata, List<String> tags) {}

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"text\":\"\\ud800\"}",
                "{\"text\":\"a\\udc00b\"}",
                "{\"text\":\"\\ud800\\ud800\\udc00\"}",
                "{\"text\":\"\\ufffe\"}",
                "{\"text\":\"\\ud83f\\udfff\"}",
                "{\"metadata\":{\"k\":\"\\ud800\"}}",
                "{\"metadata\":{\"\\ud800\":1}}",
                "{\"metadata\":{\"k\":{\"n\":[\"\\udc00\"]}}}",
                "{\"tags\":[\"ok\",\"\\ud800\"]}"
            })
    void readWhenAnyStringHoldsALoneSurrogateOrNoncharacterThenRefused(String json) {
        assertThatThrownBy(() -> mapper.readValue(json, Body.class)).hasMessageContaining("invalid Unicode");
    }

    @Test
    void readWhenSurrogatesArePairedThenKeptVerbatim() {
        Body body = mapper.readValue(
                "{\"text\":\"\\ud83d\\ude00 é\",\"metadata\":{\"😀\":\"\\ud83d\\ude00\"},\"tags\":[\"a\"]}",
                Body.class);

        assertThat(body.text()).isEqualTo("😀 é");
        assertThat(body.metadata()).containsEntry("😀", "😀");
    }
}
