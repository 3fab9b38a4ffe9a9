package dev.e2ee.crypto.envelope;

import dev.e2ee.crypto.Pae;
import java.nio.charset.StandardCharsets;

/** The authenticated bytes of SPEC §3.3: the PAE header (GCM associated data) and the PAE signature input. */
final class EnvelopeBytes {

    static final String HEADER_DOMAIN = "e2ee-envelope-v2";
    static final String SIGNATURE_DOMAIN = "e2ee-envelope-v2-signature";

    private EnvelopeBytes() {}

    static byte[] header(Envelope envelope) {
        return Pae.encode(
                HEADER_DOMAIN,
                envelope.id().toString(),
                envelope.promptId().toString(),
                envelope.algorithm(),
                envelope.keyAlgorithm(),
                envelope.signatureAlgorithm(),
                envelope.receiverPublicKeyId(),
                envelope.senderPrivateKeyId(),
                envelope.createdAt(),
                envelope.expiresAt() == null ? "" : envelope.expiresAt());
    }

    static byte[] signatureInput(byte[] header, byte[] iv, byte[] encryptedKey, byte[] encryptedData, byte[] authTag) {
        return Pae.encode(
                SIGNATURE_DOMAIN.getBytes(StandardCharsets.UTF_8), header, iv, encryptedKey, encryptedData, authTag);
    }

    static byte[] signatureInput(Envelope envelope, byte[] header) {
        return signatureInput(
                header, envelope.iv(), envelope.encryptedKey(), envelope.encryptedData(), envelope.authTag());
    }
}
