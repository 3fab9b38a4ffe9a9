package dev.e2ee.crypto.atrest;

import dev.e2ee.crypto.AesGcm;
import dev.e2ee.crypto.CryptoException;
import dev.e2ee.crypto.CryptoProvider;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;

/**
 * At-rest envelope encryption (docs/envelope-format.md#at-rest-encryption): a fresh 256-bit DEK per record encrypts it with AES-256-GCM under
 * {@link RecordContext#associatedData()}; the DEK is wrapped by the current KEK, binding the same associated data.
 * One DEK encrypts exactly one record version, so no AES key ever comes near 2^32 random-IV encryptions.
 * Failures are the generic {@link CryptoException} {@code "decryption failed"}. Thread-safe.
 */
public final class AtRestEncryptor {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final KeyEncryptionKeyProvider keys;
    private final CryptoProvider provider;

    private AtRestEncryptor(KeyEncryptionKeyProvider keys, CryptoProvider provider) {
        this.keys = keys;
        this.provider = provider;
    }

    public static AtRestEncryptor create(KeyEncryptionKeyProvider keys, CryptoProvider provider) {
        return new AtRestEncryptor(Objects.requireNonNull(keys, "keys"), Objects.requireNonNull(provider, "provider"));
    }

    public EncryptedRecord encrypt(byte[] plaintext, RecordContext context) {
        Objects.requireNonNull(plaintext, "plaintext");
        byte[] aad = context.associatedData();
        byte[] dek = new byte[AesGcm.KEY_LENGTH];
        RANDOM.nextBytes(dek);
        try {
            AesGcm.Sealed sealed = AesGcm.create(dek, provider).encrypt(plaintext, aad);
            WrappedKey wrapped = keys.wrap(dek, aad);
            return new EncryptedRecord(wrapped.kekId(), wrapped.wrapped(), sealed.iv(), sealed.ciphertextAndTag());
        } finally {
            Arrays.fill(dek, (byte) 0);
        }
    }

    public byte[] decrypt(EncryptedRecord record, RecordContext context) {
        byte[] aad = context.associatedData();
        byte[] dek = unwrap(record, aad);
        try {
            return AesGcm.create(dek, provider).decrypt(record.iv(), record.ciphertextAndTag(), aad);
        } finally {
            Arrays.fill(dek, (byte) 0);
        }
    }

    /** The same ciphertext with its DEK re-wrapped to the current KEK; the plaintext is never produced. */
    public EncryptedRecord rewrap(EncryptedRecord record, RecordContext context) {
        byte[] aad = context.associatedData();
        byte[] dek = unwrap(record, aad);
        try {
            WrappedKey wrapped = keys.wrap(dek, aad);
            return new EncryptedRecord(wrapped.kekId(), wrapped.wrapped(), record.iv(), record.ciphertextAndTag());
        } finally {
            Arrays.fill(dek, (byte) 0);
        }
    }

    public boolean needsRewrap(EncryptedRecord record) {
        return !keys.isCurrent(record.kekId());
    }

    private byte[] unwrap(EncryptedRecord record, byte[] aad) {
        byte[] dek;
        try {
            dek = keys.unwrap(new WrappedKey(record.kekId(), record.wrappedDek()), aad);
        } catch (CryptoException e) {
            throw new CryptoException("decryption failed");
        }
        if (dek == null || dek.length != AesGcm.KEY_LENGTH) {
            throw new CryptoException("decryption failed");
        }
        return dek;
    }
}
