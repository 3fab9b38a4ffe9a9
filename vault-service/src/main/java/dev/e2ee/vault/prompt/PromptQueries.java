package dev.e2ee.vault.prompt;

import dev.e2ee.platform.security.E2eePrincipal;
import dev.e2ee.vault.audit.AuditRecorder;
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

    /** No transaction: one SELECT, then the audit row commits before the text is returned (two round trips). */
    PromptResponse read(UUID id, E2eePrincipal principal, List<?> envelopes) {
        Prompt prompt = service.visible(id, principal);
        String text = cipher.open(PromptCipher.PROMPTS, id, prompt.getVersion(), prompt.getEncryptedText());
        audit.read("prompt.read", "prompt", id, Map.of("version", prompt.getVersion()));
        return response(prompt, text, envelopes);
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
