package dev.e2ee.prs.logging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.e2ee.prs.IntegrationTestBase;
import dev.e2ee.prs.TestKeys;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.TestPropertySource;

/**
 * Issue 14.10: with {@code LOG_LEVEL=DEBUG} (the dev overlay) no log line carries prompt text, a response, a token or
 * envelope ciphertext. Its own context (root logger at DEBUG), real Redis.
 */
@TestPropertySource(properties = "LOG_LEVEL=DEBUG")
@ExtendWith(OutputCaptureExtension.class)
class DebugLoggingIntegrationTests extends IntegrationTestBase {

    @Test
    void promptsWhenProcessedAtDebugThenNoConfidentialValueIsLogged(CapturedOutput output) {
        String marker = "Mk" + UUID.randomUUID().toString().replace("-", "");
        String sealedMarker = "Mk" + UUID.randomUUID().toString().replace("-", "");
        String token = userToken("debug-" + UUID.randomUUID());
        String envelope = TestKeys.json(TestKeys.get()
                .seal(UUID.randomUUID(), "sealed " + sealedMarker, Instant.now().plusSeconds(600)));
        String session = json(post("/api/v1/sessions", token, "")).path("id").asString();

        assertThat(post("/api/v1/prompts/process", token, "{\"promptText\":\"plain " + marker + "\"}")
                        .statusCode())
                .isEqualTo(200);
        assertThat(post(
                                "/api/v1/prompts/process",
                                token,
                                "{\"promptText\":\"turn " + marker + "\",\"sessionId\":\"" + session + "\"}")
                        .statusCode())
                .isEqualTo(200);
        assertThat(post("/api/v1/envelopes/decrypt", token, "{\"envelope\":" + envelope + "}")
                        .statusCode())
                .isEqualTo(200);
        assertThat(post(
                                "/api/v1/prompts/process",
                                token,
                                "{\"promptText\":\"" + marker + "\",\"options\":{\"format\":\"text\"}}")
                        .statusCode())
                .isEqualTo(200);
        post("/api/v1/prompts/process", token, "{\"promptText\":\"bad \\ud800 " + marker + "\"}");

        String ciphertext = JSON.readTree(envelope).path("encryptedData").asString();
        assertThat(output.getAll())
                .as("the DEBUG log ran (sanity)")
                .contains("DEBUG")
                .doesNotContain(marker)
                .doesNotContain(sealedMarker)
                .doesNotContain(token)
                .doesNotContain(ciphertext);
    }
}
