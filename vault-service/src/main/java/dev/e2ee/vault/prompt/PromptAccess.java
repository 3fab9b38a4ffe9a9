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
     * The prompt if it exists, is not deleted and the principal may see it: outside a transaction one autocommit
     * SELECT (envelope hot path, docs/performance.md); inside one it joins it.
     */
    public Optional<Prompt> findVisible(UUID id, E2eePrincipal principal) {
        return prompts.findCurrent(id).filter(p -> visibleTo(p, principal));
    }

    public String currentText(Prompt prompt) {
        return cipher.open(PromptCipher.PROMPTS, prompt.id(), prompt.version(), prompt.text());
    }

    static boolean visibleTo(Prompt prompt, E2eePrincipal principal) {
        return principal.isAdmin() || prompt.owner().equals(principal.subject());
    }
}
