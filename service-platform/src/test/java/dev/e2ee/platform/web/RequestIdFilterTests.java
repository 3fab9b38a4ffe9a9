package dev.e2ee.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class RequestIdFilterTests {

    @ParameterizedTest
    @ValueSource(strings = {"a", "abc-DEF_1.2", "0123456789abcdef0123456789abcdef"})
    void safeIdWhenGivenThenKept(String id) {
        assertThat(RequestIdFilter.requestIdOf(id)).isEqualTo(id);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"has space", "semi;colon", "line\nbreak", "ünïcode", "{braces}"})
    void unsafeIdWhenGivenThenReplacedByUuid(String id) {
        assertThat(RequestIdFilter.requestIdOf(id))
                .matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    }

    @org.junit.jupiter.api.Test
    void idOf128CharsThenKeptAnd129Replaced() {
        assertThat(RequestIdFilter.requestIdOf("a".repeat(128))).hasSize(128);
        assertThat(RequestIdFilter.requestIdOf("a".repeat(129))).hasSize(36);
    }
}
