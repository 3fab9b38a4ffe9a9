package dev.e2ee.vault.prompt;

import dev.e2ee.platform.security.E2eePrincipal;
import dev.e2ee.vault.audit.AuditRecorder;
import dev.e2ee.vault.prompt.PromptExceptions.PromptNotFoundException;
import dev.e2ee.vault.prompt.PromptResponses.PromptResponse;
import dev.e2ee.vault.prompt.PromptResponses.PromptVersionResponse;
import dev.e2ee.vault.prompt.PromptResponses.VersionHistory;
import dev.e2ee.vault.web.JsonMetadata;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads one prompt with its text, or its version history (both audited). */
@Service
class PromptQueries {

    static final String READ = "SELECT id, status, version, encrypted_text, metadata, created_at, updated_at"
            + " FROM prompts WHERE id = ? AND deleted_at IS NULL AND (owner = ? OR ?)";
    private static final String READ_DETAILS = "jsonb_build_object('version', r.version)";

    private final PromptService service;
    private final PromptVersionRepository versions;
    private final PromptCipher cipher;
    private final JsonMetadata metadata;
    private final AuditRecorder audit;

    PromptQueries(
            PromptService service,
            PromptVersionRepository versions,
            PromptCipher cipher,
            JsonMetadata metadata,
            AuditRecorder audit) {
        this.service = service;
        this.versions = versions;
        this.cipher = cipher;
        this.metadata = metadata;
        this.audit = audit;
    }

    /**
     * One statement reads the prompt, if the principal may see it (the rule of {@link PromptAccess#visibleTo}), and
     * records its audit row; then the text is decrypted. The row records that the ciphertext left the database for this
     * principal: if decryption then fails (a tampered row), the answer is a 500 and the row stays, which over-reports
     * rather than hides a read.
     */
    PromptResponse read(UUID id, E2eePrincipal principal, List<?> envelopes) {
        Object[] args = {id, principal.subject(), principal.isAdmin()};
        return audit.read(READ, args, (rs, n) -> opened(rs, envelopes), "prompt.read", "prompt", id, READ_DETAILS)
                .orElseThrow(PromptNotFoundException::new);
    }

    private PromptResponse opened(ResultSet row, List<?> envelopes) throws SQLException {
        UUID id = row.getObject("id", UUID.class);
        long version = row.getLong("version");
        return new PromptResponse(
                id,
                row.getString("status"),
                version,
                cipher.open(PromptCipher.PROMPTS, id, version, row.getBytes("encrypted_text")),
                metadata.read(row.getString("metadata")),
                row.getObject("created_at", OffsetDateTime.class).toInstant(),
                row.getObject("updated_at", OffsetDateTime.class).toInstant(),
                envelopes);
    }

    @Transactional
    VersionHistory history(UUID id, E2eePrincipal principal) {
        Prompt prompt = service.visible(id, principal);
        List<PromptVersionResponse> all = versions.findByPromptIdOrderByVersionDesc(id).stream()
                .map(v -> new PromptVersionResponse(
                        v.getVersion(),
                        cipher.open(PromptCipher.VERSIONS, v.getId(), v.getVersion(), v.getEncryptedText()),
                        metadata.read(v.getMetadata()),
                        v.getCreatedBy(),
                        v.getCreatedAt()))
                .toList();
        audit.success("prompt.versions.read", "prompt", id, Map.of("versions", all.size()));
        return new VersionHistory(id, prompt.getVersion(), all);
    }

    PromptResponse response(Prompt prompt, String text, List<?> envelopes) {
        return PromptResponse.of(prompt, text, metadata.read(prompt.getMetadata()), envelopes);
    }
}
