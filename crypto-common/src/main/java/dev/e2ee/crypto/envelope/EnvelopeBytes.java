package dev.e2ee.crypto.envelope;

import dev.e2ee.crypto.Pae;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The authenticated bytes of docs/envelope-format.md#authenticated-bytes: the PAE header (GCM associated data) and the PAE signature input. */
final class EnvelopeBytes {

    static final String HEADER_DOMAIN = "e2ee-envelope-v2";
    static final String SIGNATURE_DOMAIN = "e2ee-envelope-v2-signature";

    private EnvelopeBytes() {}

    /**
     * {@code PAE("e2ee-envelope-v2", id, promptId, algorithm, keyAlgorithm, signatureAlgorithm, receiverPublicKeyId,
     * senderPrivateKeyId, createdAt, expiresAt)} (a null expiresAt is ""), with {@code audience} appended as the 11th
     * element only when the envelope carries one (docs/envelope-format.md#audience-and-lifetime).
     */
    static byte[] header(Envelope envelope) {
        List<String> parts = new ArrayList<>(List.of(
                HEADER_DOMAIN,
                envelope.id().toString(),
                envelope.promptId().toString(),
                envelope.algorithm(),
                envelope.keyAlgorithm(),
                envelope.signatureAlgorithm(),
                envelope.receiverPublicKeyId(),
                envelope.senderPrivateKeyId(),
                envelope.createdAt(),
                envelope.expiresAt() == null ? "" : envelope.expiresAt()));
        if (envelope.audience() != null) {
            parts.add(envelope.audience());
        }
        return Pae.encode(parts.toArray(String[]::new));
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
