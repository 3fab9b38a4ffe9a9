package dev.e2ee.vault.envelope;

import dev.e2ee.crypto.CryptoException;
import dev.e2ee.crypto.SecretVerifier;
import dev.e2ee.crypto.envelope.Envelope;
import dev.e2ee.crypto.envelope.EnvelopeContent;
import dev.e2ee.crypto.envelope.Recipient;
import dev.e2ee.platform.security.E2eePrincipal;
import dev.e2ee.vault.audit.AuditRecorder;
import dev.e2ee.vault.envelope.EnvelopeExceptions.EnvelopeSealingFailedException;
import dev.e2ee.vault.envelope.EnvelopeExceptions.InvalidEnvelopeRequestException;
import dev.e2ee.vault.envelope.EnvelopeExceptions.PromptInactiveException;
import dev.e2ee.vault.envelope.EnvelopeExceptions.SecretRejectedException;
import dev.e2ee.vault.envelope.EnvelopeExceptions.TooManySecretFailuresException;
import dev.e2ee.vault.envelope.EnvelopeRequests.CreateEnvelopeRequest;
import dev.e2ee.vault.prompt.Prompt;
import dev.e2ee.vault.prompt.PromptAccess;
import dev.e2ee.vault.prompt.PromptStatus;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * Issues envelopes: checks the failed-attempt limit, the prompt's visibility and secret (one answer for every
 * refusal), its status, then seals its text to the receiver's key with the vault's signing keyring.
 */
@Service
class EnvelopeService {

    static final String ACTION = "envelope.create";

    private final PromptAccess prompts;
    private final SecretVerifier verifier;
    private final SecretFailureCounter failures;
    private final EnvelopeSealing sealing;
    private final EnvelopeStore store;
    private final AuditRecorder audit;
    private final EnvelopeMetrics metrics;
    private final Clock clock;

    EnvelopeService(
            PromptAccess prompts,
            SecretVerifier secretVerifier,
            SecretFailureCounter failures,
            EnvelopeSealing sealing,
            EnvelopeStore store,
            AuditRecorder audit,
            EnvelopeMetrics metrics,
            ObjectProvider<Clock> clock) {
        this.prompts = prompts;
        this.verifier = secretVerifier;
        this.failures = failures;
        this.sealing = sealing;
        this.store = store;
        this.audit = audit;
        this.metrics = metrics;
        this.clock = clock.getIfUnique(Clock::systemUTC);
    }

    Envelope create(CreateEnvelopeRequest request, E2eePrincipal principal) {
        UUID promptId = request.promptId();
        if (request.expiresAt() != null && !request.expiresAt().isAfter(clock.instant())) {
            throw refused(
                    promptId, "expiry_in_past", new InvalidEnvelopeRequestException("expiresAt must be in the future"));
        }
        Duration blocked = failures.blockedFor(promptId);
        if (!blocked.isZero()) {
            throw refused(promptId, "secret_attempts_exceeded", new TooManySecretFailuresException(blocked));
        }
        Prompt prompt = checkSecret(promptId, request.secret(), principal);
        if (prompt.getStatus() != PromptStatus.ACTIVE) {
            throw refused(promptId, "prompt_inactive", new PromptInactiveException());
        }
        Recipient recipient = sealing.recipient(request.receiverPublicKeyId());
        Envelope envelope = seal(prompt, recipient, request);
        store.save(envelope, prompt, principal);
        metrics.created("success");
        return envelope;
    }

    private Prompt checkSecret(UUID promptId, String secret, E2eePrincipal principal) {
        Optional<Prompt> prompt = prompts.findVisible(promptId, principal);
        boolean matches = prompt.map(p -> verifier.matches(promptId, secret, p.getSecretVerifier()))
                .orElse(false);
        if (!matches) {
            failures.recordFailure(promptId);
            throw refused(
                    promptId,
                    prompt.isPresent() ? "wrong_secret" : "prompt_not_visible",
                    new SecretRejectedException());
        }
        return prompt.get();
    }

    private Envelope seal(Prompt prompt, Recipient recipient, CreateEnvelopeRequest request) {
        EnvelopeContent content = new EnvelopeContent(
                prompt.getId(),
                prompts.currentText(prompt),
                request.metadata() == null ? Map.of() : request.metadata());
        try {
            return metrics.timeEncryption(() -> sealing.seal(recipient, content, request.expiresAt()));
        } catch (CryptoException e) {
            metrics.encryptionFailed();
            metrics.created("error");
            audit.failure(ACTION, "prompt", prompt.getId(), "sealing_failed");
            throw new EnvelopeSealingFailedException(e);
        }
    }

    private RuntimeException refused(UUID promptId, String reason, RuntimeException problem) {
        metrics.created("rejected");
        audit.failure(ACTION, "prompt", promptId, reason);
        return problem;
    }
}
