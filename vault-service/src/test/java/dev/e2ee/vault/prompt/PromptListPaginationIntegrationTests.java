package dev.e2ee.vault.prompt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.e2ee.platform.security.Role;
import dev.e2ee.vault.VaultIntegrationTest;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Keyset pages of the prompt list ({@code pagination.nextCursor}) and its bounded total (docs/vault-api.md). */
class PromptListPaginationIntegrationTests extends VaultIntegrationTest {

    @Test
    void cursorWhenFollowedThenEveryPromptOnceInOrderAndNoCursorOnTheLastPage() {
        String token = userToken();
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(createPrompt(token, "prompt " + i, "s"));
        }

        List<Object> seen = new ArrayList<>();
        HttpResponse<String> page = get("/api/v1/prompts?limit=2&sortOrder=asc", token);
        assertThat(pagination(page)).containsEntry("page", 1).containsEntry("total", 5);
        while (true) {
            data(page).forEach(p -> seen.add(p.get("id")));
            Object next = pagination(page).get("nextCursor");
            if (next == null) {
                break;
            }
            page = get("/api/v1/prompts?limit=2&sortOrder=asc&cursor=" + next, token);
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(pagination(page)).doesNotContainKey("page").containsEntry("total", 5);
        }
        assertThat(seen).containsExactlyElementsOf(created);
    }

    @Test
    void cursorWhenMalformedThen400WithClearDetail() {
        String token = userToken();
        String notBase64 = "%%%";
        String wrongShape = Base64.getUrlEncoder().encodeToString("v1|createdAt".getBytes(StandardCharsets.UTF_8));
        String badInstant = Base64.getUrlEncoder()
                .encodeToString("v1|createdAt|desc|yesterday|not-a-uuid".getBytes(StandardCharsets.UTF_8));
        String outOfRange = Base64.getUrlEncoder()
                .encodeToString(("v1|createdAt|desc|+999999999-12-31T23:59:59Z|" + UUID.randomUUID())
                        .getBytes(StandardCharsets.UTF_8));
        for (String cursor : List.of(notBase64, wrongShape, badInstant, outOfRange, "x".repeat(201))) {
            HttpResponse<String> response =
                    get("/api/v1/prompts?cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8), token);

            assertThat(response.statusCode()).as(cursor).isEqualTo(400);
            assertThat(body(response)).as(cursor).containsEntry("code", "VALIDATION_ERROR");
        }
        assertThat(body(get("/api/v1/prompts?cursor=" + wrongShape, token)).get("detail"))
                .asString()
                .contains("cursor is malformed");
    }

    @Test
    void cursorWhenMadeForAnotherSortOrWithPageThen400() {
        String token = userToken();
        createPrompt(token, "a", "s");
        createPrompt(token, "b", "s");
        Object cursor = pagination(get("/api/v1/prompts?limit=1", token)).get("nextCursor");

        assertThat(get("/api/v1/prompts?limit=1&sortOrder=asc&cursor=" + cursor, token)
                        .statusCode())
                .isEqualTo(400);
        assertThat(get("/api/v1/prompts?limit=1&sortBy=updatedAt&cursor=" + cursor, token)
                        .statusCode())
                .isEqualTo(400);
        assertThat(get("/api/v1/prompts?limit=1&page=2&cursor=" + cursor, token).statusCode())
                .isEqualTo(400);
        assertThat(get("/api/v1/prompts?limit=1&cursor=" + cursor, token).statusCode())
                .isEqualTo(200);
    }

    @Test
    void totalWhenMoreMatchesThanTheExactLimitThenEstimatedAndFlagged() {
        String owner = newSubject();
        jdbc.update(
                "INSERT INTO prompts (id, owner, status, version, encrypted_text, kek_id, secret_verifier, metadata,"
                        + " created_at, updated_at) SELECT gen_random_uuid(), ?, 'active', 1, '\\x00', 'k', '\\x00',"
                        + " '{}', now(), now() FROM generate_series(1, ?)",
                owner,
                PromptListing.EXACT_TOTAL_UP_TO + 50);
        try {
            jdbc.execute("ANALYZE prompts");
            String token = token(owner, Role.USER);

            Map<String, Object> pagination = pagination(get("/api/v1/prompts?limit=5", token));

            assertThat(pagination).containsEntry("totalEstimated", true).containsKey("nextCursor");
            assertThat(((Number) pagination.get("total")).longValue()).isGreaterThan(PromptListing.EXACT_TOTAL_UP_TO);
            assertThat(pagination(get("/api/v1/prompts?limit=5", userToken()))).doesNotContainKey("totalEstimated");
        } finally {
            // placeholder ciphertexts: other tests (KEK re-wrap, token rebuild) walk every prompt row
            jdbc.update("DELETE FROM prompts WHERE owner = ?", owner);
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> pagination(HttpResponse<String> response) {
        return (Map<String, Object>) body(response).get("pagination");
    }
}
