package dev.e2ee.prs.envelope;

import static org.assertj.core.api.Assertions.assertThat;

import dev.e2ee.crypto.envelope.Envelope;
import dev.e2ee.crypto.envelope.EnvelopeContent;
import dev.e2ee.crypto.envelope.Recipient;
import dev.e2ee.crypto.key.Jwk;
import dev.e2ee.platform.security.Role;
import dev.e2ee.prs.IntegrationTestBase;
import dev.e2ee.prs.TestKeys;
import java.net.http.HttpResponse;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class EnvelopeDecryptIntegrationTests extends IntegrationTestBase {

    private final TestKeys keys = TestKeys.get();

    private HttpResponse<String> decrypt(String envelopeJson, String token) {
        return post("/api/v1/envelopes/decrypt", token, "{\"envelope\":" + envelopeJson + "}");
    }

    @Test
    void decryptWhenEnvelopeSealedForThisServiceThenPlaintextAndAuditEvent() {
        String tail = auditStreamTail();
        UUID promptId = UUID.randomUUID();
        Envelope envelope = keys.seal(
                promptId, "Summarise the quarterly numbers", Instant.now().plusSeconds(600));

        HttpResponse<String> response = decrypt(TestKeys.json(envelope), userToken("alice"));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.at("/prompt/id").asString()).isEqualTo(promptId.toString());
        assertThat(body.at("/prompt/promptText").asString()).isEqualTo("Summarise the quarterly numbers");
        assertThat(body.at("/prompt/metadata/source").asString()).isEqualTo("test");
        assertThat(body.at("/decryption/envelopeId").asString())
                .isEqualTo(envelope.id().toString());
        assertThat(body.at("/decryption/signatureVerified").asBoolean()).isTrue();
        assertThat(response.headers().firstValue("Cache-Control"))
                .hasValueSatisfying(v -> assertThat(v).contains("no-store"));
        assertThat(auditEventsSince(tail)).anySatisfy(event -> {
            assertThat(event.path("type").asString()).isEqualTo("envelope.decrypt");
            assertThat(event.path("outcome").asString()).isEqualTo("success");
            assertThat(event.path("envelopeId").asString())
                    .isEqualTo(envelope.id().toString());
            assertThat(event.path("promptId").asString()).isEqualTo(promptId.toString());
            assertThat(event.path("principal").asString()).isEqualTo("alice");
            assertThat(event.path("requestId").asString()).isNotBlank();
            assertThat(event.toString()).doesNotContain("quarterly");
        });
    }

    @Test
    void decryptWhenAnyFieldIsTamperedThenIdenticalRejection() {
        Envelope envelope = keys.seal("Tamper target");
        ObjectNode original = (ObjectNode) JSON.readTree(TestKeys.json(envelope));
        String otherKid = Jwk.thumbprint((RSAPublicKey) keys.stranger.getPublic());
        Map<String, Consumer<ObjectNode>> tampering = new LinkedHashMap<>();
        tampering.put("version", n -> n.put("version", 3));
        tampering.put("id", n -> n.put("id", UUID.randomUUID().toString()));
        tampering.put("promptId", n -> n.put("promptId", UUID.randomUUID().toString()));
        tampering.put("algorithm", n -> n.put("algorithm", "AES-128-GCM"));
        tampering.put("keyAlgorithm", n -> n.put("keyAlgorithm", "RSA-OAEP"));
        tampering.put("signatureAlgorithm", n -> n.put("signatureAlgorithm", "RSA-SHA256"));
        tampering.put("receiverPublicKeyId", n -> n.put("receiverPublicKeyId", otherKid));
        tampering.put("senderPrivateKeyId", n -> n.put("senderPrivateKeyId", otherKid));
        tampering.put(
                "createdAt",
                n -> n.put("createdAt", shiftMillis(n.path("createdAt").asString())));
        tampering.put(
                "expiresAt",
                n -> n.put("expiresAt", shiftMillis(n.path("expiresAt").asString())));
        tampering.put("expiresAt=null", n -> n.putNull("expiresAt"));
        for (String field : List.of("iv", "encryptedKey", "encryptedData", "authTag", "signature")) {
            tampering.put(field, n -> n.put(field, flipBit(n.path(field).asString())));
            tampering.put(
                    field + " truncated",
                    n -> n.put(field, truncate(n.path(field).asString())));
        }
        original.propertyNames().forEach(field -> tampering.put("without " + field, n -> n.remove(field)));
        tampering.put("unknown field", n -> n.put("note", "x"));
        tampering.put("bad base64", n -> n.put("iv", "!!!!"));

        List<JsonNode> rejections = new ArrayList<>();
        tampering.forEach((name, change) -> {
            ObjectNode tampered = original.deepCopy();
            change.accept(tampered);
            HttpResponse<String> response = decrypt(tampered.toString(), userToken("mallory"));
            assertThat(response.statusCode()).as(name).isEqualTo(400);
            rejections.add(shape(json(response)));
        });
        rejections.add(shape(json(decrypt("\"not an envelope\"", userToken("mallory")))));
        rejections.add(shape(json(decrypt("{}", userToken("mallory")))));

        assertThat(rejections).allSatisfy(body -> assertThat(body).isEqualTo(rejections.get(0)));
        assertThat(rejections.get(0).path("code").asString()).isEqualTo("ENVELOPE_REJECTED");
        assertThat(decrypt(original.toString(), userToken("alice")).statusCode())
                .isEqualTo(200);
    }

    @Test
    void decryptWhenSignedByUntrustedKeyThenRejectedAndReasonOnlyInAudit() {
        String tail = auditStreamTail();
        double unknownKeyBefore = rejectedEnvelopes("unknown_key");
        Envelope envelope = TestKeys.sealer(keys.stranger, Clock.systemUTC())
                .seal(keys.recipient(), content("forged"), Instant.now().plusSeconds(600));

        HttpResponse<String> response = decrypt(TestKeys.json(envelope), userToken("mallory"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(rejectedEnvelopes("unknown_key")).isEqualTo(unknownKeyBefore + 1);
        assertThat(json(response).path("code").asString()).isEqualTo("ENVELOPE_REJECTED");
        assertThat(response.body()).doesNotContain("UNKNOWN_SENDER_KEY").doesNotContain("forged");
        assertThat(auditEventsSince(tail)).anySatisfy(event -> {
            assertThat(event.path("type").asString()).isEqualTo("envelope.decrypt_failed");
            assertThat(event.path("reason").asString()).isEqualTo("UNKNOWN_SENDER_KEY");
            assertThat(event.path("principal").asString()).isEqualTo("mallory");
            assertThat(event.has("envelopeId"))
                    .as("unverified envelope id reported")
                    .isFalse();
            assertThat(event.has("promptId"))
                    .as("unverified prompt id reported")
                    .isFalse();
        });
    }

    @Test
    void decryptWhenForgedEnvelopeCarriesAnotherUsersIdsThenAuditEventHasOnlyTheCaller() {
        Envelope alices = keys.seal("alice's envelope");
        ObjectNode forged = (ObjectNode) JSON.readTree(TestKeys.json(alices));
        forged.put("signature", flipBit(forged.path("signature").asString()));
        String tail = auditStreamTail();
        double signatureBefore = rejectedEnvelopes("signature");

        HttpResponse<String> response = decrypt(forged.toString(), userToken("mallory"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(rejectedEnvelopes("signature")).isEqualTo(signatureBefore + 1);
        assertThat(auditEventsSince(tail))
                .filteredOn(event ->
                        "envelope.decrypt_failed".equals(event.path("type").asString()))
                .singleElement()
                .satisfies(event -> {
                    assertThat(event.path("principal").asString()).isEqualTo("mallory");
                    assertThat(event.path("reason").asString()).isEqualTo("BAD_SIGNATURE");
                    assertThat(event.toString())
                            .doesNotContain(alices.id().toString())
                            .doesNotContain(alices.promptId().toString());
                });
        assertThat(decrypt(TestKeys.json(alices), userToken("alice")).statusCode())
                .isEqualTo(200);
    }

    @Test
    void decryptWhenExpiredOrTooOldThenSameRejection() {
        Clock twoHoursAgo = Clock.fixed(Instant.now().minus(Duration.ofHours(2)), ZoneOffset.UTC);
        Envelope expired = TestKeys.sealer(keys.vault, twoHoursAgo)
                .seal(keys.recipient(), content("old"), twoHoursAgo.instant().plus(Duration.ofMinutes(30)));
        Envelope tooOld = TestKeys.sealer(keys.vault, twoHoursAgo).seal(keys.recipient(), content("older"), null);
        double expiredBefore = rejectedEnvelopes("expired");

        HttpResponse<String> first = decrypt(TestKeys.json(expired), userToken("alice"));
        HttpResponse<String> second = decrypt(TestKeys.json(tooOld), userToken("alice"));

        assertThat(first.statusCode()).isEqualTo(400);
        assertThat(second.statusCode()).isEqualTo(400);
        assertThat(shape(json(first))).isEqualTo(shape(json(second)));
        assertThat(rejectedEnvelopes("expired"))
                .as("expired and too old: one reason class")
                .isEqualTo(expiredBefore + 2);
    }

    @Test
    void decryptWhenMalformedOrUndecryptableThenSameRejectionCountedByReasonClass() {
        ObjectNode badBase64 = (ObjectNode) JSON.readTree(TestKeys.json(keys.seal("malformed")));
        badBase64.put("iv", "!!!!");
        // signed by the trusted vault key for this service's key id, but the data key is wrapped for another key
        Recipient wrongWrap = new Recipient(keys.recipient().kid(), (RSAPublicKey) keys.stranger.getPublic());
        Envelope undecryptable = TestKeys.sealer(keys.vault, Clock.systemUTC())
                .seal(wrongWrap, content("cannot be opened"), Instant.now().plusSeconds(600));
        double malformedBefore = rejectedEnvelopes("malformed");
        double decryptionBefore = rejectedEnvelopes("decryption");

        HttpResponse<String> malformed = decrypt(badBase64.toString(), userToken("mallory"));
        HttpResponse<String> failed = decrypt(TestKeys.json(undecryptable), userToken("mallory"));

        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(failed.statusCode()).isEqualTo(400);
        assertThat(shape(json(malformed))).isEqualTo(shape(json(failed)));
        assertThat(failed.body()).doesNotContain("cannot be opened").doesNotContain("DECRYPTION");
        assertThat(rejectedEnvelopes("malformed")).isEqualTo(malformedBefore + 1);
        assertThat(rejectedEnvelopes("decryption")).isEqualTo(decryptionBefore + 1);
    }

    @Test
    void decryptWhenOpenedTwiceThenConflict() {
        String envelope = TestKeys.json(keys.seal("once only"));
        double replayedBefore = rejectedEnvelopes("replayed");

        assertThat(decrypt(envelope, userToken("alice")).statusCode()).isEqualTo(200);
        HttpResponse<String> replay = decrypt(envelope, userToken("alice"));

        assertThat(replay.statusCode()).isEqualTo(409);
        assertThat(rejectedEnvelopes("replayed")).isEqualTo(replayedBefore + 1);
        assertThat(json(replay).path("code").asString()).isEqualTo("ENVELOPE_ALREADY_OPENED");
        assertThat(replay.body()).doesNotContain("once only");
        assertThat(redis.getExpire(
                        ReplayGuard.PREFIX + JSON.readTree(envelope).path("id").asString()))
                .isBetween(1L, 3700L);
    }

    @Test
    void decryptWhenLegacyKeyFieldsAndVaultStatusGivenThenIgnored() {
        String envelope = TestKeys.json(keys.seal("legacy client")).replaceFirst("\\{", "{\"status\":\"pending\",");
        String body = "{\"envelope\":" + envelope
                + ",\"privateKeyId\":\"prompt_response_enc_private\",\"publicKeyId\":\"vault_sign_public\"}";

        HttpResponse<String> response = post("/api/v1/envelopes/decrypt", userToken("alice"), body);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).at("/prompt/promptText").asString()).isEqualTo("legacy client");
    }

    @Test
    void decryptWhenBadRequestOrNoRoleThenRejectedWithoutOpening() {
        String envelope = TestKeys.json(keys.seal("guarded"));

        assertThat(post("/api/v1/envelopes/decrypt", null, "{\"envelope\":" + envelope + "}")
                        .statusCode())
                .isEqualTo(401);
        assertThat(post("/api/v1/envelopes/decrypt", token("carol", Role.AUDITOR), "{\"envelope\":" + envelope + "}")
                        .statusCode())
                .isEqualTo(403);
        assertThat(post("/api/v1/envelopes/decrypt", userToken("alice"), "{\"envelope\":" + envelope + ",\"x\":1}")
                        .statusCode())
                .isEqualTo(400);
        assertThat(post("/api/v1/envelopes/decrypt", userToken("alice"), "{}").statusCode())
                .isEqualTo(400);
        assertThat(decrypt(envelope, userToken("alice")).statusCode()).isEqualTo(200);
    }

    @Test
    void metricsWhenEnvelopesOpenedThenSpecNamesExported() {
        decrypt(TestKeys.json(keys.seal("metric")), userToken("alice"));

        HttpResponse<String> metrics = get("/api/v1/metrics", null);

        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body())
                .contains("envelopes_decrypted_total{success=\"true\"")
                .contains("decryption_duration_seconds_count{algorithm=\"AES-256-GCM\"");
    }

    @Test
    void jwksWhenFetchedWithoutAuthThenReceiverKey() {
        HttpResponse<String> response = get("/api/v1/keys/jwks.json", null);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode key = json(response).path("keys").path(0);
        assertThat(key.path("kid").asString()).isEqualTo(keys.recipient().kid());
        assertThat(key.path("use").asString()).isEqualTo("enc");
        assertThat(key.has("d")).isFalse();
    }

    private static EnvelopeContent content(String text) {
        return new EnvelopeContent(UUID.randomUUID(), text, Map.of());
    }

    private static JsonNode shape(JsonNode problem) {
        ObjectNode copy = ((ObjectNode) problem).deepCopy();
        copy.remove("requestId");
        copy.remove("instance");
        return copy;
    }

    private static String shiftMillis(String timestamp) {
        return Instant.parse(timestamp).plusMillis(1).toString();
    }

    private static String flipBit(String base64) {
        byte[] bytes = Base64.getDecoder().decode(base64);
        bytes[bytes.length / 2] ^= 0x01;
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static String truncate(String base64) {
        byte[] bytes = Base64.getDecoder().decode(base64);
        return Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(bytes, bytes.length - 1));
    }
}
