package dev.e2ee.vault.signing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.e2ee.crypto.envelope.OpenedEnvelope;
import dev.e2ee.crypto.key.Jwk;
import dev.e2ee.crypto.key.JwkSet;
import dev.e2ee.crypto.key.RsaKeys;
import dev.e2ee.platform.security.Role;
import dev.e2ee.vault.VaultIntegrationTest;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyPair;
import java.security.interfaces.RSAPublicKey;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;

/**
 * Signing-key rotation and retirement through the API of the shared context, whose {@code SENDER_PRIVATE_KEY_PATH}
 * lists three keys: the first signs, the second is promoted and demoted again here, the third is retired here.
 * Tests leave the first key signing; other test classes may have changed other rows of the table.
 */
class SigningKeyApiIntegrationTests extends VaultIntegrationTest {

    private static final String ROTATE = "/api/v1/keys/vault-sign/rotate";

    @Test
    void jwksWhenThreeKeysListedThenFirstSignsAndTheOthersArePublishedBeforeTheySign() {
        List<String> signing = signingKids();

        assertThat(signing.get(0)).as("primary first").isEqualTo(kid(KEYS.sender));
        assertThat(signing).contains(kid(KEYS.secondSender));
        Map<String, Object> envelope = envelope();
        assertThat(envelope).containsEntry("senderPrivateKeyId", kid(KEYS.sender));
        assertThat(openTrusting(envelope, KEYS.sender).content().promptText()).isEqualTo("rotation test");
    }

    @Test
    void rotateWhenKidGivenThenThatKeySignsAndThePreviousOneStaysPublished() {
        String admin = adminToken();
        try {
            HttpResponse<String> rotated = post(ROTATE, admin, Map.of("kid", kid(KEYS.secondSender)));

            assertThat(rotated.statusCode()).isEqualTo(200);
            assertThat(body(rotated))
                    .containsEntry("name", "vault-sign")
                    .containsEntry("kid", kid(KEYS.secondSender))
                    .containsEntry("previousKid", kid(KEYS.sender))
                    .containsEntry("status", "primary");
            assertThat(signingKids()).startsWith(kid(KEYS.secondSender)).contains(kid(KEYS.sender));
            Map<String, Object> envelope = envelope();
            assertThat(envelope).containsEntry("senderPrivateKeyId", kid(KEYS.secondSender));
            assertThat(openTrusting(envelope, KEYS.secondSender).content().promptText())
                    .isEqualTo("rotation test");
            assertThat(status(admin, KEYS.secondSender)).isEqualTo("primary");
            assertThat(status(admin, KEYS.sender)).isEqualTo("active");
            assertThat(jdbc.queryForList(
                            "SELECT outcome, principal FROM audit_logs WHERE action = 'key.rotate'"
                                    + " AND details->>'kid' = ? AND principal LIKE 'admin-%'",
                            kid(KEYS.secondSender)))
                    .isNotEmpty()
                    .allSatisfy(row -> assertThat(row).containsEntry("outcome", "success"));
        } finally {
            assertThat(post(ROTATE, admin, Map.of("kid", kid(KEYS.sender))).statusCode())
                    .isEqualTo(200);
        }
        assertThat(envelope()).containsEntry("senderPrivateKeyId", kid(KEYS.sender));
    }

