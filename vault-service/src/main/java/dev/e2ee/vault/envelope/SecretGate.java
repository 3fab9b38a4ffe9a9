package dev.e2ee.vault.envelope;

import dev.e2ee.crypto.SecretVerifier;
import dev.e2ee.platform.security.E2eePrincipal;
import dev.e2ee.vault.envelope.EnvelopeExceptions.SecretRejectedException;
import dev.e2ee.vault.envelope.EnvelopeExceptions.TooManySecretFailuresException;
import dev.e2ee.vault.prompt.Prompt;
import dev.e2ee.vault.prompt.PromptAccess;
import java.time.Duration;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Opens a prompt for sealing. A caller who may not see the prompt (or it does not exist) gets the same refusal as
 * a wrong secret and counts nothing, so nobody can lock an owner out of a prompt they cannot see. For a visible
 * prompt one attempt is reserved against its limit before the secret is checked (constant time) and given back
 * when it was right, so concurrent guesses cannot exceed the limit.
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
        Prompt prompt = prompts.findVisible(promptId, principal)
                .orElseThrow(() -> new SecretRejectedException("prompt_not_visible"));
        Duration blocked = failures.reserve(promptId);
        if (!blocked.isZero()) {
            throw new TooManySecretFailuresException(blocked);
        }
        if (!verifier.matches(promptId, secret, prompt.secretVerifier())) {
            throw new SecretRejectedException("wrong_secret");
        }
        failures.release(promptId);
        return prompt;
    }
}
