package dev.e2ee.vault.prompt;

import dev.e2ee.platform.security.E2eePrincipal;
import dev.e2ee.vault.audit.AuditEvent;
import dev.e2ee.vault.audit.AuditRecorder;
import dev.e2ee.vault.prompt.PromptExceptions.PromptNotFoundException;
import dev.e2ee.vault.prompt.PromptResponses.PromptResponse;
import dev.e2ee.vault.prompt.PromptResponses.PromptVersionResponse;
import dev.e2ee.vault.prompt.PromptResponses.VersionHistory;
import dev.e2ee.vault.web.JsonMetadata;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads one prompt with its text, or its version history (both audited). */
@Service
class PromptQueries {

    private final PromptService service;
    private final PromptRepository prompts;
    private final PromptCipher cipher;
    private final JsonMetadata metadata;
    private final AuditRecorder audit;

    PromptQueries(
            PromptService service,
            PromptRepository prompts,
            PromptCipher cipher,
            JsonMetadata metadata,
            AuditRecorder audit) {
        this.service = service;
        this.prompts = prompts;
        this.cipher = cipher;
        this.metadata = metadata;
        this.audit = audit;
    }

    /**
     * One statement reads the prompt, if the principal may see it, and records its audit row; then the text is
     * decrypted. The row records that the ciphertext left the database for this principal: if decryption then fails
     * (a tampered row), the answer is a 500 and the row stays, which over-reports rather than hides a read.
     */
    PromptResponse read(UUID id, E2eePrincipal principal, List<?> envelopes) {
        Prompt prompt = prompts.readAudited(
                        id, principal, audit.pending(new AuditEvent("prompt.read", "prompt", id, Map.of())))
                .orElseThrow(PromptNotFoundException::new);
        String text = cipher.open(PromptCipher.PROMPTS, id, prompt.version(), prompt.text());
        return response(prompt, text, envelopes);
    }

    @Transactional
    VersionHistory history(UUID id, E2eePrincipal principal) {
        Prompt prompt = service.visible(id, principal);
        List<PromptVersionResponse> all = prompts.versions(id).stream()
                .map(v -> new PromptVersionResponse(
                        v.version(),
                        cipher.open(PromptCipher.VERSIONS, v.id(), v.version(), v.text()),
                        metadata.read(v.metadata()),
                        v.createdBy(),
                        v.createdAt()))
                .toList();
        audit.success("prompt.versions.read", "prompt", id, Map.of("versions", all.size()));
        return new VersionHistory(id, prompt.version(), all);
    }

    PromptResponse response(Prompt prompt, String text, List<?> envelopes) {
        return new PromptResponse(
                prompt.id(),
                prompt.status().wireName(),
                prompt.version(),
                text,
                metadata.read(prompt.metadata()),
                prompt.createdAt(),
                prompt.updatedAt(),
                envelopes);
    }
}
