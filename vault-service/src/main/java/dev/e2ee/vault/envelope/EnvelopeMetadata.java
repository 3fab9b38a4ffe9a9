package dev.e2ee.vault.envelope;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;

/** What the API shows about a stored envelope: never its ciphertext. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EnvelopeMetadata(
        UUID id,
        UUID promptId,
        String status,
        int version,
        String algorithm,
        String keyAlgorithm,
        String signatureAlgorithm,
        String receiverPublicKeyId,
        String senderPrivateKeyId,
        Instant createdAt,
        Instant expiresAt,
        Instant decryptedAt) {

    static EnvelopeMetadata of(EnvelopeRecord record, Instant now) {
        return new EnvelopeMetadata(
                record.id(),
                record.promptId(),
                record.statusAt(now).wireName(),
                2,
                "AES-256-GCM",
                "RSA-OAEP-256",
                "RSA-PSS-SHA256",
                record.receiverPublicKeyId(),
                record.senderPrivateKeyId(),
                record.createdAt(),
                record.expiresAt(),
                record.decryptedAt());
    }
}
