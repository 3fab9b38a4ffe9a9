package dev.e2ee.prs.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.e2ee.prs.IntegrationTestBase;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class SessionIntegrationTests extends IntegrationTestBase {

    private String createSession(String token) {
        HttpResponse<String> created = post("/api/v1/sessions", token, "");
        assertThat(created.statusCode()).isEqualTo(201);
        return json(created).path("id").asString();
    }

    private HttpResponse<String> processIn(String sessionId, String token, String text) {
        return post(
                "/api/v1/prompts/process",
                token,
                "{\"promptText\":\"" + text + "\",\"sessionId\":\"" + sessionId + "\"}");
    }

    @Test
    void sessionWhenPromptsProcessedThenTurnsCountedAndTtlSlides() {
        String alice = userToken("alice");
        HttpResponse<String> created = post("/api/v1/sessions", alice, "");
        JsonNode body = json(created);
        String id = body.path("id").asString();

        assertThat(created.headers().firstValue("Location")).hasValue("/api/v1/sessions/" + id);
        assertThat(Instant.parse(body.path("expiresAt").asString())).isAfter(Instant.now());
        assertThat(processIn(id, alice, "first").statusCode()).isEqualTo(200);
        JsonNode second = json(processIn(id, alice, "second")).path("response");
        assertThat(second.at("/metadata/turns").asInt()).isEqualTo(2);
        assertThat(second.at("/metadata/historyTurns").asInt()).isEqualTo(1);
        assertThat(second.at("/metadata/cached").asBoolean()).isFalse();

        HttpResponse<String> fetched = get("/api/v1/sessions/" + id, alice);
        assertThat(fetched.statusCode()).isEqualTo(200);
        assertThat(json(fetched).path("turns").asInt()).isEqualTo(2);
        long ttlSeconds = redis.getExpire(SessionStore.key(UUID.fromString(id)));
        assertThat(ttlSeconds).isBetween(1L, 1800L);
        String stored = redis.opsForValue().get(SessionStore.key(UUID.fromString(id)));
        assertThat(stored).doesNotContain("first").doesNotContain("Processed");
    }

    @Test
    void sessionWhenAnotherUserAsksThenNotFound() {
        String id = createSession(userToken("alice"));
        String bob = userToken("bob");

        assertThat(get("/api/v1/sessions/" + id, bob).statusCode()).isEqualTo(404);
        assertThat(delete("/api/v1/sessions/" + id, bob).statusCode()).isEqualTo(404);
        assertThat(processIn(id, bob, "sneaky").statusCode()).isEqualTo(404);
        assertThat(json(get("/api/v1/sessions/" + id, userToken("alice")))
                        .path("turns")
                        .asInt())
                .isZero();
    }

    @Test
    void sessionWhenAliceValueCopiedUnderBobsSessionKeyThenBobGetsNotFound() {
        String alice = userToken("alice");
        String bob = userToken("bob");
        String aliceSession = createSession(alice);
        assertThat(processIn(aliceSession, alice, "alice private turn").statusCode())
                .isEqualTo(200);
        String bobSession = createSession(bob);

        String aliceValue = redis.opsForValue().get(SessionStore.key(UUID.fromString(aliceSession)));
        redis.opsForValue().set(SessionStore.key(UUID.fromString(bobSession)), aliceValue);

        HttpResponse<String> fetched = get("/api/v1/sessions/" + bobSession, bob);
        assertThat(fetched.statusCode()).isEqualTo(404);
        assertThat(fetched.body()).doesNotContain("alice private turn");
    }

    @Test
    void sessionWhenDeletedThenGone() {
        String alice = userToken("alice");
        String id = createSession(alice);

        assertThat(delete("/api/v1/sessions/" + id, alice).statusCode()).isEqualTo(204);
        assertThat(get("/api/v1/sessions/" + id, alice).statusCode()).isEqualTo(404);
        assertThat(redis.hasKey(SessionStore.key(UUID.fromString(id)))).isFalse();
    }

    @Test
    void sessionWhenIdMalformedOrUnknownThenClientError() {
        String alice = userToken("alice");

        assertThat(get("/api/v1/sessions/not-a-uuid", alice).statusCode()).isEqualTo(400);
        assertThat(get("/api/v1/sessions/" + java.util.UUID.randomUUID(), alice).statusCode())
                .isEqualTo(404);
        assertThat(post("/api/v1/sessions", null, "").statusCode()).isEqualTo(401);
    }
}
