package dev.e2ee.vault.envelope;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * An issued envelope: the full v2 JSON (ciphertext for the receiver), never its plaintext. Read through JPA; written
 * by {@link EnvelopeStore} (one statement with its audit row) and by status updates.
 */
@Entity
@Table(name = "envelopes")
class EnvelopeRecord {

    @Id
    private UUID id;

    @Column(name = "prompt_id", nullable = false)
    private UUID promptId;

    @Column(nullable = false)
    private String owner;

    @Column(nullable = false)
    private EnvelopeStatus status;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private String envelope;

    @Column(name = "receiver_public_key_id", nullable = false)
    private String receiverPublicKeyId;

    @Column(name = "sender_private_key_id", nullable = false)
    private String senderPrivateKeyId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at")
    private Instant expiresAt;

    @Column(name = "decrypted_at")
    private Instant decryptedAt;

    protected EnvelopeRecord() {}

    public UUID getId() {
        return id;
    }

    UUID getPromptId() {
        return promptId;
    }

    String getOwner() {
        return owner;
    }

    /** The status as seen now: a pending envelope past its expiry is expired even before the sweeper ran. */
    EnvelopeStatus statusAt(Instant now) {
        if (status == EnvelopeStatus.PENDING && expiresAt != null && expiresAt.isBefore(now)) {
            return EnvelopeStatus.EXPIRED;
        }
        return status;
    }

    String getReceiverPublicKeyId() {
        return receiverPublicKeyId;
    }

    String getSenderPrivateKeyId() {
        return senderPrivateKeyId;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    Instant getExpiresAt() {
        return expiresAt;
    }

    Instant getDecryptedAt() {
        return decryptedAt;
    }
}
