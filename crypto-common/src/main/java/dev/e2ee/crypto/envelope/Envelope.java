package dev.e2ee.crypto.envelope;

import java.util.Arrays;
import java.util.Objects;
import java.util.UUID;

/**
 * The wire fields of an envelope, version 2 (docs/envelope-format.md#json-shape): 15 always, plus the optional {@code audience} (docs/envelope-format.md#audience-and-lifetime).
 * Binary fields are raw bytes (copied in and out); timestamps are the verbatim RFC 3339 strings that were signed;
 * {@code expiresAt} and {@code audience} may be null. No validation beyond non-null happens here:
 * {@link EnvelopeJson#parse} checks structure, {@link EnvelopeOpener} the rest.
 */
public record Envelope(
        int version,
        UUID id,
        UUID promptId,
        String algorithm,
        String keyAlgorithm,
        String signatureAlgorithm,
        String receiverPublicKeyId,
        String senderPrivateKeyId,
        String createdAt,
        String expiresAt,
        String audience,
        byte[] iv,
        byte[] encryptedKey,
        byte[] encryptedData,
        byte[] authTag,
        byte[] signature) {

    public static final int VERSION = 2;
    public static final String ALGORITHM = "AES-256-GCM";
    public static final String KEY_ALGORITHM = "RSA-OAEP-256";
    public static final String SIGNATURE_ALGORITHM = "RSA-PSS-SHA256";

    public Envelope {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(promptId, "promptId");
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(keyAlgorithm, "keyAlgorithm");
        Objects.requireNonNull(signatureAlgorithm, "signatureAlgorithm");
        Objects.requireNonNull(receiverPublicKeyId, "receiverPublicKeyId");
        Objects.requireNonNull(senderPrivateKeyId, "senderPrivateKeyId");
        Objects.requireNonNull(createdAt, "createdAt");
        iv = iv.clone();
        encryptedKey = encryptedKey.clone();
        encryptedData = encryptedData.clone();
        authTag = authTag.clone();
        signature = signature.clone();
    }

    /** An envelope without {@code audience} (the 10-element header of docs/envelope-format.md#authenticated-bytes). */
    public Envelope(
            int version,
            UUID id,
            UUID promptId,
            String algorithm,
            String keyAlgorithm,
            String signatureAlgorithm,
            String receiverPublicKeyId,
            String senderPrivateKeyId,
            String createdAt,
            String expiresAt,
            byte[] iv,
            byte[] encryptedKey,
            byte[] encryptedData,
            byte[] authTag,
            byte[] signature) {
        this(
                version,
                id,
                promptId,
                algorithm,
                keyAlgorithm,
                signatureAlgorithm,
                receiverPublicKeyId,
                senderPrivateKeyId,
                createdAt,
                expiresAt,
                null,
                iv,
                encryptedKey,
                encryptedData,
                authTag,
                signature);
    }

    /** A copy with the given binary fields (everything else, including {@code audience}, unchanged). */
    public Envelope withBinary(byte[] iv, byte[] encryptedKey, byte[] encryptedData, byte[] authTag, byte[] signature) {
        return new Envelope(
                version,
                id,
                promptId,
                algorithm,
                keyAlgorithm,
                signatureAlgorithm,
                receiverPublicKeyId,
                senderPrivateKeyId,
                createdAt,
                expiresAt,
                audience,
                iv,
                encryptedKey,
                encryptedData,
                authTag,
                signature);
    }

    @Override
    public byte[] iv() {
        return iv.clone();
    }

    @Override
    public byte[] encryptedKey() {
        return encryptedKey.clone();
    }

    @Override
    public byte[] encryptedData() {
        return encryptedData.clone();
    }

    @Override
    public byte[] authTag() {
        return authTag.clone();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Envelope e
                && version == e.version
                && id.equals(e.id)
                && promptId.equals(e.promptId)
                && algorithm.equals(e.algorithm)
                && keyAlgorithm.equals(e.keyAlgorithm)
                && signatureAlgorithm.equals(e.signatureAlgorithm)
                && receiverPublicKeyId.equals(e.receiverPublicKeyId)
                && senderPrivateKeyId.equals(e.senderPrivateKeyId)
                && createdAt.equals(e.createdAt)
                && Objects.equals(expiresAt, e.expiresAt)
                && Objects.equals(audience, e.audience)
                && Arrays.equals(iv, e.iv)
                && Arrays.equals(encryptedKey, e.encryptedKey)
                && Arrays.equals(encryptedData, e.encryptedData)
                && Arrays.equals(authTag, e.authTag)
                && Arrays.equals(signature, e.signature);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, promptId, createdAt) * 31 + Arrays.hashCode(signature);
    }

    @Override
    public String toString() {
        return "Envelope[version=" + version + ", id=" + id + ", promptId=" + promptId + ", algorithm=" + algorithm
                + ", keyAlgorithm=" + keyAlgorithm + ", signatureAlgorithm=" + signatureAlgorithm
                + ", receiverPublicKeyId=" + receiverPublicKeyId + ", senderPrivateKeyId=" + senderPrivateKeyId
                + ", createdAt=" + createdAt + ", expiresAt=" + expiresAt + ", audience=" + audience + ", iv="
                + iv.length
                + " bytes, encryptedKey=" + encryptedKey.length + " bytes, encryptedData=" + encryptedData.length
                + " bytes, authTag=" + authTag.length + " bytes, signature=" + signature.length + " bytes]";
    }
}
