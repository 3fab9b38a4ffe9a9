package dev.e2ee.vault.prompt;

import dev.e2ee.platform.security.E2eePrincipal;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Which prompts a principal may see: its own, or all for admins; never deleted ones. Also opens the current text,
 * for the envelope feature.
 */
@Component
public class PromptAccess {

    private final PromptRepository prompts;
    private final PromptCipher cipher;

    PromptAccess(PromptRepository prompts, PromptCipher cipher) {
        this.prompts = prompts;
        this.cipher = cipher;
    }

    /**
     * The prompt if it exists, is not deleted and the principal may see it. Uses a declared query method, which (unlike
     * {@code findById}) opens no read-only transaction of its own: outside a transaction it is one autocommit SELECT
     * instead of BEGIN/SELECT/COMMIT (envelope hot path, docs/performance.md); inside one it joins it.
     */
    public Optional<Prompt> findVisible(UUID id, E2eePrincipal principal) {
        return prompts.findOneById(id).filter(p -> !p.isDeleted()).filter(p -> visibleTo(p, principal));
    }

    public String currentText(Prompt prompt) {
        return cipher.open(PromptCipher.PROMPTS, prompt.getId(), prompt.getVersion(), prompt.getEncryptedText());
    }

    static boolean visibleTo(Prompt prompt, E2eePrincipal principal) {
        return principal.isAdmin() || prompt.getOwner().equals(principal.subject());
    }
}
