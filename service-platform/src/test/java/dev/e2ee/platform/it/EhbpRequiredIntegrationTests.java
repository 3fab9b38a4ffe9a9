package dev.e2ee.platform.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.e2ee.crypto.ehbp.Ehbp;
import dev.e2ee.crypto.ehbp.KeyConfig;
import dev.e2ee.platform.it.EhbpClientSupport.Exchange;
import dev.e2ee.platform.security.Role;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

@TestPropertySource(properties = "e2ee.hpke.require-encrypted-bodies=true")
class EhbpRequiredIntegrationTests extends PlatformIntegrationTest {

    private final EhbpClientSupport ehbp = new EhbpClientSupport(http);

    private KeyConfig currentKey() throws Exception {
        HttpResponse<byte[]> response =
                http.send(request(Ehbp.KEYS_PATH).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        return KeyConfig.decodeList(response.body()).get(0);
    }

    @Test
    void plaintextPostWhenEncryptionIsRequiredThen400EncryptionRequired() throws Exception {
        HttpResponse<String> response = send(request("/api/v1/things")
                .header("Authorization", "Bearer " + tokenFor(Role.USER))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"plain-secret\"}")));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(body(response)).containsEntry("code", "ENCRYPTION_REQUIRED");
        assertThat(response.body()).doesNotContain("plain-secret");
    }

    @Test
    void plaintextReadWhenEncryptionIsRequiredThen400() throws Exception {
        HttpResponse<String> response = get("/api/v1/things?page=1", "Authorization", "Bearer " + tokenFor(Role.USER));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(body(response)).containsEntry("code", "ENCRYPTION_REQUIRED");
    }

    @Test
    void plaintextApiKeyHeaderWhenEncryptionIsRequiredThenRefusedEvenOnPublicPaths() throws Exception {
        HttpResponse<String> response = get("/api/v1/health/ping", "X-API-Key", PlatformTestApplication.USER_API_KEY);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(body(response)).containsEntry("code", "ENCRYPTION_REQUIRED");
    }

    @Test
    void encryptedRequestWithApiKeyHeaderWhenEncryptionIsRequiredThenRefused() throws Exception {
        Exchange exchange = ehbp.send(
                request("/api/v1/things").header("X-API-Key", PlatformTestApplication.USER_API_KEY),
                "POST",
                currentKey(),
                "{\"name\":\"a\"}");

        assertThat(exchange.status()).isEqualTo(400);
        assertThat(exchange.body()).contains("ENCRYPTION_REQUIRED");
    }

    @Test
    void publicMetadataWhenEncryptionIsRequiredThenStillReadableInPlaintext() throws Exception {
        assertThat(get("/api/v1/health/ping").statusCode()).isEqualTo(200);
        assertThat(http.send(request(Ehbp.KEYS_PATH).GET().build(), HttpResponse.BodyHandlers.ofByteArray())
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void encryptedRequestWhenEncryptionIsRequiredThenServed() throws Exception {
        Exchange exchange = ehbp.send(
                request("/api/v1/things").header("Authorization", "Bearer " + tokenFor(Role.USER)),
                "POST",
                currentKey(),
                "{\"name\":\"sealed\"}");

        assertThat(exchange.status()).isEqualTo(201);
        assertThat(exchange.body()).contains("\"name\":\"sealed\"");
    }
}
