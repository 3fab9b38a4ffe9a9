package dev.e2ee.vault.prompt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.e2ee.platform.security.Role;
import dev.e2ee.vault.VaultIntegrationTest;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PromptApiIntegrationTests extends VaultIntegrationTest {

    @Test
    void createWhenValidThen201WithoutTextAndVersionOne() {
        HttpResponse<String> response =
                post("/api/v1/prompts", userToken(), Map.of("promptText", "hello there", "secret", "s3cret"));

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).startsWith("/api/v1/prompts/"));
        Map<String, Object> body = body(response);
        assertThat(body)
                .containsEntry("status", "active")
                .containsEntry("version", 1)
                .containsKeys("id", "createdAt", "updatedAt", "metadata");
        assertThat(body).doesNotContainKeys("promptText", "secret");
        assertThat(response.body()).doesNotContain("hello there").doesNotContain("s3cret");
    }

    @Test
    void seedCurlWhenFormContentTypeWithJsonBodyThen201() {
        HttpResponse<String> response = send(request("/api/v1/prompts", userToken())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("{\"promptText\": \"test\", \"secret\": \"test\"}")));

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(body(response)).containsEntry("status", "active");
    }

    @Test
    void getWhenOwnerThenTextWhenOtherUserThen404WhenAdminThenText() {
        String owner = userToken();
        String id = createPrompt(owner, "the secret plan", "pw");

        HttpResponse<String> mine = get("/api/v1/prompts/" + id, owner);
        assertThat(mine.statusCode()).isEqualTo(200);
        assertThat(body(mine)).containsEntry("promptText", "the secret plan").containsEntry("version", 1);
        assertThat(mine.headers().firstValue("ETag")).hasValue("\"1\"");

        HttpResponse<String> other = get("/api/v1/prompts/" + id, userToken());
        HttpResponse<String> missing = get("/api/v1/prompts/" + UUID.randomUUID(), userToken());
        assertThat(other.statusCode()).isEqualTo(404);
        assertThat(body(other)).containsEntry("code", "PROMPT_NOT_FOUND");
        assertThat(withoutVolatile(body(other))).isEqualTo(withoutVolatile(body(missing)));

        assertThat(body(get("/api/v1/prompts/" + id, adminToken()))).containsEntry("promptText", "the secret plan");
    }

    @Test
    void validationWhenBadBodiesThen400AndNothingStored() {
        String token = userToken();
        List<Object> bad = List.of(
                Map.of("promptText", "", "secret", "x"),
                Map.of("promptText", "   ", "secret", "x"),
                Map.of("promptText", "x".repeat(10_001), "secret", "x"),
                Map.of("promptText", "x", "secret", ""),
                Map.of("promptText", "x", "secret", "s".repeat(256)),
                Map.of("promptText", "x"),
                Map.of("secret", "x"),
                Map.of("promptText", "x", "secret", "x", "unknown", 1),
                "{\"promptText\": \"x\", ",
                "[]");
        for (Object body : bad) {
            HttpResponse<String> response = post("/api/v1/prompts", token, body);
            assertThat(response.statusCode())
                    .as(String.valueOf(body)
                            .substring(0, Math.min(60, String.valueOf(body).length())))
                    .isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
            assertThat(body(response)).containsKeys("type", "title", "status", "detail", "code", "requestId");
        }
        assertThat(data(get("/api/v1/prompts", token))).isEmpty();
    }

    @Test
    void validationWhenBoundaryLengthsThenAccepted() {
        String token = userToken();
        HttpResponse<String> response =
                post("/api/v1/prompts", token, Map.of("promptText", "x".repeat(10_000), "secret", "s".repeat(255)));
        assertThat(response.statusCode()).isEqualTo(201);
    }

    @Test
    void validationErrorWhenFieldInvalidThenErrorsList() {
        HttpResponse<String> response = post("/api/v1/prompts", userToken(), Map.of("promptText", "", "secret", "x"));

        assertThat(body(response)).containsEntry("code", "VALIDATION_ERROR");
        assertThat(response.body()).contains("promptText");
    }

    @Test
    void bodyOverOneMebibyteWhenPostedThen413() {
        String huge = "{\"promptText\": \"" + "x".repeat(1_100_000) + "\", \"secret\": \"x\"}";
        HttpResponse<String> response = post("/api/v1/prompts", userToken(), huge);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(body(response)).containsEntry("code", "PAYLOAD_TOO_LARGE");
    }

    @Test
    void requestIdWhenGivenThenEchoedAndWhenMissingThenGenerated() {
        HttpResponse<String> given = send(request("/api/v1/prompts", userToken())
                .header("X-Request-ID", "req-abc-123")
                .GET());
        HttpResponse<String> generated = get("/api/v1/prompts", userToken());

        assertThat(given.headers().firstValue("X-Request-ID")).hasValue("req-abc-123");
        assertThat(generated.headers().firstValue("X-Request-ID")).isPresent();
    }

    @Test
    void listWhenQueryInvalidThen400() {
        String token = userToken();
        for (String query : List.of(
                "sortBy=owner",
                "sortBy=encryptedText",
                "sortOrder=sideways",
                "limit=101",
                "limit=0",
                "page=0",
                "page=abc",
                "status=deleted")) {
            assertThat(get("/api/v1/prompts?" + query, token).statusCode())
                    .as(query)
                    .isEqualTo(400);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void listWhenPagedAndSortedThenOwnPromptsOnlyInOrder() {
        String token = userToken();
        String first = createPrompt(token, "one", "s");
        String second = createPrompt(token, "two", "s");
        String third = createPrompt(token, "three", "s");
        createPrompt(userToken(), "someone else", "s");

        HttpResponse<String> page1 = get("/api/v1/prompts?limit=2&page=1&sortBy=createdAt&sortOrder=asc", token);
        HttpResponse<String> page2 = get("/api/v1/prompts?limit=2&page=2&sortBy=createdAt&sortOrder=asc", token);

        assertThat(data(page1)).extracting(p -> p.get("id")).containsExactly(first, second);
        assertThat(data(page2)).extracting(p -> p.get("id")).containsExactly(third);
        assertThat((Map<String, Object>) body(page1).get("pagination"))
                .containsAllEntriesOf(Map.of("page", 1, "limit", 2, "total", 3, "totalPages", 2))
                .containsKey("nextCursor")
                .doesNotContainKey("totalEstimated");
        assertThat((Map<String, Object>) body(page2).get("pagination")).doesNotContainKey("nextCursor");
        assertThat(data(page1)).allSatisfy(p -> assertThat(p).doesNotContainKey("promptText"));
        assertThat(data(get("/api/v1/prompts?sortOrder=desc", token)))
                .extracting(p -> p.get("id"))
                .containsExactly(third, second, first);
    }

    @Test
    void searchWhenAllWordsPresentCaseInsensitiveThenMatch() {
        String token = userToken();
        String both = createPrompt(token, "Quarterly REVENUE forecast, draft", "s");
        String one = createPrompt(token, "revenue only", "s");
        createPrompt(token, "unrelated", "s");

        assertThat(data(get("/api/v1/prompts?search=revenue%20QUARTERLY", token)))
                .extracting(p -> p.get("id"))
                .containsExactly(both);
        assertThat(data(get("/api/v1/prompts?search=Revenue", token)))
                .extracting(p -> p.get("id"))
                .containsExactlyInAnyOrder(both, one);
        assertThat(data(get("/api/v1/prompts?search=revenu", token))).isEmpty();
        assertThat(data(get("/api/v1/prompts?search=revenue", userToken()))).isEmpty();
    }

    @Test
    void updateWhenVersionCurrentThenNewVersionAndHistoryKept() {
        String token = userToken();
        String id = createPrompt(token, "version one", "s");

        HttpResponse<String> updated =
                put("/api/v1/prompts/" + id, token, Map.of("promptText", "version two", "version", 1));
        assertThat(updated.statusCode()).isEqualTo(200);
        assertThat(body(updated)).containsEntry("version", 2);

        HttpResponse<String> viaIfMatch = send(request("/api/v1/prompts/" + id, token)
                .header("Content-Type", "application/json")
                .header("If-Match", "\"2\"")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"metadata\": {\"tag\": \"x\"}}")));
        assertThat(viaIfMatch.statusCode()).isEqualTo(200);
        assertThat(body(viaIfMatch)).containsEntry("version", 3).containsEntry("metadata", Map.of("tag", "x"));

        assertThat(body(get("/api/v1/prompts/" + id, token))).containsEntry("promptText", "version two");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> versions = (List<Map<String, Object>>)
                body(get("/api/v1/prompts/" + id + "/versions", token)).get("versions");
        assertThat(versions).extracting(v -> v.get("version")).containsExactly(3, 2, 1);
        assertThat(versions)
                .extracting(v -> v.get("promptText"))
                .containsExactly("version two", "version two", "version one");
        assertThat(search(token, "one")).containsExactly();
        assertThat(search(token, "two")).containsExactly(id);
    }

    @Test
    void updateWhenVersionStaleThen409AndWhenMissingThen428() {
        String token = userToken();
        String id = createPrompt(token, "original", "s");
        assertThat(put("/api/v1/prompts/" + id, token, Map.of("promptText", "first writer", "version", 1))
                        .statusCode())
                .isEqualTo(200);

        HttpResponse<String> stale =
                put("/api/v1/prompts/" + id, token, Map.of("promptText", "second writer", "version", 1));
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(body(stale)).containsEntry("code", "VERSION_CONFLICT");
        assertThat(put("/api/v1/prompts/" + id, token, Map.of("promptText", "no version"))
                        .statusCode())
                .isEqualTo(428);
        assertThat(put("/api/v1/prompts/" + id, userToken(), Map.of("promptText", "intruder", "version", 2))
                        .statusCode())
                .isEqualTo(404);
        assertThat(body(get("/api/v1/prompts/" + id, token)))
                .containsEntry("promptText", "first writer")
                .containsEntry("version", 2);
    }

    @Test
    void deleteWhenOwnerThen204ThenReadsAnswer404() {
        String token = userToken();
        String id = createPrompt(token, "short lived words", "s");

        assertThat(delete("/api/v1/prompts/" + id, userToken()).statusCode()).isEqualTo(404);
        assertThat(delete("/api/v1/prompts/" + id, token).statusCode()).isEqualTo(204);
        assertThat(get("/api/v1/prompts/" + id, token).statusCode()).isEqualTo(404);
        assertThat(get("/api/v1/prompts/" + id + "/versions", token).statusCode())
                .isEqualTo(404);
        assertThat(delete("/api/v1/prompts/" + id, token).statusCode()).isEqualTo(404);
        assertThat(data(get("/api/v1/prompts", token))).isEmpty();
        assertThat(search(token, "lived")).isEmpty();
    }

    @Test
    void auditorWhenUsingPromptsThen403() {
        String auditor = token(newSubject(), Role.AUDITOR);
        assertThat(get("/api/v1/prompts", auditor).statusCode()).isEqualTo(403);
        assertThat(post("/api/v1/prompts", auditor, Map.of("promptText", "x", "secret", "y"))
                        .statusCode())
                .isEqualTo(403);
    }

    private List<Object> search(String token, String words) {
        return data(get("/api/v1/prompts?search=" + words, token)).stream()
                .map(p -> p.get("id"))
                .toList();
    }

    private static Map<String, Object> withoutVolatile(Map<String, Object> body) {
        Map<String, Object> copy = new java.util.HashMap<>(body);
        copy.remove("requestId");
        copy.remove("instance");
        return copy;
    }
}
