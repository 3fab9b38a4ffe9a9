package dev.e2ee.vault.envelope;

import dev.e2ee.crypto.envelope.Envelope;
import dev.e2ee.crypto.envelope.EnvelopeJson;
import dev.e2ee.platform.security.E2eePrincipal;
import dev.e2ee.vault.audit.AuditRecorder;
import dev.e2ee.vault.prompt.Prompt;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Persists an issued envelope (status pending) and its audit row in one SQL statement: they commit together, in one
 * round trip to PostgreSQL (the JPA version took a transaction, two inserts, a flush and a commit; see
 * docs/performance.md).
 */
@Component
class EnvelopeStore {

    static final String INSERT =
            "INSERT INTO envelopes (id, prompt_id, owner, status, envelope, receiver_public_key_id,"
                    + " sender_private_key_id, created_at, expires_at) VALUES (?, ?, ?, 'pending', CAST(? AS jsonb), ?, ?, ?, ?)";

    private final AuditRecorder audit;

    EnvelopeStore(AuditRecorder audit) {
        this.audit = audit;
    }

    void save(Envelope envelope, Prompt prompt, E2eePrincipal principal) {
        Object[] row = {
            envelope.id(),
            prompt.getId(),
            principal.subject(),
            EnvelopeJson.toJson(envelope),
            envelope.receiverPublicKeyId(),
            envelope.senderPrivateKeyId(),
            Timestamp.from(Instant.parse(envelope.createdAt())),
            envelope.expiresAt() == null ? null : Timestamp.from(Instant.parse(envelope.expiresAt()))
        };
        audit.successWith(
                List.of(new AuditRecorder.Change(INSERT, row)),
                EnvelopeService.ACTION,
                "envelope",
                envelope.id(),
                Map.of(
                        "promptId", prompt.getId().toString(),
                        "promptVersion", prompt.getVersion(),
                        "receiverPublicKeyId", envelope.receiverPublicKeyId(),
                        "senderPrivateKeyId", envelope.senderPrivateKeyId()));
    }
}
