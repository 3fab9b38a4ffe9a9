package dev.e2ee.vault.envelope;

import java.time.Instant;
import java.util.UUID;

/**
 * What the vault reads back about an issued envelope ({@code envelopes}, mapped by {@link EnvelopeRepository} only):
 * never its ciphertext.
 */
record EnvelopeRecord(
        UUID id,
        UUID promptId,
        String owner,
        EnvelopeStatus status,
        String receiverPublicKeyId,
        String senderPrivateKeyId,
        Instant createdAt,
        Instant expiresAt,
        Instant decryptedAt) {

    /** The status as seen now: a pending envelope past its expiry is expired even before the sweeper ran. */
    EnvelopeStatus statusAt(Instant now) {
        if (status == EnvelopeStatus.PENDING && expiresAt != null && expiresAt.isBefore(now)) {
            return EnvelopeStatus.EXPIRED;
        }
        return status;
    }
}
