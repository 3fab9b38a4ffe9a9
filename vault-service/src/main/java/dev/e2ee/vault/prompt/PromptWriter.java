package dev.e2ee.vault.prompt;

import dev.e2ee.platform.security.E2eePrincipal;
import dev.e2ee.vault.TimeOrderedIds;
import dev.e2ee.vault.audit.AuditEvent;
import dev.e2ee.vault.audit.AuditRecorder;
import dev.e2ee.vault.prompt.PromptExceptions.VersionConflictException;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Encrypts a prompt's text into the prompt row, its version history and its blind index, and audits the change. */
@Component
class PromptWriter {

    private final PromptCipher cipher;
    private final BlindIndex index;
    private final PromptRepository prompts;
    private final AuditRecorder audit;

    PromptWriter(PromptCipher cipher, BlindIndex index, PromptRepository prompts, AuditRecorder audit) {
        this.cipher = cipher;
        this.index = index;
        this.prompts = prompts;
        this.audit = audit;
    }

    /** A new prompt, its first version, its tokens and its audit row: one statement, no transaction needed. */
    Prompt create(UUID id, byte[] secretVerifier, String metadata, String text, E2eePrincipal principal, Instant now) {
        Prompt prompt = new Prompt(
                id,
                principal.subject(),
                PromptStatus.ACTIVE,
                1,
                cipher.seal(PromptCipher.PROMPTS, id, 1, text),
                secretVerifier,
                metadata,
                now,
                now);
        prompts.create(
                prompt,
                version(prompt, text, principal),
                index.tokens(prompt.owner(), text),
                audit.pending(new AuditEvent("prompt.create", "prompt", id, Map.of("version", 1))));
        return prompt;
    }

    /** Stores the next version of {@code current} (in the caller's transaction); a concurrent change is a 409. */
    Prompt update(
            Prompt current, String text, String metadata, PromptStatus status, E2eePrincipal principal, Instant now) {
        long version = current.version() + 1;
        Prompt next =
                current.next(cipher.seal(PromptCipher.PROMPTS, current.id(), version, text), metadata, status, now);
        if (!prompts.update(next)) {
            throw new VersionConflictException();
        }
        prompts.insertVersion(version(next, text, principal));
        prompts.replaceTokens(next.id(), index.tokens(next.owner(), text));
        audit.success("prompt.update", "prompt", next.id(), Map.of("version", version));
        return next;
    }

    /** Soft delete (in the caller's transaction); false when the prompt was already gone. */
    boolean delete(UUID id, Instant now) {
        if (!prompts.softDelete(id, now)) {
            return false;
        }
        prompts.removeTokens(id);
        audit.success("prompt.delete", "prompt", id, Map.of());
        return true;
    }

    private PromptVersion version(Prompt prompt, String text, E2eePrincipal principal) {
        UUID id = TimeOrderedIds.next();
        return new PromptVersion(
                id,
                prompt.id(),
                prompt.version(),
                cipher.seal(PromptCipher.VERSIONS, id, prompt.version(), text),
                prompt.metadata(),
                principal.subject(),
                prompt.updatedAt());
    }
}
