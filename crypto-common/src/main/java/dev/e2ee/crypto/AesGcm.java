package dev.e2ee.crypto;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM with a fresh random 12-byte IV per encryption and a 128-bit tag (docs/envelope-format.md#algorithms). Thread-safe: a new
 * {@link Cipher} is created per call. Any decryption failure is the generic {@link CryptoException}
 * {@code "decryption failed"}.
 */
public final class AesGcm {

    public static final int KEY_LENGTH = 32;
    public static final int IV_LENGTH = 12;
    public static final int TAG_LENGTH = 16;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;
    private final CryptoProvider provider;

    private AesGcm(SecretKeySpec key, CryptoProvider provider) {
        this.key = key;
        this.provider = provider;
    }

    public static AesGcm create(byte[] key32, CryptoProvider provider) {
        if (key32 == null || key32.length != KEY_LENGTH) {
            throw new CryptoException("AES-256-GCM needs a 32-byte key");
        }
        return new AesGcm(new SecretKeySpec(key32, "AES"), Objects.requireNonNull(provider, "provider"));
    }

    /** The IV, ciphertext (same length as the plaintext) and 16-byte tag of one encryption. */
    public record Sealed(byte[] iv, byte[] ciphertext, byte[] tag) {

        public Sealed {
            iv = iv.clone();
            ciphertext = ciphertext.clone();
            tag = tag.clone();
        }

        @Override
        public byte[] iv() {
            return iv.clone();
        }

        @Override
        public byte[] ciphertext() {
            return ciphertext.clone();
        }

        @Override
        public byte[] tag() {
            return tag.clone();
        }

        /** ciphertext ‖ tag, the JCA layout. */
        public byte[] ciphertextAndTag() {
            byte[] out = Arrays.copyOf(ciphertext, ciphertext.length + tag.length);
            System.arraycopy(tag, 0, out, ciphertext.length, tag.length);
            return out;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Sealed s
                    && Arrays.equals(iv, s.iv)
                    && Arrays.equals(ciphertext, s.ciphertext)
                    && Arrays.equals(tag, s.tag);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(ciphertext);
        }

        @Override
        public String toString() {
            return "Sealed[iv=" + iv.length + " bytes, ciphertext=" + ciphertext.length + " bytes, tag=" + tag.length
                    + " bytes]";
        }
    }

    public Sealed encrypt(byte[] plaintext, byte[] aad) {
        byte[] iv = new byte[IV_LENGTH];
        RANDOM.nextBytes(iv);
        return encrypt(plaintext, aad, iv);
    }

    /** Encryption with a caller-chosen IV: for known-answer tests only (IV reuse breaks GCM). */
    Sealed encrypt(byte[] plaintext, byte[] aad, byte[] iv) {
        Objects.requireNonNull(plaintext, "plaintext");
        try {
            byte[] out = run(Cipher.ENCRYPT_MODE, iv, plaintext, aad);
            int split = out.length - TAG_LENGTH;
            return new Sealed(iv, Arrays.copyOf(out, split), Arrays.copyOfRange(out, split, out.length));
        } catch (GeneralSecurityException e) {
            throw new CryptoException("encryption failed", e);
        }
    }

    public byte[] decrypt(byte[] iv, byte[] ciphertext, byte[] tag, byte[] aad) {
        if (iv == null || iv.length != IV_LENGTH || tag == null || tag.length != TAG_LENGTH || ciphertext == null) {
            throw new CryptoException("decryption failed");
        }
        byte[] input = Arrays.copyOf(ciphertext, ciphertext.length + TAG_LENGTH);
        System.arraycopy(tag, 0, input, ciphertext.length, TAG_LENGTH);
        return decryptUnchecked(iv, input, aad);
    }

    /** Decryption without the 12-byte IV rule: for the Wycheproof groups with other IV sizes only. */
    byte[] decryptUnchecked(byte[] iv, byte[] ciphertextAndTag, byte[] aad) {
        try {
            return run(Cipher.DECRYPT_MODE, iv, ciphertextAndTag, aad);
        } catch (AEADBadTagException e) {
            throw new CryptoException("decryption failed");
        } catch (GeneralSecurityException | IllegalArgumentException | IllegalStateException e) {
            throw new CryptoException("decryption failed", e);
        }
    }

    private byte[] run(int mode, byte[] iv, byte[] input, byte[] aad) throws GeneralSecurityException {
        Cipher cipher = provider.aesGcmCipher();
        cipher.init(mode, key, new GCMParameterSpec(TAG_LENGTH * 8, iv));
        if (aad != null) {
            cipher.updateAAD(aad);
        }
        return cipher.doFinal(input);
    }

    /** Decrypts the JCA layout ciphertext ‖ tag. */
    public byte[] decrypt(byte[] iv, byte[] ciphertextAndTag, byte[] aad) {
        if (ciphertextAndTag == null || ciphertextAndTag.length < TAG_LENGTH) {
            throw new CryptoException("decryption failed");
        }
        int split = ciphertextAndTag.length - TAG_LENGTH;
        return decrypt(
                iv,
                Arrays.copyOf(ciphertextAndTag, split),
                Arrays.copyOfRange(ciphertextAndTag, split, ciphertextAndTag.length),
                aad);
    }

    @Override
    public String toString() {
        return "AesGcm[" + provider.provider(CryptoProvider.Operation.AES_GCM).getName() + "]";
    }
}
