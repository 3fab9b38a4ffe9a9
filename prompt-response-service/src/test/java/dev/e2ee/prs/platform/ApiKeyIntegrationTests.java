package dev.e2ee.prs.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.e2ee.platform.security.ApiKeyHash;
import dev.e2ee.prs.IntegrationTestBase;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** X-API-Key through the vault's Redis mirror {@code e2ee:apikey:<sha256hex>}. */
class ApiKeyIntegrationTests extends IntegrationTestBase {

    private String mirror(String owner, String roles, boolean revoked) {
        String rawKey = "test-key-" + UUID.randomUUID();
        String entry = "{\"id\":\"" + UUID.randomUUID() + "\",\"owner\":\"" + owner + "\",\"roles\":" + roles
                + ",\"revoked\":" + revoked + "}";
        redis.opsForValue().set("e2ee:apikey:" + ApiKeyHash.of(rawKey), entry, Duration.ofMinutes(5));
        return rawKey;
    }

    private HttpResponse<String> processWithKey(String key) {
        return post("/api/v1/prompts/process", null, "{\"promptText\":\"api key call\"}", "X-API-Key", key);
    }

    @Test
    void apiKeyWhenMirroredWithUserRoleThenAccepted() {
        HttpResponse<String> response = processWithKey(mirror("frank", "[\"user\"]", false));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).at("/response/result").asString()).isEqualTo("Processed: api key call");
    }

    @Test
    void apiKeyWhenUnknownRevokedOrWithoutRoleThenRefused() {
        assertThat(processWithKey("never-issued-" + UUID.randomUUID()).statusCode())
                .isEqualTo(401);
        assertThat(processWithKey(mirror("frank", "[\"user\"]", true)).statusCode())
                .isEqualTo(401);
        assertThat(processWithKey(mirror("gina", "[\"auditor\"]", false)).statusCode())
                .isEqualTo(403);
    }

    @Test
    void apiKeyWhenDeletedFromMirrorThenRefusedAtOnce() {
        String key = mirror("hank", "[\"user\"]", false);
        assertThat(processWithKey(key).statusCode()).isEqualTo(200);

        redis.delete("e2ee:apikey:" + ApiKeyHash.of(key));

        assertThat(processWithKey(key).statusCode()).isEqualTo(401);
    }

    @Test
    void sessionWhenOwnedByApiKeyOwnerThenVisibleToSameOwnerWithJwt() {
        String key = mirror("ivy", "[\"user\"]", false);
        HttpResponse<String> created = post("/api/v1/sessions", null, "", "X-API-Key", key);
        String id = json(created).path("id").asString();

        assertThat(get("/api/v1/sessions/" + id, userToken("ivy")).statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/sessions/" + id, userToken("someone-else")).statusCode())
                .isEqualTo(404);
    }

    @Test
    void healthAndDocsWhenCalledWithoutAuthThenPublic() {
        HttpResponse<String> ready = get("/api/v1/health/ready", null);
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(json(ready).path("status").asString()).isEqualTo("healthy");
        assertThat(json(ready).at("/checks/keys").asString()).isEqualTo("loaded");
        assertThat(get("/api/v1/health/live", null).statusCode()).isEqualTo(200);
        HttpResponse<String> openApi = get("/v3/api-docs", null);
        assertThat(openApi.statusCode()).isEqualTo(200);
        assertThat(openApi.body()).contains("/api/v1/prompts/process").contains("/api/v1/envelopes/decrypt");
        assertThat(get("/api/docs", null).statusCode()).isIn(200, 302);
    }
}
