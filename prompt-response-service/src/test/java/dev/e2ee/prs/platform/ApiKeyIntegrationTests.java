package dev.e2ee.prs.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.e2ee.platform.redis.RedisKeys;
import dev.e2ee.platform.security.ApiKeyHash;
import dev.e2ee.platform.security.ApiKeyMirrorEntry;
import dev.e2ee.platform.security.ApiKeyMirrorFormat;
import dev.e2ee.platform.security.AuthMethod;
import dev.e2ee.platform.security.E2eePrincipal;
import dev.e2ee.platform.security.Role;
import dev.e2ee.platform.test.Eventually;
import dev.e2ee.prs.IntegrationTestBase;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** X-API-Key and tokens with {@code akid} through the vault's authenticated Redis mirror (docs/security.md 14.1). */
class ApiKeyIntegrationTests extends IntegrationTestBase {

    @Autowired
    ApiKeyMirrorFormat format;

    /** Publishes a signed entry as the vault does; returns the raw key. */
    private String mirror(String keyId, String owner, String roles, long notAfter) {
        String rawKey = "test-key-" + UUID.randomUUID();
        List<String> roleList = List.of(roles.replaceAll("[\\[\\]\"]", "").split(","));
        String entry =
                format.encode(ApiKeyMirrorEntry.unsigned(keyId, owner, roleList, ApiKeyHash.of(rawKey), notAfter));
        redis.opsForValue().set(RedisKeys.apiKeyByHash(ApiKeyHash.of(rawKey)), entry, Duration.ofMinutes(5));
        redis.opsForValue().set(RedisKeys.apiKeyById(keyId), entry, Duration.ofMinutes(5));
        return rawKey;
    }

    private String mirror(String keyId, String owner, String roles) {
        return mirror(keyId, owner, roles, Instant.now().plusSeconds(300).getEpochSecond());
    }

    private String mirror(String owner, String roles) {
        return mirror(UUID.randomUUID().toString(), owner, roles);
    }

    private void unmirror(String keyId, String rawKey) {
        redis.delete(List.of(RedisKeys.apiKeyByHash(ApiKeyHash.of(rawKey)), RedisKeys.apiKeyById(keyId)));
    }

    private HttpResponse<String> processWithKey(String key) {
        return post("/api/v1/prompts/process", null, "{\"promptText\":\"api key call\"}", "X-API-Key", key);
    }

    @Test
    void apiKeyWhenMirroredWithUserRoleThenAccepted() {
        HttpResponse<String> response = processWithKey(mirror("frank", "[\"user\"]"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).at("/response/result").asString()).isEqualTo("Processed: api key call");
    }

    @Test
    void apiKeyWhenUnknownRevokedOrWithoutRoleThenRefused() {
        assertThat(processWithKey("never-issued-" + UUID.randomUUID()).statusCode())
                .isEqualTo(401);
        assertThat(processWithKey(mirror("gina", "[\"auditor\"]")).statusCode()).isEqualTo(403);
    }

    @Test
    void apiKeyWhenDeletedFromMirrorThenRefusedAtOnce() {
        String key = mirror("hank", "[\"user\"]");
        assertThat(processWithKey(key).statusCode()).isEqualTo(200);

        redis.delete(RedisKeys.apiKeyByHash(ApiKeyHash.of(key)));

        assertThat(processWithKey(key).statusCode()).isEqualTo(401);
    }

