package dev.e2ee.vault.envelope;

import dev.e2ee.crypto.CryptoException;
import dev.e2ee.crypto.envelope.Envelope;
import dev.e2ee.crypto.envelope.Recipient;
import dev.e2ee.platform.security.E2eePrincipal;
import dev.e2ee.vault.audit.AuditEvent;
import dev.e2ee.vault.audit.AuditRecorder;
import dev.e2ee.vault.envelope.EnvelopeExceptions.EnvelopeSealingFailedException;
import dev.e2ee.vault.envelope.EnvelopeExceptions.PromptInactiveException;
import dev.e2ee.vault.envelope.EnvelopeExceptions.RefusedException;
import dev.e2ee.vault.envelope.EnvelopeRequests.CreateEnvelopeRequest;
import dev.e2ee.vault.prompt.Prompt;
import dev.e2ee.vault.prompt.PromptStatus;
import java.time.Instant;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Issues envelopes: checks the request (expiry within the maximum lifetime), the failed-attempt limit, the prompt's
 * visibility and secret (one answer for every refusal) and its status, then seals its text to the receiver's key with
 * the vault's signing keyring, for the requested audience or the caller (docs/envelope-format.md#audience-and-lifetime). Every refusal is audited (in its
 * own transaction) and counted.
 */
@Service
class EnvelopeService {

    static final String ACTION = "envelope.create";

    private final SecretGate gate;
    private final EnvelopeSealing sealing;
    private final EnvelopeRepository envelopes;
    private final AuditRecorder audit;
    private final EnvelopeMetrics metrics;
    private final EnvelopeLifetime lifetime;

    EnvelopeService(
            SecretGate gate,
            EnvelopeSealing sealing,
            EnvelopeRepository envelopes,
            AuditRecorder audit,
            EnvelopeMetrics metrics,
            EnvelopeLifetime lifetime) {
        this.gate = gate;
        this.sealing = sealing;
        this.envelopes = envelopes;
        this.audit = audit;
        this.metrics = metrics;
        this.lifetime = lifetime;
    }

    Envelope create(CreateEnvelopeRequest request, E2eePrincipal principal) {
        Prompt prompt;
        Recipient recipient;
        Instant expiresAt;
        try {
            expiresAt = lifetime.expiresAt(request.expiresAt());
            prompt = checked(request, principal);
            recipient = sealing.recipient(request.receiverPublicKeyId());
        } catch (RefusedException e) {
            metrics.created("rejected");
            audit.failure(ACTION, "prompt", request.promptId(), e.reason());
            throw e;
        }
        String audience = request.audience() != null ? request.audience() : principal.subject();
        Envelope envelope = seal(prompt, recipient, request, new EnvelopeSealing.Terms(expiresAt, audience));
        envelopes.create(envelope, prompt.id(), principal.subject(), audit.pending(created(envelope, prompt)));
        metrics.created("success");
        return envelope;
    }

    private Prompt checked(CreateEnvelopeRequest request, E2eePrincipal principal) {
        Prompt prompt = gate.unlock(request.promptId(), request.secret(), principal);
        if (prompt.status() != PromptStatus.ACTIVE) {
            throw new PromptInactiveException();
        }
        return prompt;
    }

    private static AuditEvent created(Envelope envelope, Prompt prompt) {
        return new AuditEvent(
                ACTION,
                "envelope",
                envelope.id(),
                Map.of(
                        "promptId", prompt.id().toString(),
                        "promptVersion", prompt.version(),
                        "receiverPublicKeyId", envelope.receiverPublicKeyId(),
                        "senderPrivateKeyId", envelope.senderPrivateKeyId()));
    }

    private Envelope seal(
            Prompt prompt, Recipient recipient, CreateEnvelopeRequest request, EnvelopeSealing.Terms terms) {
        try {
            return metrics.timeEncryption(() -> sealing.seal(prompt, recipient, request, terms));
        } catch (CryptoException e) {
            metrics.encryptionFailed();
            metrics.created("error");
            audit.failure(ACTION, "prompt", prompt.id(), "sealing_failed");
            throw new EnvelopeSealingFailedException(e);
        }
    }
}
