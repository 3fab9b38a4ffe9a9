package dev.e2ee.vault.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.e2ee.crypto.CryptoProvider;
import dev.e2ee.crypto.envelope.EnvelopeOpener;
import dev.e2ee.crypto.envelope.EnvelopeRejectedException;
import dev.e2ee.crypto.envelope.OpenedEnvelope;
import dev.e2ee.crypto.envelope.OpeningPolicy;
import dev.e2ee.crypto.key.Jwk;
import dev.e2ee.crypto.key.JwkSet;
import dev.e2ee.platform.security.Role;
import dev.e2ee.vault.VaultIntegrationTest;
import java.net.http.HttpResponse;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EnvelopeApiIntegrationTests extends VaultIntegrationTest {

    @Test
    void createWhenSecretRightThenFullV2EnvelopeTheReceiverOpens() {
        String token = userToken();
        String promptId = createPrompt(token, "Summarise the quarterly numbers", "open-sesame");
        Instant expiresAt = Instant.now().plus(10, ChronoUnit.MINUTES);

        HttpResponse<String> response = post(
                "/api/v1/envelopes",
                token,
                Map.of(
                        "promptId",
                        promptId,
                        "secret",
                        "open-sesame",
                        "expiresAt",
                        expiresAt.toString(),
                        "metadata",
                        Map.of("purpose", "test")));

        assertThat(response.statusCode()).isEqualTo(201);
        Map<String, Object> body = body(response);
        assertThat(body)
                .containsEntry("version", 2)
                .containsEntry("promptId", promptId)
                .containsEntry("status", "pending")
                .containsEntry("algorithm", "AES-256-GCM")
                .containsEntry("keyAlgorithm", "RSA-OAEP-256")
                .containsEntry("signatureAlgorithm", "RSA-PSS-SHA256")
                .containsEntry("receiverPublicKeyId", Jwk.thumbprint((RSAPublicKey) KEYS.receiver.getPublic()))
                .containsKeys(
                        "id", "iv", "encryptedKey", "encryptedData", "authTag", "signature", "createdAt", "expiresAt");
        assertThat(response.body()).doesNotContain("quarterly").doesNotContain("open-sesame");

        Map<String, Object> wire = new LinkedHashMap<>(body);
        wire.remove("status");
        OpenedEnvelope opened = opener().open(json.writeValueAsString(wire), (String) wire.get("audience"));
        assertThat(opened.content().promptText()).isEqualTo("Summarise the quarterly numbers");
        assertThat(opened.content().promptId()).hasToString(promptId);
        assertThat(opened.content().metadata()).containsEntry("purpose", "test");
        assertThat(opened.expiresAt()).isEqualTo(expiresAt.truncatedTo(ChronoUnit.MILLIS));
    }

    @Test
    void createWhenEnvelopeTamperedThenReceiverRejects() {
        String token = userToken();
        String promptId = createPrompt(token, "tamper target", "pw");
        Map<String, Object> wire = new LinkedHashMap<>(
                body(post("/api/v1/envelopes", token, Map.of("promptId", promptId, "secret", "pw"))));
        wire.remove("status");
        wire.put("promptId", UUID.randomUUID().toString());

        assertThatThrownBy(() -> opener().open(json.writeValueAsString(wire), (String) wire.get("audience")))
                .isInstanceOf(EnvelopeRejectedException.class);
    }

    @Test
    void createWhenSecretWrongThen403SameAsInvisibleOrMissingPrompt() {
        String owner = userToken();
        String promptId = createPrompt(owner, "guarded", "right");

        HttpResponse<String> wrong = post("/api/v1/envelopes", owner, Map.of("promptId", promptId, "secret", "wrong"));
        HttpResponse<String> otherUser =
                post("/api/v1/envelopes", userToken(), Map.of("promptId", promptId, "secret", "right"));
        HttpResponse<String> missing = post(
                "/api/v1/envelopes", owner, Map.of("promptId", UUID.randomUUID().toString(), "secret", "x"));

        assertThat(wrong.statusCode()).isEqualTo(403);
        assertThat(otherUser.statusCode()).isEqualTo(403);
        assertThat(missing.statusCode()).isEqualTo(403);
        assertThat(stable(body(wrong))).isEqualTo(stable(body(otherUser))).isEqualTo(stable(body(missing)));
        assertThat(body(wrong)).containsEntry("code", "SECRET_REJECTED");
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM envelopes WHERE prompt_id = ?::uuid", Long.class, promptId))
                .isZero();
    }

    @Test
    void createWhenTooManyWrongSecretsThen429EvenWithRightSecret() {
        String owner = userToken();
        String promptId = createPrompt(owner, "brute force target", "right");
        for (int i = 0; i < 5; i++) {
            assertThat(post("/api/v1/envelopes", owner, Map.of("promptId", promptId, "secret", "guess" + i))
                            .statusCode())
                    .isEqualTo(403);
        }

        HttpResponse<String> blocked =
                post("/api/v1/envelopes", owner, Map.of("promptId", promptId, "secret", "right"));

        assertThat(blocked.statusCode()).isEqualTo(429);
        assertThat(blocked.headers().firstValue("Retry-After")).isPresent();
        assertThat(body(blocked)).containsEntry("code", "TOO_MANY_SECRET_FAILURES");
    }

    @Test
    void createWhenPromptInactiveThen409AndWhenExpiryPastThen400() {
        String owner = userToken();
        String promptId = createPrompt(owner, "paused", "pw");
        assertThat(put("/api/v1/prompts/" + promptId, owner, Map.of("status", "inactive", "version", 1))
                        .statusCode())
                .isEqualTo(200);

        assertThat(post("/api/v1/envelopes", owner, Map.of("promptId", promptId, "secret", "pw"))
                        .statusCode())
                .isEqualTo(409);
        String active = createPrompt(owner, "active", "pw");
        HttpResponse<String> past = post(
                "/api/v1/envelopes",
                owner,
                Map.of(
                        "promptId",
                        active,
                        "secret",
                        "pw",
                        "expiresAt",
                        Instant.now().minusSeconds(5).toString()));
        assertThat(past.statusCode()).isEqualTo(400);
        assertThat(post(
                                "/api/v1/envelopes",
                                owner,
                                Map.of("promptId", active, "secret", "pw", "receiverPublicKeyId", "attacker-key"))
                        .statusCode())
                .isEqualTo(400);
        assertThat(post("/api/v1/envelopes", owner, Map.of("promptId", "not-a-uuid", "secret", "pw"))
                        .statusCode())
                .isEqualTo(400);
        assertThat(post("/api/v1/envelopes", owner, Map.of("promptId", active)).statusCode())
                .isEqualTo(400);
        assertThat(post("/api/v1/envelopes", owner, Map.of("promptId", active, "secret", "pw", "extra", true))
                        .statusCode())
                .isEqualTo(400);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM envelopes WHERE prompt_id = ?::uuid", Long.class, active))
                .isZero();
    }

    @Test
    void createWhenReceiverChosenByLabelThenWrappedToThatKey() {
        String owner = userToken();
        String promptId = createPrompt(owner, "label", "pw");
        HttpResponse<String> response = post(
                "/api/v1/envelopes",
                owner,
                Map.of("promptId", promptId, "secret", "pw", "receiverPublicKeyId", "prompt_response_enc_public"));

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(body(response))
                .containsEntry("receiverPublicKeyId", Jwk.thumbprint((RSAPublicKey) KEYS.receiver.getPublic()));
    }

    @Test
    void metadataWhenReadThenNoCiphertextAndOnlyForOwnerOrAdmin() {
        String owner = userToken();
        String promptId = createPrompt(owner, "metadata only", "pw");
        String envelopeId = createEnvelope(owner, promptId, "pw");

        HttpResponse<String> one = get("/api/v1/envelopes/" + envelopeId, owner);
        assertThat(one.statusCode()).isEqualTo(200);
        assertThat(body(one))
                .containsEntry("status", "pending")
                .containsEntry("promptId", promptId)
                .doesNotContainKeys("encryptedData", "encryptedKey", "iv", "authTag", "signature");
        assertThat(get("/api/v1/envelopes/" + envelopeId, userToken()).statusCode())
                .isEqualTo(404);
        assertThat(get("/api/v1/envelopes/" + envelopeId, adminToken()).statusCode())
                .isEqualTo(200);

        HttpResponse<String> list = get("/api/v1/prompts/" + promptId + "/envelopes", owner);
        assertThat(data(list)).extracting(e -> e.get("id")).containsExactly(envelopeId);
        assertThat(list.body()).doesNotContain("encryptedData");
        assertThat(get("/api/v1/prompts/" + promptId + "/envelopes", userToken())
                        .statusCode())
                .isEqualTo(404);
        assertThat(body(get("/api/v1/prompts/" + promptId + "?includeEnvelopes=true", owner))
                        .get("envelopes"))
                .asList()
                .hasSize(1);
    }

    @Test
    void expiredEnvelopeWhenReadThenStatusExpired() {
        String owner = userToken();
        String promptId = createPrompt(owner, "expiring", "pw");
        String envelopeId = (String) body(post(
                        "/api/v1/envelopes",
                        owner,
                        Map.of(
                                "promptId",
                                promptId,
                                "secret",
                                "pw",
                                "expiresAt",
                                Instant.now().plusSeconds(60).toString())))
                .get("id");
        jdbc.update("UPDATE envelopes SET expires_at = now() - interval '1 second' WHERE id = ?::uuid", envelopeId);

        assertThat(body(get("/api/v1/envelopes/" + envelopeId, owner))).containsEntry("status", "expired");
    }

    @Test
    void createWhenOverEnvelopeRateLimitThen429WithHeaders() {
        String token = token(newSubject(), Role.USER);
        String promptId = createPrompt(token, "rate limited", "pw");
        HttpResponse<String> response = null;
        int created = 0;
        // fixed one-minute windows: 21 requests put at least 11 into one window, whatever the boundary
        for (int i = 0; i < 21; i++) {
            response = post("/api/v1/envelopes", token, Map.of("promptId", promptId, "secret", "pw"));
            if (response.statusCode() != 201) {
                break;
            }
            created++;
            assertThat(response.headers().firstValue("X-RateLimit-Limit")).isPresent();
            assertThat(response.headers().firstValue("X-RateLimit-Remaining")).isPresent();
            assertThat(response.headers().firstValue("X-RateLimit-Reset")).isPresent();
        }

        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(created).isBetween(10, 20);
        assertThat(response.headers().firstValue("Retry-After")).isPresent();
        assertThat(body(response)).containsEntry("code", "RATE_LIMITED");
        assertThat(get("/api/v1/prompts/" + promptId, token).statusCode()).isEqualTo(200);
    }

    private EnvelopeOpener opener() {
        JwkSet published = JwkSet.parse(get("/api/v1/keys/jwks.json", null).body());
        RSAPrivateKey receiverKey = (RSAPrivateKey) KEYS.receiver.getPrivate();
        String receiverKid = Jwk.thumbprint((RSAPublicKey) KEYS.receiver.getPublic());
        return EnvelopeOpener.create(
                kid -> published.find(kid).filter(j -> "sig".equals(j.use())).map(Jwk::key),
                kid -> kid.equals(receiverKid) ? Optional.of(receiverKey) : Optional.empty(),
                OpeningPolicy.defaults(),
                CryptoProvider.jdk(),
                Clock.systemUTC());
    }

    private static Map<String, Object> stable(Map<String, Object> body) {
        Map<String, Object> copy = new HashMap<>(body);
        copy.remove("requestId");
        return copy;
    }
}
