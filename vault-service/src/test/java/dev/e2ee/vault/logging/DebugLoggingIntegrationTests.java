package dev.e2ee.vault.logging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.e2ee.vault.VaultIntegrationTest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.TestPropertySource;

/** Issue 14.10: with {@code LOG_LEVEL=DEBUG} the vault logs no prompt text, secret, token or envelope ciphertext. */
@TestPropertySource(properties = "LOG_LEVEL=DEBUG")
@ExtendWith(OutputCaptureExtension.class)
class DebugLoggingIntegrationTests extends VaultIntegrationTest {

    @Test
    void promptsWhenCreatedReadAndSealedAtDebugThenNoConfidentialValueIsLogged(CapturedOutput output) {
        String text = "Mk" + UUID.randomUUID().toString().replace("-", "");
        String secret = "Sk" + UUID.randomUUID().toString().replace("-", "");
        String token = userToken();

        String id = createPrompt(token, text, secret);
        assertThat(get("/api/v1/prompts/" + id, token).statusCode()).isEqualTo(200);
        HttpResponse<String> envelope = post("/api/v1/envelopes", token, Map.of("promptId", id, "secret", secret));
        assertThat(envelope.statusCode()).isEqualTo(201);
        post("/api/v1/envelopes", token, Map.of("promptId", id, "secret", secret + "x"));

        assertThat(output.getAll())
                .contains("DEBUG")
                .doesNotContain(text)
                .doesNotContain(secret)
                .doesNotContain(token)
                .doesNotContain((String) body(envelope).get("encryptedData"));
    }
}
