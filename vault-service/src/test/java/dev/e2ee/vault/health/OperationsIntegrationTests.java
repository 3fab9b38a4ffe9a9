package dev.e2ee.vault.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.e2ee.crypto.key.JwkSet;
import dev.e2ee.vault.VaultIntegrationTest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OperationsIntegrationTests extends VaultIntegrationTest {

    @Test
    void healthWhenDatabaseRedisAndKeysUpThenHealthyWithComponents() {
        HttpResponse<String> response = get("/api/v1/health", null);

        assertThat(response.statusCode()).isEqualTo(200);
        Map<String, Object> body = body(response);
        assertThat(body).containsEntry("status", "healthy");
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> components = (Map<String, Map<String, Object>>) body.get("components");
        assertThat(components.get("db")).containsEntry("status", "UP");
        assertThat(components.get("redis")).containsEntry("status", "UP");
        assertThat(components).doesNotContainKey("diskSpace");
        assertThat(components.values())
                .as("public health shows statuses, never details")
                .allSatisfy(component -> assertThat(component).containsOnlyKeys("status"));
        assertThat(components.get("keys")).containsEntry("status", "UP");
        assertThat(components.get("readinessState")).containsEntry("status", "UP");
    }

    @Test
    void readyAndLiveWhenUpThenHealthyWithTheirGroupMembersOnly() {
        @SuppressWarnings("unchecked")
        Map<String, Object> ready =
                (Map<String, Object>) body(get("/api/v1/health/ready", null)).get("components");
        @SuppressWarnings("unchecked")
        Map<String, Object> live =
                (Map<String, Object>) body(get("/api/v1/health/live", null)).get("components");

        assertThat(body(get("/api/v1/health/ready", null))).containsEntry("status", "healthy");
        assertThat(ready).containsOnlyKeys("readinessState", "db");
        assertThat(body(get("/api/v1/health/live", null))).containsEntry("status", "healthy");
        assertThat(live).containsOnlyKeys("livenessState");
    }

    @Test
    void metricsWhenEnvelopeCreatedThenSpecNamesExposed() {
        String token = userToken();
        String promptId = createPrompt(token, "metrics", "pw");
        post("/api/v1/envelopes", token, Map.of("promptId", promptId, "secret", "pw"));

        String metrics = get("/api/v1/metrics", null).body();

        assertThat(metrics)
                .containsPattern(
                        "encryption_duration_seconds_count\\{algorithm=\"AES-256-GCM\",provider=\"(native|jdk)\"}")
                .contains("encryption_errors_total")
                .contains("envelopes_created_total{status=\"success\"}")
                .contains("http_requests_total")
                .contains("hikaricp_connections_max");
    }

    @Test
    void jwksWhenFetchedThenSigningAndReceiverKeysWithThumbprintKids() {
        JwkSet set = JwkSet.parse(get("/api/v1/keys/jwks.json", null).body());

        assertThat(set.keys()).extracting(k -> k.use()).contains("sig", "enc");
        assertThat(set.keys())
                .allSatisfy(k -> assertThat(k.kid()).isEqualTo(dev.e2ee.crypto.key.Jwk.thumbprint(k.key())));
    }

    @Test
    void openApiWhenFetchedThenBothSecuritySchemesAndVaultPaths() {
        String docs = get("/v3/api-docs", null).body();

        assertThat(docs)
                .contains("bearerAuth")
                .contains("X-API-Key")
                .contains("/api/v1/prompts")
                .contains("/api/v1/envelopes")
                .contains("/api/v1/audit-logs/verify")
                .contains("CreatePromptRequest");
        assertThat(get("/api/docs", null).statusCode()).isIn(200, 302);
    }
}
