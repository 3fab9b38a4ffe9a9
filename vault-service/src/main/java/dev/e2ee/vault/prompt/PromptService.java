package dev.e2ee.vault.prompt;

import dev.e2ee.crypto.SecretVerifier;
import dev.e2ee.platform.security.E2eePrincipal;
import dev.e2ee.vault.TimeOrderedIds;
import dev.e2ee.vault.audit.AuditRecorder;
import dev.e2ee.vault.prompt.PromptExceptions.PromptNotFoundException;
import dev.e2ee.vault.prompt.PromptExceptions.VersionConflictException;
import dev.e2ee.vault.prompt.PromptRequests.CreatePromptRequest;
import dev.e2ee.vault.prompt.PromptRequests.UpdatePromptRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates, changes and deletes prompts; every change is audited in its own transaction. */
@Service
class PromptService {

    private final PromptRepository prompts;
    private final PromptAccess access;
    private final PromptWriter writer;
    private final SecretVerifier verifier;
    private final AuditRecorder audit;
    private final Clock clock;

    PromptService(
            PromptRepository prompts,
            PromptAccess access,
            PromptWriter writer,
            SecretVerifier secretVerifier,
            AuditRecorder audit,
            Clock clock) {
        this.prompts = prompts;
        this.access = access;
        this.writer = writer;
        this.verifier = secretVerifier;
        this.audit = audit;
        this.clock = clock;
    }

    /** One statement writes the prompt, its first version, its tokens and its audit row (no transaction needed). */
    Prompt create(CreatePromptRequest request, E2eePrincipal principal) {
        UUID id = TimeOrderedIds.next();
        Prompt prompt = new Prompt(
                id,
                principal.subject(),
                verifier.verifier(id, request.secret()),
                writer.metadata(request.metadata()),
                now());
        writer.create(prompt, request.promptText(), principal);
        return prompt;
    }

    @Transactional
    Prompt update(UUID id, UpdatePromptRequest request, long expectedVersion, E2eePrincipal principal) {
        Prompt prompt = visible(id, principal);
        if (prompt.getVersion() != expectedVersion) {
            throw new VersionConflictException();
        }
        long next = expectedVersion + 1;
        String text = request.promptText() != null ? request.promptText() : writer.currentText(prompt);
        writer.storeText(prompt, next, text);
        prompt.update(
                request.metadata() != null ? writer.metadata(request.metadata()) : prompt.getMetadata(),
                request.status() != null ? PromptStatus.fromWire(request.status()) : prompt.getStatus(),
                now());
        try {
            prompts.saveAndFlush(prompt);
        } catch (ObjectOptimisticLockingFailureException e) {
            throw new VersionConflictException();
        }
        writer.recordVersion(prompt, next, text, principal, now());
        audit.success("prompt.update", "prompt", id, Map.of("version", next));
        return prompt;
    }

    @Transactional
    void delete(UUID id, E2eePrincipal principal) {
        visible(id, principal);
        if (prompts.softDelete(id, now()) != 1) {
            throw new PromptNotFoundException();
        }
        writer.removeTokens(id);
        audit.success("prompt.delete", "prompt", id, Map.of());
    }

    Prompt visible(UUID id, E2eePrincipal principal) {
        return access.findVisible(id, principal).orElseThrow(PromptNotFoundException::new);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
