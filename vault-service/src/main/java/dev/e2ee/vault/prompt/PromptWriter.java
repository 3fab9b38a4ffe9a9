package dev.e2ee.vault.prompt;

import dev.e2ee.crypto.atrest.EncryptedRecord;
import dev.e2ee.platform.security.E2eePrincipal;
import dev.e2ee.vault.TimeOrderedIds;
import dev.e2ee.vault.audit.AuditRecorder;
import dev.e2ee.vault.audit.AuditRecorder.Change;
import dev.e2ee.vault.prompt.PromptExceptions.InvalidRequestException;
import dev.e2ee.vault.web.JsonMetadata;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Encrypts a prompt's text into the prompt row, its version history and its blind index. */
@Component
class PromptWriter {

    static final String INSERT_PROMPT = "INSERT INTO prompts (id, owner, status, version, encrypted_text, kek_id,"
            + " secret_verifier, metadata, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), ?, ?)";
    static final String INSERT_VERSION = "INSERT INTO prompt_versions (id, prompt_id, version, encrypted_text, kek_id,"
            + " metadata, created_by, created_at) VALUES (?, ?, ?, ?, ?, CAST(? AS jsonb), ?, ?)";

    private final PromptCipher cipher;
    private final PromptVersionRepository versions;
    private final PromptTokenStore tokens;
    private final BlindIndex index;
    private final JsonMetadata metadata;
    private final AuditRecorder audit;

    PromptWriter(
            PromptCipher cipher,
            PromptVersionRepository versions,
            PromptTokenStore tokens,
            BlindIndex index,
            JsonMetadata metadata,
            AuditRecorder audit) {
        this.cipher = cipher;
        this.versions = versions;
        this.tokens = tokens;
        this.index = index;
        this.metadata = metadata;
        this.audit = audit;
    }

    /**
     * A new prompt (its text not yet stored), its first version, its search tokens and its audit row, written by ONE
     * statement: they commit together in one round trip (JPA took a transaction and five statements; see
     * docs/performance.md).
     */
    void create(Prompt prompt, String text, E2eePrincipal principal) {
        storeText(prompt, 1, text);
        UUID versionId = TimeOrderedIds.next();
        EncryptedRecord version = cipher.seal(PromptCipher.VERSIONS, versionId, 1, text);
        Timestamp created = Timestamp.from(prompt.getCreatedAt());
        Change promptRow = new Change(
                INSERT_PROMPT,
                prompt.getId(),
                prompt.getOwner(),
                prompt.getStatus().wireName(),
                prompt.getVersion(),
                prompt.getEncryptedText(),
                prompt.getKekId(),
                prompt.getSecretVerifier(),
                prompt.getMetadata(),
                created,
                Timestamp.from(prompt.getUpdatedAt()));
        Change versionRow = new Change(
                INSERT_VERSION,
                versionId,
                prompt.getId(),
                1L,
                version.toBytes(),
                version.kekId(),
                prompt.getMetadata(),
                principal.subject(),
                created);
        Change tokenRows = tokens.insert(prompt.getId(), index.tokens(prompt.getOwner(), text));
        audit.successWith(
                List.of(promptRow, versionRow, tokenRows),
                "prompt.create",
                "prompt",
                prompt.getId(),
                Map.of("version", 1));
    }

    String metadata(Map<String, Object> value) {
        if (metadata.tooLarge(value)) {
            throw new InvalidRequestException("metadata must not exceed " + JsonMetadata.MAX_BYTES + " bytes");
        }
        return metadata.write(value);
    }

    void storeText(Prompt prompt, long version, String text) {
        EncryptedRecord record = cipher.seal(PromptCipher.PROMPTS, prompt.getId(), version, text);
        prompt.storeText(record.toBytes(), record.kekId());
    }

    String currentText(Prompt prompt) {
        return cipher.open(PromptCipher.PROMPTS, prompt.getId(), prompt.getVersion(), prompt.getEncryptedText());
    }

    /** Stores the version's text in the history and makes its words the prompt's search tokens. */
    void recordVersion(Prompt prompt, long version, String text, E2eePrincipal principal, Instant now) {
        UUID id = TimeOrderedIds.next();
        PromptVersion row =
                new PromptVersion(id, prompt.getId(), version, prompt.getMetadata(), principal.subject(), now);
        EncryptedRecord record = cipher.seal(PromptCipher.VERSIONS, id, version, text);
        row.storeText(record.toBytes(), record.kekId());
        versions.save(row);
        tokens.replace(prompt.getId(), index.tokens(prompt.getOwner(), text));
    }

    void removeTokens(UUID promptId) {
        tokens.remove(promptId);
    }
}
