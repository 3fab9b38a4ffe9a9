package dev.e2ee.vault.envelope;

import dev.e2ee.crypto.envelope.Envelope;
import dev.e2ee.crypto.envelope.EnvelopeJson;
import dev.e2ee.platform.security.E2eePrincipal;
import dev.e2ee.vault.audit.AuditRecorder;
import dev.e2ee.vault.prompt.Prompt;
import java.time.Instant;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Persists an issued envelope (status pending) and its audit row in one transaction. */
@Component
class EnvelopeStore {

    private final EnvelopeRepository envelopes;
    private final AuditRecorder audit;

    EnvelopeStore(EnvelopeRepository envelopes, AuditRecorder audit) {
        this.envelopes = envelopes;
        this.audit = audit;
    }

    @Transactional
    EnvelopeRecord save(Envelope envelope, Prompt prompt, E2eePrincipal principal) {
        EnvelopeRecord record = new EnvelopeRecord(
                envelope.id(),
                prompt.getId(),
                principal.subject(),
                EnvelopeJson.toJson(envelope),
                envelope.receiverPublicKeyId(),
                envelope.senderPrivateKeyId(),
                Instant.parse(envelope.createdAt()),
                envelope.expiresAt() == null ? null : Instant.parse(envelope.expiresAt()));
        envelopes.save(record);
        audit.success(
                EnvelopeService.ACTION,
                "envelope",
                envelope.id(),
                Map.of(
                        "promptId", prompt.getId().toString(),
                        "promptVersion", prompt.getVersion(),
                        "receiverPublicKeyId", envelope.receiverPublicKeyId(),
                        "senderPrivateKeyId", envelope.senderPrivateKeyId()));
        return record;
    }
}
