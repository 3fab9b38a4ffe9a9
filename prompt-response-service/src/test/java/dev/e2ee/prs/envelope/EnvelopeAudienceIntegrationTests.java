package dev.e2ee.prs.envelope;

import static org.assertj.core.api.Assertions.assertThat;

import dev.e2ee.crypto.envelope.Envelope;
import dev.e2ee.platform.security.Role;
import dev.e2ee.prs.IntegrationTestBase;
import dev.e2ee.prs.TestKeys;
import java.net.http.HttpResponse;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Audience and lifetime at the receiver (docs/envelope-format.md#audience-and-lifetime): an envelope with an audience opens only for that principal (issue 14.4). */
class EnvelopeAudienceIntegrationTests extends IntegrationTestBase {

    private final TestKeys keys = TestKeys.get();

    private HttpResponse<String> decrypt(String envelopeJson, String token) {
        return post("/api/v1/envelopes/decrypt", token, "{\"envelope\":" + envelopeJson + "}");
    }

    @Test
    void decryptWhenAnotherPrincipalPresentsTheEnvelopeThenSameAnswerAsUnverifiableAndNotConsumed() {
        Envelope alices = keys.sealFor("alice", "alice's secret plan");
        String json = TestKeys.json(alices);
        String tail = auditStreamTail();
        double audienceBefore = rejectedEnvelopes("audience");

        HttpResponse<String> bob = decrypt(json, userToken("bob"));
        HttpResponse<String> admin = decrypt(json, token("root", Role.ADMIN));
        HttpResponse<String> bobProcesses =
                post("/api/v1/prompts/process", userToken("bob"), "{\"envelope\":" + json + "}");
        HttpResponse<String> forged = decrypt(withFlippedSignature(json), userToken("bob"));

        assertThat(bob.statusCode()).isEqualTo(400);
        assertThat(admin.statusCode()).isEqualTo(400);
        assertThat(bobProcesses.statusCode()).isEqualTo(400);
        assertThat(shape(json(bob)))
                .isEqualTo(shape(json(forged)))
                .isEqualTo(shape(json(admin)))
                .isEqualTo(shape(json(bobProcesses)));
        assertThat(bob.body()).doesNotContain("secret plan").doesNotContain("alice");
        assertThat(redis.hasKey(ReplayGuard.PREFIX + alices.id())).isFalse();
        assertThat(rejectedEnvelopes("audience"))
                .as("bob, the admin and bob's process call; the forged one counts as signature")
                .isEqualTo(audienceBefore + 3);
        assertThat(auditEventsSince(tail))
                .filteredOn(e -> "WRONG_AUDIENCE".equals(e.path("reason").asString()))
                .extracting(e -> e.path("principal").asString())
                .containsOnly("bob", "root");

        HttpResponse<String> alice = decrypt(json, userToken("alice"));

        assertThat(alice.statusCode()).isEqualTo(200);
        assertThat(json(alice).at("/prompt/promptText").asString()).isEqualTo("alice's secret plan");
        assertThat(decrypt(json, userToken("bob")).statusCode()).isEqualTo(400);
        assertThat(decrypt(json, userToken("alice")).statusCode()).isEqualTo(409);
    }

    @Test
    void decryptWhenEnvelopeHasNoAudienceThenAnyPrincipalMayOpenItByDefault() {
        HttpResponse<String> response = decrypt(TestKeys.json(keys.seal("third-party sealer")), userToken("carol"));

        assertThat(response.statusCode()).isEqualTo(200);
    }

    private static String withFlippedSignature(String json) {
        ObjectNode node = (ObjectNode) JSON.readTree(json);
        byte[] signature = Base64.getDecoder().decode(node.path("signature").asString());
        signature[signature.length / 2] ^= 0x01;
        node.put("signature", Base64.getEncoder().encodeToString(signature));
        return node.toString();
    }

    private static JsonNode shape(JsonNode problem) {
        ObjectNode copy = ((ObjectNode) problem).deepCopy();
        copy.remove("requestId");
        copy.remove("instance");
        return copy;
    }
}
