package dev.e2ee.crypto.atrest;

import dev.e2ee.crypto.CryptoException;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.Provider;
import java.security.Security;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES Key Wrap (RFC 3394, default IV {@code A6A6A6A6A6A6A6A6}) through the JDK's SunJCE {@code AESWrap}: deterministic
 * authenticated wrapping of key material, no nonce, so no random-nonce usage limit. A 32-byte key wraps to 40 bytes.
 * Any failure is the generic {@code "decryption failed"}.
 */
final class AesKeyWrap {

    static final int WRAPPED_LENGTH = 40;
    private static final Provider SUN_JCE = Security.getProvider("SunJCE");

    private AesKeyWrap() {}

    static byte[] wrap(byte[] kek, byte[] key) {
        try {
            Cipher cipher = cipher(Cipher.WRAP_MODE, kek);
            return cipher.wrap(new SecretKeySpec(key, "AES"));
        } catch (GeneralSecurityException e) {
            throw new CryptoException("key wrap failed", e);
        }
    }

    static byte[] unwrap(byte[] kek, byte[] wrapped) {
        if (wrapped.length != WRAPPED_LENGTH) {
            throw new CryptoException("decryption failed");
        }
        try {
            Key key = cipher(Cipher.UNWRAP_MODE, kek).unwrap(wrapped, "AES", Cipher.SECRET_KEY);
            return key.getEncoded();
        } catch (GeneralSecurityException e) {
            throw new CryptoException("decryption failed");
        }
    }

    private static Cipher cipher(int mode, byte[] kek) throws GeneralSecurityException {
        Cipher cipher = SUN_JCE == null ? Cipher.getInstance("AESWrap") : Cipher.getInstance("AESWrap", SUN_JCE);
        cipher.init(mode, new SecretKeySpec(kek, "AES"));
        return cipher;
    }
}
