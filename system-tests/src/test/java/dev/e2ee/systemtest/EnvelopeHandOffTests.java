package dev.e2ee.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The vault → client → prompt-response hand-off exactly as docs/architecture.md describes it. */
@Order(25)
class EnvelopeHandOffTests extends ClusterTest {

    @Test
    void vaultEnvelopeWireFieldsWhenOpenedThenPromptComesOutOnce() {
        Api.User user = api.user();
        String text = Sensitive.promptText();
        JsonNode envelope = api.newEnvelope(user, text);
        Http.Response opened = api.decrypt(0, user, envelope);
        assertThat(opened.status()).as(opened.toString()).isEqualTo(200);
        assertThat(opened.json().path("prompt").path("promptText").asString()).isEqualTo(text);
        assertThat(opened.json().path("decryption").path("signatureVerified").asBoolean())
                .isTrue();
        assertThat(opened.header("Cache-Control").orElse("")).contains("no-store");
    }

    @Test
    void vaultEnvelopeResponseWhenPassedVerbatimThenOpens() {
        Api.User user = api.user();
        String secret = Sensitive.secret();
        UUID promptId = api.newPrompt(user, Sensitive.promptText(), secret);
        Http.Response created = api.createEnvelope(user, promptId, secret);
        assertThat(created.json().path("status").asString()).isEqualTo("pending");
        Http.Response opened = api.decrypt(1, user, created.json());
        assertThat(opened.status()).as(opened.toString()).isEqualTo(200);
    }
}
