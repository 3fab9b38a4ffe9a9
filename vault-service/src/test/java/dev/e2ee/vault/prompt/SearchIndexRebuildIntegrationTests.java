package dev.e2ee.vault.prompt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.e2ee.platform.security.Role;
import dev.e2ee.vault.VaultIntegrationTest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Search tokens written under the shared key (version 1) are rebuilt per owner while search keeps finding them. */
class SearchIndexRebuildIntegrationTests extends VaultIntegrationTest {

    @Autowired
    private BlindIndex index;

    @Autowired
    private PromptTokenRebuilder rebuilder;

    @Test
    void rebuildWhenRowsHaveSharedKeyTokensThenConvertedAndSearchFindsThemBeforeAndAfter() {
        String token = token(newSubject(), Role.USER);
        String id = createPrompt(token, "Confidential merger memo", "pw");
        String untouched = createPrompt(token, "Merger timeline", "pw");
        replaceWithVersion1Tokens(id, "confidential", "merger", "memo");
        assertThat(rebuilder.remaining()).isPositive();

        assertThat(search(token, "merger%20memo")).containsExactly(id);
        assertThat(search(token, "merger")).containsExactlyInAnyOrder(id, untouched);

        HttpResponse<String> rebuild =
                post("/api/v1/keys/blind-index/rebuild?batchSize=1&maxBatches=1000", adminToken(), Map.of());

        assertThat(rebuild.statusCode()).isEqualTo(200);
        assertThat(body(rebuild)).containsEntry("remaining", 0).containsEntry("complete", true);
        assertThat(rebuild.body()).doesNotContainIgnoringCase("merger");
        assertThat(jdbc.queryForList(
                        "SELECT length(token) FROM prompt_search_tokens WHERE prompt_id = ?::uuid", Integer.class, id))
                .hasSize(3)
                .containsOnly(BlindIndex.TOKEN_LENGTH);
        assertThat(search(token, "merger%20memo")).containsExactly(id);
        assertThat(search(token, "MERGER")).containsExactlyInAnyOrder(id, untouched);
        assertThat(search(userToken(), "merger")).isEmpty();
    }

    @Test
    void rebuildWhenCalledByANonAdminThen403() {
        assertThat(post("/api/v1/keys/blind-index/rebuild", userToken(), Map.of())
                        .statusCode())
                .isEqualTo(403);
    }

    private void replaceWithVersion1Tokens(String promptId, String... words) {
        jdbc.update("DELETE FROM prompt_search_tokens WHERE prompt_id = ?::uuid", promptId);
        for (String word : words) {
            jdbc.update(
                    "INSERT INTO prompt_search_tokens (prompt_id, token) VALUES (?, ?)",
                    UUID.fromString(promptId),
                    index.legacyToken(word));
        }
    }

    private List<Object> search(String token, String words) {
        return data(get("/api/v1/prompts?search=" + words, token)).stream()
                .map(p -> p.get("id"))
                .toList();
    }
}
