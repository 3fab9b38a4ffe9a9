package dev.e2ee.prs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.e2ee.platform.security.AuthMethod;
import dev.e2ee.platform.security.E2eePrincipal;
import dev.e2ee.platform.security.Role;
import dev.e2ee.platform.security.TokenIssuer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Fail closed: with Redis unreachable (a closed port) nothing that must be audited completes, no plaintext is
 * returned, and the readiness probe says so. Replay protection is off here so that the audit write is the first
 * Redis write of an opening.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RedisDownIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    TokenIssuer tokens;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        IntegrationTestBase.commonProperties().forEach((name, value) -> registry.add(name, () -> value));
        registry.add("spring.data.redis.host", () -> "127.0.0.1");
        registry.add("spring.data.redis.port", RedisDownIntegrationTests::closedPort);
        registry.add("e2ee.replay.enabled", () -> "false");
        registry.add("e2ee.jobs.workers", () -> "0");
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private HttpResponse<String> call(String method, String path, String body, boolean authenticated) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json")
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (authenticated) {
            String token = tokens.issue(new E2eePrincipal("alice", Set.of(Role.USER), null, AuthMethod.JWT, null));
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void decryptWhenAuditCannotBeWrittenThenServiceUnavailableAndNoPlaintext() {
        String envelope = TestKeys.json(TestKeys.get().seal("never leaves without an audit record"));

        HttpResponse<String> response =
                call("POST", "/api/v1/envelopes/decrypt", "{\"envelope\":" + envelope + "}", true);

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.body()).contains("AUDIT_UNAVAILABLE").doesNotContain("never leaves");
    }

    @Test
    void processWhenAuditCannotBeWrittenThenServiceUnavailableAndNoResult() {
        HttpResponse<String> response =
                call("POST", "/api/v1/prompts/process", "{\"promptText\":\"secret plan\"}", true);

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.body()).doesNotContain("secret plan");
    }

    @Test
    void sessionWhenRedisDownThenServiceUnavailable() {
        assertThat(call("POST", "/api/v1/sessions", null, true).statusCode()).isEqualTo(503);
    }

    @Test
    void readinessWhenRedisDownThenUnavailableButAlive() {
        HttpResponse<String> ready = call("GET", "/api/v1/health/ready", null, false);

        assertThat(ready.statusCode()).isEqualTo(503);
        assertThat(ready.body()).contains("\"status\":\"unhealthy\"");
        assertThat(ready.body().substring(ready.body().indexOf("\"redis\":"))).contains("\"status\":\"DOWN\"");
        assertThat(call("GET", "/api/v1/health/live", null, false).statusCode()).isEqualTo(200);
    }
}
