package dev.e2ee.prs.processing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ResponseFormatTests {

    @Test
    void chooseWhenOptionGivenThenOptionWinsOverAccept() {
        assertThat(ResponseFormat.choose("xml", "application/json")).isEqualTo(ResponseFormat.XML);
        assertThat(ResponseFormat.choose("text", "application/xml")).isEqualTo(ResponseFormat.TEXT);
        assertThat(ResponseFormat.choose("json", "application/xml")).isEqualTo(ResponseFormat.JSON);
    }

    @Test
    void chooseWhenOnlyAcceptGivenThenNegotiatedWithJsonAsDefault() {
        assertThat(ResponseFormat.choose(null, null)).isEqualTo(ResponseFormat.JSON);
        assertThat(ResponseFormat.choose(null, "*/*")).isEqualTo(ResponseFormat.JSON);
        assertThat(ResponseFormat.choose(null, "application/xml")).isEqualTo(ResponseFormat.XML);
        assertThat(ResponseFormat.choose(null, "text/xml")).isEqualTo(ResponseFormat.XML);
        assertThat(ResponseFormat.choose(null, "text/plain")).isEqualTo(ResponseFormat.TEXT);
        assertThat(ResponseFormat.choose(null, "application/json;q=0.5, application/xml"))
                .isEqualTo(ResponseFormat.XML);
        assertThat(ResponseFormat.choose(null, "application/xml;q=0.1, application/json"))
                .isEqualTo(ResponseFormat.JSON);
        assertThat(ResponseFormat.choose(null, "not a media type")).isEqualTo(ResponseFormat.JSON);
    }
}
