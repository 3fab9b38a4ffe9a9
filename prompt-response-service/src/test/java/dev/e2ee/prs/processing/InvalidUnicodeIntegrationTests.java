package dev.e2ee.prs.processing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.e2ee.prs.IntegrationTestBase;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Issue 14.12: JSON strings must be valid Unicode (I-JSON, RFC 7493): 400, nothing processed or stored. */
class InvalidUnicodeIntegrationTests extends IntegrationTestBase {

    @ParameterizedTest
    @ValueSource(strings = {"\\ud800 lone high", "lone low \\udc00", "reversed \\udc00\\ud800", "nonchar \\ufdd0"})
    void processWhenPromptTextIsNotValidUnicodeThen400AndNoTurnStored(String text) {
        String alice = userToken("alice");
        String session = json(post("/api/v1/sessions", alice, "")).path("id").asString();

        HttpResponse<String> response = post(
                "/api/v1/prompts/process",
                alice,
                "{\"promptText\":\"" + text + "\",\"sessionId\":\"" + session + "\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(json(get("/api/v1/sessions/" + session, alice)).path("turns").asInt())
                .isZero();
    }

    @Test
    void processWhenOptionOrMetadataStringIsNotValidUnicodeThen400() {
        String alice = userToken("alice");

        HttpResponse<String> model =
                post("/api/v1/prompts/process", alice, "{\"promptText\":\"ok\",\"options\":{\"model\":\"\\ud800\"}}");
        HttpResponse<String> decrypt = post("/api/v1/envelopes/decrypt", alice, "{\"envelope\":{\"id\":\"\\udbff\"}}");

        assertThat(model.statusCode()).isEqualTo(400);
        assertThat(decrypt.statusCode()).isEqualTo(400);
    }

    @Test
    void processWhenSurrogatesArePairedThenProcessedVerbatim() {
        HttpResponse<String> response =
                post("/api/v1/prompts/process", userToken("alice"), "{\"promptText\":\"emoji \\ud83d\\ude00\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).at("/response/result").asString()).isEqualTo("Processed: emoji 😀");
    }
}
