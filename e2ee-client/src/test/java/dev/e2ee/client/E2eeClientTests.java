package dev.e2ee.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.e2ee.client.StubService.Answer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The client against a stub service on a real socket that speaks EHBP (the services' own suite is in system-tests). */
class E2eeClientTests {

    private static final String API_KEY = "ak_test_0123456789abcdef0123456789abcdef";
    private static final String TOKEN_ANSWER =
            "{\"accessToken\":\"tok-1\",\"tokenType\":\"Bearer\",\"expiresIn\":3600}";

    private final StubService service = newService();

    private static StubService newService() {
        try {
            return new StubService();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @AfterEach
    void stop() {
        service.close();
    }

    private E2eeClient client() {
        return E2eeClient.builder(service.url()).apiKey(API_KEY).build();
    }

    @Test
    void createPromptWhenServerPublishesKeysThenTextSecretAndApiKeyCrossOnlyEncrypted() {
        service.handler = s -> s.path().endsWith("/auth/token")
                ? Answer.json(200, TOKEN_ANSWER)
                : Answer.json(201, "{\"id\":\"p-1\",\"version\":1,\"status\":\"active\",\"metadata\":{}}");

        assertThat(client().createPrompt("very secret prompt", "s3cret-value", null)
                        .id())
                .isEqualTo("p-1");

        assertThat(service.seen).hasSize(2);
        for (StubService.Seen request : service.seen) {
            String wire = new String(request.raw(), StandardCharsets.ISO_8859_1) + request.headers();
            assertThat(wire).doesNotContain("very secret prompt", "s3cret-value", API_KEY);
        }
        assertThat(service.seen.get(0).plaintext()).contains(API_KEY);
        assertThat(service.seen.get(1).plaintext()).contains("very secret prompt");
        assertThat(service.seen.get(1).headers().get("Authorization")).containsExactly("Bearer tok-1");
    }

    @Test
    void getPromptWhenEncryptedThenSentAsPostNamingGetWithASealedBody() {
        service.handler = s -> s.path().endsWith("/auth/token")
                ? Answer.json(200, TOKEN_ANSWER)
                : Answer.json(200, "{\"id\":\"p-1\",\"version\":2,\"status\":\"active\",\"promptText\":\"the text\"}");

        assertThat(client().getPrompt("p-1").text()).isEqualTo("the text");

        StubService.Seen read = service.seen.get(1);
        assertThat(read.method()).isEqualTo("POST");
        assertThat(read.headers().get("X-http-method-override")).containsExactly("GET");
    }

    @Test
    void anyCallWhenServerPublishesNoKeysThenFailsClosedAndSendsNothing() {
        service.publishKeys = false;

        assertThatThrownBy(() -> client().createPrompt("text", "secret", null))
                .isInstanceOf(ConnectionFailedException.class)
                .hasMessageContaining("publishes no HPKE keys");
        assertThat(service.seen).isEmpty();
    }

    @Test
    void anyCallWhenNoKeysAndPlaintextExplicitlyAllowedThenSentInPlaintext() {
        service.publishKeys = false;
        service.handler = s -> Answer.json(201, "{\"id\":\"p-2\",\"version\":1}");

        E2eeClient client = E2eeClient.builder(service.url())
                .token("tok", null)
                .allowPlaintext(true)
                .build();

        assertThat(client.createPrompt("text", "secret", null).id()).isEqualTo("p-2");
        assertThat(service.seen.get(0).plaintext()).contains("\"promptText\":\"text\"");
    }

    @Test
    void callWhenServerAnswers429WithRetryAfterThenRetriedAndSucceeds() {
        AtomicInteger calls = new AtomicInteger();
        service.handler = s -> calls.incrementAndGet() == 1
                ? new Answer(429, "{\"status\":429}", Map.of("Retry-After", "1"), true)
                : Answer.json(201, "{\"id\":\"p-3\",\"version\":1}");

        E2eeClient client = E2eeClient.builder(service.url()).token("tok", null).build();

        assertThat(client.createPrompt("t", "s", null).id()).isEqualTo("p-3");
        assertThat(calls).hasValue(2);
    }

    @Test
    void callWhenServerKeepsAnswering503ThenGivesUpAfterMaxAttemptsWithTheProblem() {
        service.handler = s -> new Answer(
                503,
                "{\"status\":503,\"title\":\"Service unavailable\",\"code\":\"X\"}",
                Map.of("Retry-After", "0"),
                true);

        E2eeClient client = E2eeClient.builder(service.url())
                .token("tok", null)
                .maxAttempts(3)
                .build();

        assertThatThrownBy(() -> client.createPrompt("t", "s", null))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.status()).isEqualTo(503);
                    assertThat(e.authenticated()).isTrue();
                });
        assertThat(service.seen).hasSize(3);
    }

    @Test
    void successWhenNotSealedThenRefusedAsUntrusted() {
        service.handler = s -> new Answer(200, "{\"id\":\"forged\"}", Map.of(), false);

        E2eeClient client = E2eeClient.builder(service.url()).token("tok", null).build();

        assertThatThrownBy(() -> client.getPrompt("p")).isInstanceOf(ConnectionFailedException.class);
    }

    @Test
    void errorWhenNotSealedThenReportedAsUnauthenticated() {
        service.handler = s -> new Answer(403, "{\"status\":403,\"title\":\"Forbidden\"}", Map.of(), false);

        E2eeClient client = E2eeClient.builder(service.url()).token("tok", null).build();

        assertThatThrownBy(() -> client.getPrompt("p"))
                .isInstanceOfSatisfying(
                        ProblemException.class,
                        e -> assertThat(e.authenticated()).isFalse());
    }

    @Test
    void callWhenTokenIsRejectedThenTheApiKeyIsExchangedAgainOnce() {
        AtomicInteger tokens = new AtomicInteger();
        AtomicInteger reads = new AtomicInteger();
        service.handler = s -> {
            if (s.path().endsWith("/auth/token")) {
                return Answer.json(200, TOKEN_ANSWER.replace("tok-1", "tok-" + tokens.incrementAndGet()));
            }
            return reads.incrementAndGet() == 1
                    ? Answer.json(401, "{\"status\":401,\"title\":\"Unauthorized\"}")
                    : Answer.json(200, "{\"id\":\"p\",\"promptText\":\"x\"}");
        };

        assertThat(client().getPrompt("p").text()).isEqualTo("x");
        assertThat(tokens).hasValue(2);
        assertThat(service.seen.get(3).headers().get("Authorization")).containsExactly("Bearer tok-2");
    }

    @Test
    void sessionsWhenPromptServiceHasItsOwnAddressThenTheyGoThere() throws Exception {
        try (StubService prompts = new StubService()) {
            prompts.handler = s -> Answer.json(201, "{\"id\":\"s-1\",\"turns\":0}");
            E2eeClient client = E2eeClient.builder(service.url())
                    .promptServiceUrl(prompts.url())
                    .token("tok", null)
                    .build();

            assertThat(client.createSession().id()).isEqualTo("s-1");
            assertThat(prompts.seen).hasSize(1);
            assertThat(service.seen).isEmpty();
            assertThat(List.of(prompts.seen.get(0).path())).containsExactly("/api/v1/sessions");
        }
    }
}
