package dev.e2ee.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Issue 7 (10): no oracle. Every way an envelope can be rejected, and every wrong secret, answers with the same
 * status and the same problem body; only {@code requestId} and {@code instance} may differ.
 */
@Order(20)
class NoOracleTests extends ClusterTest {

    private static Envelopes envelopes;

    @BeforeAll
    static void envelopes() {
        envelopes = new Envelopes(cluster.keys);
    }

    @Test
    void everyEnvelopeRejectionWhenOpenedThenIdenticalStatusAndBody() {
        Api.User user = api.user();
        JsonNode real = api.newEnvelope(user, Sensitive.promptText());
        Map<String, Object> attempts = new LinkedHashMap<>();
        for (String field : List.of("signature", "encryptedData", "encryptedKey", "iv", "authTag")) {
            attempts.put("flipped " + field, Envelopes.flip(real, field, 3));
        }
        attempts.put(
                "other promptId",
                Envelopes.with(real, "promptId", UUID.randomUUID().toString()));
        attempts.put("other id", Envelopes.with(real, "id", UUID.randomUUID().toString()));
        attempts.put("changed expiresAt", Envelopes.with(real, "expiresAt", "2099-01-01T00:00:00.000Z"));
        attempts.put("changed createdAt", Envelopes.with(real, "createdAt", "2020-01-01T00:00:00.000Z"));
        attempts.put("unknown receiver kid", Envelopes.with(real, "receiverPublicKeyId", "unknownKid123"));
        attempts.put("unknown sender kid", Envelopes.with(real, "senderPrivateKeyId", "unknownKid123"));
        attempts.put("algorithm AES-128-GCM", Envelopes.with(real, "algorithm", "AES-128-GCM"));
        attempts.put("keyAlgorithm RSA-OAEP", Envelopes.with(real, "keyAlgorithm", "RSA-OAEP"));
        attempts.put("missing signature", Envelopes.without(real, "signature"));
        attempts.put("bad base64", Envelopes.with(real, "iv", "!!!!"));
        attempts.put("version 1", ((ObjectNode) real).deepCopy().put("version", 1));
        attempts.put("not an object", "just a string");
        attempts.put("empty object", Map.of());
        attempts.put("untrusted signer", Http.JSON.readTree(envelopes.sealedByStranger(Sensitive.promptText())));
        attempts.put(
                "untrusted signer claiming the vault kid",
                Http.JSON.readTree(envelopes.strangerClaimingVaultKid(Sensitive.promptText())));
        attempts.put(
                "expired",
                Http.JSON.readTree(
                        envelopes.sealedAt(Duration.ofHours(-3), Duration.ofHours(1), Sensitive.promptText())));
        attempts.put(
                "not yet valid",
                Http.JSON.readTree(envelopes.sealedAt(Duration.ofHours(2), null, Sensitive.promptText())));
        attempts.put(
                "too old without expiry",
                Http.JSON.readTree(envelopes.sealedAt(Duration.ofHours(-3), null, Sensitive.promptText())));

        List<String> shapes = new ArrayList<>();
        for (Map.Entry<String, Object> attempt : attempts.entrySet()) {
            int instance = shapes.size() % 2; // both prompt-response instances
            Http.Response response = api.decrypt(instance, user, attempt.getValue());
            assertThat(response.status()).as(attempt.getKey() + ": " + response).isEqualTo(400);
            assertThat(response.header("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(response.json().path("code").asString()).isEqualTo("ENVELOPE_REJECTED");
            shapes.add(attempt.getKey() + " -> " + shape(response));
        }
        String expected = shape(api.decrypt(0, user, Envelopes.flip(real, "signature", 0)));
        assertThat(shapes).allSatisfy(shape -> assertThat(shape).endsWith(" -> " + expected));
        assertThat(api.decrypt(1, user, real).status())
                .as("the untampered envelope still opens after all those attempts")
                .isEqualTo(200);
    }

    @Test
    void wrongSecretWhenOwnerStrangerOrMissingPromptThenIdenticalStatusAndBody() {
        Api.User owner = api.user();
        Api.User stranger = api.user();
        UUID promptId = api.newPrompt(owner, Sensitive.promptText(), Sensitive.secret());
        UUID otherPrompt = api.newPrompt(stranger, Sensitive.promptText(), Sensitive.secret());

        List<Http.Response> responses = List.of(
                api.createEnvelope(owner, promptId, Sensitive.secret()),
                api.createEnvelope(stranger, promptId, Sensitive.secret()),
                api.createEnvelope(owner, otherPrompt, Sensitive.secret()),
                api.createEnvelope(owner, UUID.randomUUID(), Sensitive.secret()),
                api.createEnvelope(stranger, UUID.randomUUID(), Sensitive.secret()));

        assertThat(responses)
                .allSatisfy(response ->
                        assertThat(response.status()).as(response.toString()).isEqualTo(403));
        String expected = shape(responses.get(0));
        assertThat(responses).allSatisfy(response -> assertThat(shape(response)).isEqualTo(expected));
    }

    /** The body without the fields allowed to differ, plus the content type. */
    static String shape(Http.Response response) {
        JsonNode body = response.json();
        if (body instanceof ObjectNode object) {
            ObjectNode copy = object.deepCopy();
            copy.remove("requestId");
            copy.remove("instance");
            body = copy;
        }
        return response.status() + " " + response.header("Content-Type").orElse("") + " " + body;
    }
}
