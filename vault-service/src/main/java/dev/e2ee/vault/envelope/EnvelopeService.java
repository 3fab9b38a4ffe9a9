package dev.e2ee.vault.envelope;

import dev.e2ee.crypto.CryptoException;
import dev.e2ee.crypto.envelope.Envelope;
import dev.e2ee.crypto.envelope.Recipient;
import dev.e2ee.platform.security.E2eePrincipal;
import dev.e2ee.vault.audit.AuditRecorder;
import dev.e2ee.vault.envelope.EnvelopeExceptions.EnvelopeSealingFailedException;
import dev.e2ee.vault.envelope.EnvelopeExceptions.InvalidEnvelopeRequestException;
import dev.e2ee.vault.envelope.EnvelopeExceptions.PromptInactiveException;
import dev.e2ee.vault.envelope.EnvelopeExceptions.RefusedException;
import dev.e2ee.vault.envelope.EnvelopeRequests.CreateEnvelopeRequest;
import dev.e2ee.vault.prompt.Prompt;
import dev.e2ee.vault.prompt.PromptStatus;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * Issues envelopes: checks the request, the failed-attempt limit, the prompt's visibility and secret (one answer for
 * every refusal) and its status, then seals its text to the receiver's key with the vault's signing keyring. Every
 * refusal is audited (in its own transaction) and counted.
 */
@Service
class EnvelopeService {

    static final String ACTION = "envelope.create";

    private final SecretGate gate;
    private final EnvelopeSealing sealing;
    private final EnvelopeStore store;
    private final AuditRecorder audit;
    private final EnvelopeMetrics metrics;
    private final Clock clock;

    EnvelopeService(
            SecretGate gate,
            EnvelopeSealing sealing,
            EnvelopeStore store,
            AuditRecorder audit,
            EnvelopeMetrics metrics,
            ObjectProvider<Clock> clock) {
        this.gate = gate;
        this.sealing = sealing;
        this.store = store;
        this.audit = audit;
        this.metrics = metrics;
        this.clock = clock.getIfUnique(Clock::systemUTC);
    }

    Envelope create(CreateEnvelopeRequest request, E2eePrincipal principal) {
        Prompt prompt;
        Recipient recipient;
        try {
            prompt = checked(request, principal);
            recipient = sealing.recipient(request.receiverPublicKeyId());
        } catch (RefusedException e) {
            metrics.created("rejected");
            audit.failure(ACTION, "prompt", request.promptId(), e.reason());
            throw e;
        }
        Envelope envelope = seal(prompt, recipient, request);
        store.save(envelope, prompt, principal);
        metrics.created("success");
        return envelope;
    }

    private Prompt checked(CreateEnvelopeRequest request, E2eePrincipal principal) {
        if (request.expiresAt() != null && !request.expiresAt().isAfter(clock.instant())) {
            throw new InvalidEnvelopeRequestException("expiresAt must be in the future", "expiry_in_past");
        }
        Prompt prompt = gate.unlock(request.promptId(), request.secret(), principal);
        if (prompt.getStatus() != PromptStatus.ACTIVE) {
            throw new PromptInactiveException();
        }
        return prompt;
    }

    private Envelope seal(Prompt prompt, Recipient recipient, CreateEnvelopeRequest request) {
        try {
            return metrics.timeEncryption(() -> sealing.seal(prompt, recipient, request));
        } catch (CryptoException e) {
            metrics.encryptionFailed();
            metrics.created("error");
            audit.failure(ACTION, "prompt", prompt.getId(), "sealing_failed");
            throw new EnvelopeSealingFailedException(e);
        }
    }
}
