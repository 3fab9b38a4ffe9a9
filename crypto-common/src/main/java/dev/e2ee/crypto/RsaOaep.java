package dev.e2ee.crypto;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.MGF1ParameterSpec;
import java.util.Objects;
import javax.crypto.Cipher;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;

/**
 * RSA-OAEP with SHA-256, MGF1-SHA-256 and an empty label, always through an explicit {@code OAEPParameterSpec}
 * (docs/envelope-format.md#algorithms). Unwrap failures are the generic {@link CryptoException} {@code "decryption failed"}.
 */
public final class RsaOaep {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final CryptoProvider provider;

    private RsaOaep(CryptoProvider provider) {
        this.provider = provider;
    }

    public static RsaOaep create(CryptoProvider provider) {
        return new RsaOaep(Objects.requireNonNull(provider, "provider"));
    }

    public byte[] wrap(RSAPublicKey key, byte[] secret) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(secret, "secret");
        try {
            Cipher cipher = provider.rsaOaepCipher();
            cipher.init(Cipher.ENCRYPT_MODE, key, CryptoProvider.OAEP_SHA256, RANDOM);
            return cipher.doFinal(secret);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new CryptoException("encryption failed", e);
        }
    }

    public byte[] unwrap(RSAPrivateKey key, byte[] wrapped) {
        return unwrap(key, wrapped, CryptoProvider.OAEP_SHA256);
    }

    /** Unwrap with another OAEP label: for the labelled Wycheproof vectors only (the envelope format uses the empty label). */
    byte[] unwrap(RSAPrivateKey key, byte[] wrapped, byte[] label) {
        return unwrap(
                key,
                wrapped,
                new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, new PSource.PSpecified(label)));
    }

    private byte[] unwrap(RSAPrivateKey key, byte[] wrapped, OAEPParameterSpec parameters) {
        Objects.requireNonNull(key, "key");
        if (wrapped == null || wrapped.length != (key.getModulus().bitLength() + 7) / 8) {
            throw new CryptoException("decryption failed");
        }
        try {
            Cipher cipher = provider.rsaOaepCipher();
            cipher.init(Cipher.DECRYPT_MODE, key, parameters, RANDOM);
            return cipher.doFinal(wrapped);
        } catch (GeneralSecurityException | IllegalArgumentException | IllegalStateException e) {
            throw new CryptoException("decryption failed");
        }
    }

    @Override
    public String toString() {
        return "RsaOaep[" + provider.provider(CryptoProvider.Operation.RSA_OAEP).getName() + "]";
    }
}
