package dev.e2ee.vault.apikey;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.e2ee.platform.redis.RedisKeys;
import dev.e2ee.platform.security.ApiKeyHash;
import dev.e2ee.platform.security.ApiKeyMirrorFormat;
import dev.e2ee.platform.security.Role;
import dev.e2ee.platform.test.Eventually;
import dev.e2ee.vault.VaultIntegrationTest;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class AuthIntegrationTests extends VaultIntegrationTest {

    @Autowired
    ApiKeyMirrorFormat mirrorFormat;

    @Autowired
    ApiKeyMirror mirror;

    /** role → endpoint → expected status (403 = role refused; anything else = role allowed). */
    @Test
    void roleMatrixWhenCallingEveryEndpointThenOnlyAllowedRolesPass() {
        record Call(String method, String path, Object body) {}
        List<Call> adminOnly = List.of(
                new Call("GET", "/api/v1/api-keys", null),
                new Call("POST", "/api/v1/api-keys", Map.of("name", "x", "roles", List.of("user"))),
                new Call("DELETE", "/api/v1/api-keys/" + UUID.randomUUID(), null),
                new Call("GET", "/api/v1/keys", null),
                new Call("POST", "/api/v1/keys/vault-sign/rotate-nope", null),
                new Call("POST", "/api/v1/keys/kek/rewrap", null));
        List<Call> auditing = List.of(new Call("GET", "/api/v1/audit-logs", null));
        List<Call> promptUse = List.of(
                new Call("GET", "/api/v1/prompts", null),
                new Call("POST", "/api/v1/prompts", Map.of("promptText", "m", "secret", "s")),
                new Call("GET", "/api/v1/envelopes/" + UUID.randomUUID(), null),
                new Call(
                        "POST",
                        "/api/v1/envelopes",
                        Map.of("promptId", UUID.randomUUID().toString(), "secret", "s")));
        for (Role role : Role.values()) {
            String token = token(newSubject(), role);
            adminOnly.forEach(c -> assertThat(call(c.method(), c.path(), c.body(), token))
                    .as(role + " " + c.method() + " " + c.path())
                    .matches(s -> role == Role.ADMIN ? s != 403 : s == 403));
            auditing.forEach(c -> assertThat(call(c.method(), c.path(), c.body(), token))
                    .as(role + " " + c.path())
                    .matches(s -> role == Role.USER ? s == 403 : s == 200));
            promptUse.forEach(c -> assertThat(call(c.method(), c.path(), c.body(), token))
                    .as(role + " " + c.method() + " " + c.path())
                    .matches(s -> role == Role.AUDITOR
                            ? s == 403
                            : s != 403 || c.path().endsWith("envelopes")));
        }
    }

    @Test
    void protectedEndpointsWhenNoOrBadCredentialsThen401() throws Exception {
        JWTClaimsSet valid = new JWTClaimsSet.Builder()
                .subject("mallory")
                .claim("roles", List.of("admin"))
                .expirationTime(Date.from(Instant.now().plusSeconds(300)))
                .build();
        JWTClaimsSet expired = new JWTClaimsSet.Builder()
                .subject("mallory")
                .claim("roles", List.of("admin"))
                .expirationTime(Date.from(Instant.now().minusSeconds(300)))
                .build();
        List<String> badTokens = List.of(
                hs256(valid, random() + random()),
                hs256(expired, JWT_SECRET),
                new PlainJWT(valid).serialize(),
                "garbage");
        for (String path : List.of("/api/v1/prompts", "/api/v1/api-keys", "/api/v1/audit-logs", "/api/v1/keys")) {
            assertThat(get(path, null).statusCode()).as(path).isEqualTo(401);
            for (String bad : badTokens) {
                HttpResponse<String> response = get(path, bad);
                assertThat(response.statusCode()).as(path).isEqualTo(401);
                assertThat(body(response)).containsEntry("code", "UNAUTHENTICATED");
            }
        }
        HttpResponse<String> badKey = send(request("/api/v1/prompts", null)
                .header("X-API-Key", "e2ee_nope")
                .GET());
        assertThat(badKey.statusCode()).isEqualTo(401);
    }

    @Test
    void publicPathsWhenAnonymousThenServed() {
        assertThat(get("/api/v1/health", null).statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/health/live", null).statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/health/ready", null).statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/keys/jwks.json", null).statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/metrics", null).statusCode()).isEqualTo(200);
        assertThat(get("/v3/api-docs", null).statusCode()).isEqualTo(200);
    }

    @Test
    void apiKeyLifecycleWhenCreatedUsedExchangedRevokedThenEachStepHolds() {
        String admin = bootstrapToken();
        String owner = newSubject();
        HttpResponse<String> created =
                post("/api/v1/api-keys", admin, Map.of("name", "svc", "owner", owner, "roles", List.of("user")));
        assertThat(created.statusCode()).isEqualTo(201);
        String key = (String) body(created).get("key");
        String id = (String) body(created).get("id");
        assertThat(key).startsWith("e2ee_").hasSizeGreaterThan(40);

        assertThat(get("/api/v1/api-keys", admin).body()).contains(id).doesNotContain(key);
        HttpResponse<String> viaKey =
                send(request("/api/v1/prompts", null).header("X-API-Key", key).GET());
        assertThat(viaKey.statusCode()).isEqualTo(200);
        assertThat(redis.opsForValue().get(RedisKeys.apiKeyByHash(ApiKeyHash.of(key))))
                .contains("\"owner\":\"" + owner + "\"")
                .contains("\"mac\":")
                .doesNotContain(key);
        assertThat(redis.opsForValue().get(RedisKeys.apiKeyById(id))).contains("\"owner\":\"" + owner + "\"");

        HttpResponse<String> exchanged = send(
                request("/api/v1/auth/token", null).header("X-API-Key", key).POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(exchanged.statusCode()).isEqualTo(200);
        String jwt = (String) body(exchanged).get("accessToken");
        assertThat(body(exchanged)).containsEntry("tokenType", "Bearer").containsEntry("expiresIn", 3600);
        String promptId = createPrompt(jwt, "made with an exchanged token", "s");
        assertThat(get(
                                "/api/v1/prompts/" + promptId,
                                send(request("/api/v1/auth/token", null)
                                                .header("X-API-Key", key)
                                                .POST(HttpRequest.BodyPublishers.noBody()))
                                        .body()
                                        .split("\"")[3])
                        .statusCode())
                .isEqualTo(200);

        HttpResponse<String> viaBody = post("/api/v1/auth/token", null, Map.of("apiKey", key));
        assertThat(viaBody.statusCode()).isEqualTo(200);

        assertThat(delete("/api/v1/api-keys/" + id, admin).statusCode()).isEqualTo(204);
        assertThat(send(request("/api/v1/prompts", null)
                                .header("X-API-Key", key)
                                .GET())
                        .statusCode())
                .isEqualTo(401);
        assertThat(post("/api/v1/auth/token", null, Map.of("apiKey", key)).statusCode())
                .isEqualTo(401);
        assertThat(redis.hasKey(RedisKeys.apiKeyByHash(ApiKeyHash.of(key)))).isFalse();
        assertThat(redis.hasKey(RedisKeys.apiKeyById(id))).isFalse();
        Integer revokedAtSet = jdbc.queryForObject(
                "SELECT count(*) FROM api_keys WHERE id = ?::uuid AND revoked_at IS NOT NULL", Integer.class, id);
        assertThat(revokedAtSet).isEqualTo(1);
        assertThat(get("/api/v1/api-keys", admin).body()).contains("\"revokedAt\":\"");

        // revoking again changes nothing and writes no second audit row; an unknown id is a 404
        assertThat(delete("/api/v1/api-keys/" + id, admin).statusCode()).isEqualTo(204);
        Integer revokeRows = jdbc.queryForObject(
                "SELECT count(*) FROM audit_logs WHERE action = 'apikey.revoke' AND resource_id = ?",
                Integer.class,
                id);
        assertThat(revokeRows).isEqualTo(1);
        assertThat(delete("/api/v1/api-keys/" + UUID.randomUUID(), admin).statusCode())
                .isEqualTo(404);
    }

    @Test
    void tokenWhenMintedFromApiKeyThatIsThenRevokedThenRefusedWithinSeconds() {
        String admin = bootstrapToken();
        HttpResponse<String> created =
                post("/api/v1/api-keys", admin, Map.of("name", "svc", "owner", newSubject(), "roles", List.of("user")));
        String key = (String) body(created).get("key");
        String jwt = (String) body(send(request("/api/v1/auth/token", null)
                        .header("X-API-Key", key)
                        .POST(HttpRequest.BodyPublishers.noBody())))
                .get("accessToken");
        assertThat(get("/api/v1/prompts", jwt).statusCode()).isEqualTo(200);

        assertThat(delete("/api/v1/api-keys/" + body(created).get("id"), admin).statusCode())
                .isEqualTo(204);

        assertThat(Eventually.status(() -> get("/api/v1/prompts", jwt).statusCode(), 401))
                .isEqualTo(401);
    }

    @Test
    void apiKeyMirrorWhenPublishedThenAuthenticatedExpiringAndARevokedEntryPutBackIsDeletedAtTheNextRefresh() {
        String admin = bootstrapToken();
        HttpResponse<String> created =
                post("/api/v1/api-keys", admin, Map.of("name", "svc", "owner", newSubject(), "roles", List.of("user")));
        String key = (String) body(created).get("key");
        String byHash = RedisKeys.apiKeyByHash(ApiKeyHash.of(key));
        String captured = redis.opsForValue().get(byHash);

        assertThat(mirrorFormat.decode(captured, Instant.now())).isPresent();
        assertThat(mirrorFormat.decode(captured, Instant.now().plus(Duration.ofMinutes(7))))
                .as("notAfter = now + mirror-entry-lifetime (6 min)")
                .isEmpty();
        assertThat(redis.getExpire(byHash)).isBetween(1L, 360L);

        assertThat(delete("/api/v1/api-keys/" + body(created).get("id"), admin).statusCode())
                .isEqualTo(204);
        redis.opsForValue().set(byHash, captured, Duration.ofMinutes(5));
        mirror.refresh();

        assertThat(redis.hasKey(byHash)).isFalse();
    }

    @Test
    void tokenExchangeWhenNoKeyOrJwtThen401() {
        assertThat(post("/api/v1/auth/token", null, Map.of()).statusCode()).isEqualTo(401);
        assertThat(post("/api/v1/auth/token", userToken(), Map.of()).statusCode())
                .isEqualTo(401);
        assertThat(post("/api/v1/auth/token", null, Map.of("apiKey", "e2ee_unknown"))
                        .statusCode())
                .isEqualTo(401);
        assertThat(post("/api/v1/auth/token", null, Map.of("apiKey", "x", "other", 1))
                        .statusCode())
                .isEqualTo(400);
    }

    @Test
    void apiKeyCreationWhenInvalidThen400() {
        String admin = adminToken();
        assertThat(post("/api/v1/api-keys", admin, Map.of("name", "x", "roles", List.of("root")))
                        .statusCode())
                .isEqualTo(400);
        assertThat(post("/api/v1/api-keys", admin, Map.of("name", "", "roles", List.of("user")))
                        .statusCode())
                .isEqualTo(400);
        assertThat(post("/api/v1/api-keys", admin, Map.of("name", "x", "roles", List.of()))
                        .statusCode())
                .isEqualTo(400);
        assertThat(delete("/api/v1/api-keys/" + UUID.randomUUID(), admin).statusCode())
                .isEqualTo(404);
    }

    private String bootstrapToken() {
        HttpResponse<String> response = send(request("/api/v1/auth/token", null)
                .header("X-API-Key", BOOTSTRAP_KEY)
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(response.statusCode()).isEqualTo(200);
        return (String) body(response).get("accessToken");
    }

    private int call(String method, String path, Object body, String token) {
        HttpRequest.Builder builder = request(path, token).header("Content-Type", "application/json");
        HttpRequest.BodyPublisher publisher =
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(toJson(body));
        return send(builder.method(method, publisher)).statusCode();
    }

    private static String hs256(JWTClaimsSet claims, String secret) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
        return jwt.serialize();
    }
}