    @Test
    void rotateWhenFirstListedKeyIsAlreadyPrimaryThen409NoNewSigningKey() {
        String admin = adminToken();
        assertThat(post(ROTATE, admin, Map.of("kid", kid(KEYS.sender))).statusCode())
                .as("makes sure the first key is the stored primary")
                .isIn(200, 409);

        HttpResponse<String> withoutBody = send(request(ROTATE, admin).POST(HttpRequest.BodyPublishers.noBody()));
        HttpResponse<String> emptyObject = post(ROTATE, admin, Map.of());
        HttpResponse<String> sameKid = post(ROTATE, admin, Map.of("kid", kid(KEYS.sender)));

        for (HttpResponse<String> response : List.of(withoutBody, emptyObject)) {
            assertThat(response.statusCode()).isEqualTo(409);
            assertThat(response.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
            assertThat(body(response))
                    .containsEntry("code", "NO_NEW_SIGNING_KEY")
                    .hasEntrySatisfying(
                            "detail",
                            d -> assertThat((String) d)
                                    .contains("Add the new key file first in SENDER_PRIVATE_KEY_PATH"));
        }
        assertThat(sameKid.statusCode()).isEqualTo(409);
        assertThat(body(sameKid)).containsEntry("code", "SIGNING_KEY_ALREADY_PRIMARY");
        assertThat(signingKids().get(0)).isEqualTo(kid(KEYS.sender));
    }

    @Test
    void rotateWhenKidIsNotLoadedOrMalformedThen404Or400() {
        String admin = adminToken();
        String stranger = kid(RsaKeys.generate(2048));

        HttpResponse<String> unknown = post(ROTATE, admin, Map.of("kid", stranger));

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(body(unknown)).containsEntry("code", "SIGNING_KEY_NOT_FOUND");
        assertThat(unknown.body()).doesNotContain(stranger);
        assertThat(post(ROTATE, admin, Map.of("kid", "../../etc/passwd")).statusCode())
                .isEqualTo(400);
        assertThat(post(ROTATE, admin, Map.of("kid", kid(KEYS.sender), "path", "/tmp/key.pem"))
                        .statusCode())
                .isEqualTo(400);
        assertThat(post("/api/v1/keys/kek/rotate", admin, Map.of()).statusCode())
                .isEqualTo(409);
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM audit_logs WHERE action = 'key.rotate' AND outcome = 'failure'"
                                + " AND reason = 'signing_key_not_found'",
                        Integer.class))
                .isPositive();
        assertThat(signingKids().get(0)).isEqualTo(kid(KEYS.sender));
    }

    @Test
    void retireWhenKeyIsActiveThenItLeavesTheJwkSetAndNeverSignsAgain() {
        String admin = adminToken();
        String third = kid(KEYS.thirdSender);

        HttpResponse<String> retired = post("/api/v1/keys/vault-sign/" + third + "/retire", admin, Map.of());

        assertThat(retired.statusCode()).isEqualTo(200);
        assertThat(body(retired)).containsEntry("kid", third).containsEntry("status", "retired");
        assertThat(signingKids()).doesNotContain(third).contains(kid(KEYS.sender));
        assertThat(status(admin, KEYS.thirdSender)).isEqualTo("retired");
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM audit_logs WHERE action = 'key.retire' AND outcome = 'success'"
                                + " AND details->>'kid' = ?",
                        Integer.class,
                        third))
                .isEqualTo(1);
        assertThat(post("/api/v1/keys/vault-sign/" + third + "/retire", admin, Map.of())
                        .statusCode())
                .as("idempotent")
                .isEqualTo(200);
        HttpResponse<String> promote = post(ROTATE, admin, Map.of("kid", third));
        assertThat(promote.statusCode()).isEqualTo(409);
        assertThat(body(promote)).containsEntry("code", "SIGNING_KEY_RETIRED");
    }

    @Test
    void retireWhenPrimaryOrUnknownThen409Or404() {
        String admin = adminToken();

        HttpResponse<String> primary = post("/api/v1/keys/vault-sign/" + kid(KEYS.sender) + "/retire", admin, Map.of());
        HttpResponse<String> unknown =
                post("/api/v1/keys/vault-sign/" + kid(RsaKeys.generate(2048)) + "/retire", admin, Map.of());

        assertThat(primary.statusCode()).isEqualTo(409);
        assertThat(body(primary)).containsEntry("code", "SIGNING_KEY_IS_PRIMARY");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(body(unknown)).containsEntry("code", "SIGNING_KEY_NOT_FOUND");
        assertThat(post("/api/v1/keys/vault-sign/not%20a%20kid/retire", admin, Map.of())
                        .statusCode())
                .isEqualTo(400);
        assertThat(signingKids().get(0)).isEqualTo(kid(KEYS.sender));
        assertThat(envelope()).containsEntry("senderPrivateKeyId", kid(KEYS.sender));
    }

    @Test
    void rotateAndRetireWhenNotAdminThen403AndWithoutTokenThen401() {
        String retire = "/api/v1/keys/vault-sign/" + kid(KEYS.secondSender) + "/retire";
        String user = userToken();
        String auditor = token("auditor-" + random(), Role.AUDITOR);

        for (String path : List.of(ROTATE, retire)) {
            assertThat(post(path, user, Map.of()).statusCode()).as(path).isEqualTo(403);
            assertThat(post(path, auditor, Map.of()).statusCode()).as(path).isEqualTo(403);
            assertThat(post(path, null, Map.of()).statusCode()).as(path).isEqualTo(401);
        }
        assertThat(get("/api/v1/keys", user).statusCode()).isEqualTo(403);
        assertThat(get("/api/v1/keys", auditor).statusCode()).isEqualTo(403);
        assertThat(status(adminToken(), KEYS.secondSender)).isIn("active", "primary");
        assertThat(signingKids()).contains(kid(KEYS.secondSender));
    }

    private List<String> signingKids() {
        return JwkSet.parse(get("/api/v1/keys/jwks.json", null).body()).keys().stream()
                .filter(k -> "sig".equals(k.use()))
                .map(Jwk::kid)
                .toList();
    }

    /** The stored status of a key as {@code GET /api/v1/keys} reports it. */
    private String status(String admin, KeyPair pair) {
        HttpResponse<String> response = get("/api/v1/keys", admin);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).doesNotContain("PRIVATE");
        List<Map<String, Object>> keys = json.readValue(response.body(), new TypeReference<>() {});
        return keys.stream()
                .filter(k -> "vault-sign".equals(k.get("name")) && kid(pair).equals(k.get("kid")))
                .map(k -> (String) k.get("status"))
                .findFirst()
                .orElseThrow();
    }

    private Map<String, Object> envelope() {
        String token = userToken();
        String promptId = createPrompt(token, "rotation test", "pw");
        HttpResponse<String> response = post("/api/v1/envelopes", token, Map.of("promptId", promptId, "secret", "pw"));
        assertThat(response.statusCode()).isEqualTo(201);
        return body(response);
    }

    /** Opens with crypto-common, trusting only this signer: proves which key signed. */
    private OpenedEnvelope openTrusting(Map<String, Object> envelope, KeyPair signer) {
        Map<String, Object> wire = new java.util.LinkedHashMap<>(envelope);
        wire.remove("status");
        return OneSignerOpener.trusting(signer, KEYS.receiver)
                .open(json.writeValueAsString(wire), (String) wire.get("audience"));
    }

    private static String kid(KeyPair pair) {
        return Jwk.thumbprint((RSAPublicKey) pair.getPublic());
    }
}
