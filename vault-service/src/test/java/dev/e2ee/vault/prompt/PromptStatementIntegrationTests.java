package dev.e2ee.vault.prompt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.e2ee.crypto.atrest.EncryptedRecord;
import dev.e2ee.platform.security.AuthMethod;
import dev.e2ee.platform.security.E2eePrincipal;
import dev.e2ee.platform.security.Role;
import dev.e2ee.vault.VaultIntegrationTest;
import dev.e2ee.vault.audit.AuditEvent;
import dev.e2ee.vault.audit.AuditRecorder;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;

/**
 * Prompt creation is one SQL statement (prompt, first version, search tokens, audit row) and a read commits its audit
 * row in the statement that returns the text (docs/performance.md): what each writes, and that a failing part stores
 * nothing. Also the repository's optimistic update.
 */
class PromptStatementIntegrationTests extends VaultIntegrationTest {

    private static final EncryptedRecord TEXT = new EncryptedRecord("k", new byte[] {1}, new byte[12], new byte[16]);

    @Autowired
    AuditRecorder audit;

    @Autowired
    PromptRepository prompts;

    /** The placeholder ciphertexts go: the KEK re-wrap and token rebuild tests walk every prompt row. */
    @AfterEach
    void removePlaceholderRows() {
        jdbc.update("DELETE FROM prompt_search_tokens WHERE prompt_id IN (SELECT id FROM prompts WHERE kek_id = 'k')");
        jdbc.update("DELETE FROM prompt_versions WHERE kek_id = 'k'");
        jdbc.update("DELETE FROM prompts WHERE kek_id = 'k'");
    }

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
        Prompt prompt = prompt(UUID.randomUUID(), "owner");
        PromptVersion orphan =
                new PromptVersion(UUID.randomUUID(), UUID.randomUUID(), 1, TEXT, "{}", "owner", prompt.createdAt());

        assertThatThrownBy(() -> prompts.create(prompt, orphan, List.of(), pending(prompt.id())))
                .isInstanceOf(DataIntegrityViolationException.class);

        assertThat(count(
                        "SELECT count(*) FROM prompts WHERE id = ?::uuid",
                        prompt.id().toString()))
                .isZero();
        assertThat(count(
                        "SELECT count(*) FROM audit_logs WHERE resource_id = ?",
                        prompt.id().toString()))
                .isZero();
    }

    @Test
    void createThenRepositoryReadsTheSamePromptBack() {
        Prompt prompt = prompt(UUID.randomUUID(), newSubject());
        PromptVersion first = new PromptVersion(UUID.randomUUID(), prompt.id(), 1, TEXT, "{}", "o", prompt.createdAt());

        prompts.create(prompt, first, List.of(ByteBuffer.wrap(new byte[] {7})), pending(prompt.id()));

        Prompt read = prompts.findCurrent(prompt.id()).orElseThrow();
        assertThat(read).usingRecursiveComparison().isEqualTo(prompt);
        assertThat(prompts.versions(prompt.id())).extracting(PromptVersion::id).containsExactly(first.id());
    }

    @Test
    void updateWhenStoredVersionMovedOnThenFalseAndNothingChanged() {
        Prompt prompt = prompt(UUID.randomUUID(), newSubject());
        prompts.create(
                prompt,
                new PromptVersion(UUID.randomUUID(), prompt.id(), 1, TEXT, "{}", "o", prompt.createdAt()),
                List.of(),
                pending(prompt.id()));
        Prompt second = prompt.next(TEXT, "{\"a\":1}", PromptStatus.INACTIVE, Instant.now());

        assertThat(prompts.update(second)).isTrue();
        assertThat(prompts.update(second)).as("version 2 is stored already").isFalse();
        assertThat(prompts.findCurrent(prompt.id()).orElseThrow().status()).isEqualTo(PromptStatus.INACTIVE);
    }

    @Test
    void readWhenTextReturnedThenAuditRowCommittedAndWhenRefusedThenNone() {
        String owner = userToken();
        String id = createPrompt(owner, "read me", "pw");

        assertThat(get("/api/v1/prompts/" + id, owner).statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/prompts/" + id, userToken()).statusCode()).isEqualTo(404);
        E2eePrincipal stranger = new E2eePrincipal(newSubject(), Set.of(Role.USER), null, AuthMethod.JWT, null);
        assertThat(prompts.readAudited(UUID.fromString(id), stranger, pending(UUID.fromString(id))))
                .isEmpty();

        assertThat(jdbc.queryForList(
                        "SELECT outcome, details->>'version' AS version FROM audit_logs"
                                + " WHERE action = 'prompt.read' AND resource_id = ?",
                        id))
                .containsExactly(Map.of("outcome", "success", "version", "1"));
    }

    private dev.e2ee.vault.audit.PendingAudit pending(UUID id) {
        return audit.pending(new AuditEvent("prompt.read", "prompt", id, Map.of()));
    }

    private static Prompt prompt(UUID id, String owner) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return new Prompt(id, owner, PromptStatus.ACTIVE, 1, TEXT, new byte[] {2}, "{}", now, now);
    }

    private long count(String sql, String id) {
        return jdbc.queryForObject(sql, Long.class, id);
    }
}
