package dev.e2ee.crypto.atrest;

/**
 * Wraps and unwraps per-record data keys (DEKs) with key-encryption keys (KEKs). The configured implementation is
 * {@link ConfiguredKeyEncryptionKeys}; a KMS (AWS KMS, Vault transit) can implement this later.
 */
public interface KeyEncryptionKeyProvider {

    /** The id of the KEK new wraps use. */
    String currentKeyId();

    /** Wraps a DEK with the current KEK, binding {@code aad}. */
    WrappedKey wrap(byte[] dek, byte[] aad);

    /** Unwraps a DEK; fails with a generic {@code CryptoException} for an unknown/retired KEK or any mismatch. */
    byte[] unwrap(WrappedKey wrapped, byte[] aad);

    boolean isCurrent(String kekId);
}
