package dev.e2ee.vault.prompt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.e2ee.vault.VaultIntegrationTest;
import dev.e2ee.vault.audit.AuditRecorder;
import dev.e2ee.vault.audit.AuditRecorder.Change;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;

/**
 * Prompt creation is one SQL statement (prompt, first version, search tokens, audit row) and a read commits its audit
 * row before the text is returned (docs/performance.md): what each writes, and that a failing part stores nothing.
 */
class PromptStatementIntegrationTests extends VaultIntegrationTest {

    @Autowired
    AuditRecorder audit;

    @Test
    void createWhenValidThenPromptFirstVersionTokensAndAuditRowTogether() {
        String id = createPrompt(userToken(), "Alpha beta, alpha GAMMA", "pw");

        assertThat(count("SELECT count(*) FROM prompts WHERE id = ?::uuid AND version = 1", id))
                .isEqualTo(1);
        assertThat(count("SELECT count(*) FROM prompt_versions WHERE prompt_id = ?::uuid AND version = 1", id))
                .isEqualTo(1);
        assertThat(count("SELECT count(*) FROM prompt_search_tokens WHERE prompt_id = ?::uuid", id))
                .as("one token per distinct word")
                .isEqualTo(3);
        assertThat(count("SELECT count(*) FROM audit_logs WHERE action = 'prompt.create' AND resource_id = ?", id))
                .isEqualTo(1);
    }

    @Test
    void createWhenOnePartFailsThenNothingStoredAndNoAuditRow() {
        UUID id = UUID.randomUUID();
        Timestamp now = Timestamp.from(Instant.now());
        Change prompt = new Change(
                PromptWriter.INSERT_PROMPT,
                id,
                "owner",
                "active",
                1L,
                new byte[] {1},
                "k",
                new byte[] {2},
                "{}",
                now,
                now);
        Change orphanVersion = new Change(
                PromptWriter.INSERT_VERSION,
                UUID.randomUUID(),
                UUID.randomUUID(),
                1L,
                new byte[] {3},
                "k",
                "{}",
                "owner",
                now);

        assertThatThrownBy(() -> audit.successWith(
                        List.of(prompt, orphanVersion), "prompt.create", "prompt", id, Map.of("version", 1)))
                .isInstanceOf(DataIntegrityViolationException.class);

        assertThat(count("SELECT count(*) FROM prompts WHERE id = ?::uuid", id.toString()))
                .isZero();
        assertThat(count("SELECT count(*) FROM audit_logs WHERE resource_id = ?", id.toString()))
                .isZero();
    }

    @Test
    void readWhenTextReturnedThenAuditRowCommittedAndWhenRefusedThenNone() {
        String owner = userToken();
        String id = createPrompt(owner, "read me", "pw");

        assertThat(get("/api/v1/prompts/" + id, owner).statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/prompts/" + id, userToken()).statusCode()).isEqualTo(404);

        assertThat(jdbc.queryForList(
                        "SELECT outcome, details->>'version' AS version FROM audit_logs"
                                + " WHERE action = 'prompt.read' AND resource_id = ?",
                        id))
                .containsExactly(Map.of("outcome", "success", "version", "1"));
    }

    private long count(String sql, String id) {
        return jdbc.queryForObject(sql, Long.class, id);
    }
}
