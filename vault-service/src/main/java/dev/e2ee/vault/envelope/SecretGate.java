package dev.e2ee.vault.envelope;

import dev.e2ee.crypto.SecretVerifier;
import dev.e2ee.platform.security.E2eePrincipal;
import dev.e2ee.vault.envelope.EnvelopeExceptions.SecretRejectedException;
import dev.e2ee.vault.envelope.EnvelopeExceptions.TooManySecretFailuresException;
import dev.e2ee.vault.prompt.Prompt;
import dev.e2ee.vault.prompt.PromptAccess;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Opens a prompt for sealing: refuses while the prompt's failed-attempt limit is reached, then checks visibility
 * and the secret (constant time) and answers every refusal the same way, counting it against the prompt.
 */
@Component
class SecretGate {

    private final PromptAccess prompts;
    private final SecretVerifier verifier;
    private final SecretFailureCounter failures;

    SecretGate(PromptAccess prompts, SecretVerifier secretVerifier, SecretFailureCounter failures) {
        this.prompts = prompts;
        this.verifier = secretVerifier;
        this.failures = failures;
    }

    Prompt unlock(UUID promptId, String secret, E2eePrincipal principal) {
        Duration blocked = failures.blockedFor(promptId);
        if (!blocked.isZero()) {
            throw new TooManySecretFailuresException(blocked);
        }
        Optional<Prompt> prompt = prompts.findVisible(promptId, principal);
        boolean matches = prompt.map(p -> verifier.matches(promptId, secret, p.getSecretVerifier()))
                .orElse(false);
        if (!matches) {
            failures.recordFailure(promptId);
            throw new SecretRejectedException(prompt.isPresent() ? "wrong_secret" : "prompt_not_visible");
        }
        return prompt.get();
    }
}