    @Test
    void apiKeyWhenSignedEntryAlteredOrExpiredThenRefused() {
        String keyId = UUID.randomUUID().toString();
        String rawKey = "test-key-" + UUID.randomUUID();
        String hash = ApiKeyHash.of(rawKey);
        long later = Instant.now().plusSeconds(300).getEpochSecond();
        String genuine = format.encode(ApiKeyMirrorEntry.unsigned(keyId, "lena", List.of("user"), hash, later));
        redis.opsForValue()
                .set(RedisKeys.apiKeyByHash(hash), genuine.replace("\"lena\"", "\"victim\""), Duration.ofMinutes(1));
        assertThat(processWithKey(rawKey).statusCode()).isEqualTo(401);

        redis.opsForValue()
                .set(RedisKeys.apiKeyByHash(hash), genuine.replace("[\"user\"]", "[\"admin\"]"), Duration.ofMinutes(1));
        assertThat(processWithKey(rawKey).statusCode()).isEqualTo(401);

        String expired = mirror(
                keyId, "lena", "[\"user\"]", Instant.now().minusSeconds(1).getEpochSecond());
        assertThat(processWithKey(expired).statusCode()).isEqualTo(401);

        String otherKey = "test-key-" + UUID.randomUUID();
        redis.opsForValue().set(RedisKeys.apiKeyByHash(ApiKeyHash.of(otherKey)), genuine, Duration.ofMinutes(1));
        assertThat(processWithKey(otherKey).statusCode()).isEqualTo(401);
    }

    @Test
    void tokenWhenItsApiKeyEntryNamesAnotherOwnerThenRefused() {
        String keyId = UUID.randomUUID().toString();
        mirror(keyId, "owner-of-key", "[\"user\"]");
        String token =
                tokens.issue(new E2eePrincipal("someone-else", Set.of(Role.USER), null, AuthMethod.API_KEY, keyId));

        assertThat(processWithToken(token).statusCode()).isEqualTo(401);
        assertThat(processWithToken(userToken("no-akid")).statusCode()).isEqualTo(200);
    }

    @Test
    void sessionWhenOwnedByApiKeyOwnerThenVisibleToSameOwnerWithJwt() {
        String key = mirror("ivy", "[\"user\"]");
        HttpResponse<String> created = post("/api/v1/sessions", null, "", "X-API-Key", key);
        String id = json(created).path("id").asString();

        assertThat(get("/api/v1/sessions/" + id, userToken("ivy")).statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/sessions/" + id, userToken("someone-else")).statusCode())
                .isEqualTo(404);
    }

    @Test
    void apiKeyWhenMirrorEntryIsUnsignedJsonWrittenToRedisThenRefused() {
        String rawKey = "forged-" + UUID.randomUUID();
        String forged = "{\"id\":\"" + UUID.randomUUID() + "\",\"owner\":\"victim\",\"roles\":[\"admin\"],"
                + "\"revoked\":false}";
        redis.opsForValue().set(RedisKeys.apiKeyByHash(ApiKeyHash.of(rawKey)), forged, Duration.ofMinutes(5));

        assertThat(processWithKey(rawKey).statusCode()).isEqualTo(401);
    }

    @Test
    void tokenWhenMintedFromApiKeyThatIsThenRevokedThenRefusedWithinSeconds() {
        String keyId = UUID.randomUUID().toString();
        String rawKey = mirror(keyId, "kim", "[\"user\"]");
        String token = tokens.issue(new E2eePrincipal("kim", Set.of(Role.USER), null, AuthMethod.API_KEY, keyId));
        assertThat(processWithToken(token).statusCode()).isEqualTo(200);

        unmirror(keyId, rawKey);

        assertThat(Eventually.status(() -> processWithToken(token).statusCode(), 401))
                .isEqualTo(401);
    }

    private HttpResponse<String> processWithToken(String token) {
        return post("/api/v1/prompts/process", token, "{\"promptText\":\"token call\"}");
    }

    @Test
    void healthAndDocsWhenCalledWithoutAuthThenPublic() {
        HttpResponse<String> ready = get("/api/v1/health/ready", null);
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(json(ready).path("status").asString()).isEqualTo("healthy");
        assertThat(json(ready).at("/components/keys/status").asString()).isEqualTo("UP");
        assertThat(get("/api/v1/health/live", null).statusCode()).isEqualTo(200);
        HttpResponse<String> openApi = get("/v3/api-docs", null);
        assertThat(openApi.statusCode()).isEqualTo(200);
        assertThat(openApi.body()).contains("/api/v1/prompts/process").contains("/api/v1/envelopes/decrypt");
        assertThat(get("/api/docs", null).statusCode()).isIn(200, 302);
    }
}
