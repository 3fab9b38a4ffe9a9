package dev.e2ee.vault.prompt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.e2ee.platform.security.Role;
import dev.e2ee.vault.VaultIntegrationTest;
import java.net.http.HttpResponse;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Issue 14.12: JSON strings must be valid Unicode (I-JSON, RFC 7493); nothing else is stored. */
class InvalidUnicodeIntegrationTests extends VaultIntegrationTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"promptText\": \"\\ud800 lone high\", \"secret\": \"s\"}",
                "{\"promptText\": \"lone low \\udc00\", \"secret\": \"s\"}",
                "{\"promptText\": \"reversed \\udc00\\ud800\", \"secret\": \"s\"}",
                "{\"promptText\": \"text\", \"secret\": \"\\ud800\"}",
                "{\"promptText\": \"text\", \"secret\": \"s\", \"metadata\": {\"k\": \"\\udfff\"}}",
                "{\"promptText\": \"text\", \"secret\": \"s\", \"metadata\": {\"\\ud800\": \"v\"}}",
                "{\"promptText\": \"text\", \"secret\": \"s\", \"metadata\": {\"k\": [\"\\ud800\"]}}",
                "{\"promptText\": \"nonchar \\uffff\", \"secret\": \"s\"}"
            })
    void createWhenAStringIsNotValidUnicodeThen400AndNothingStored(String json) {
        String subject = newSubject();

        HttpResponse<String> response = post("/api/v1/prompts", token(subject, Role.USER), json);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM prompts WHERE owner = ?", Long.class, subject))
                .isZero();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"promptText\": \"emoji \\ud83d\\ude00 pair\", \"secret\": \"s\"}",
                "{\"promptText\": \"raw 😀 and é\", \"secret\": \"s\"}"
            })
    void createWhenSurrogatesArePairedThen201AndTextRoundTrips(String json) {
        String token = userToken();

        HttpResponse<String> created = post("/api/v1/prompts", token, json);

        assertThat(created.statusCode()).isEqualTo(201);
        String id = (String) body(created).get("id");
        assertThat(body(get("/api/v1/prompts/" + id, token)).get("promptText"))
                .isEqualTo(json.contains("raw") ? "raw 😀 and é" : "emoji 😀 pair");
    }
}
