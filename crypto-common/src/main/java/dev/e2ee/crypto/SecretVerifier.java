package dev.e2ee.crypto;

import java.security.MessageDigest;
import java.util.Objects;
import java.util.UUID;

/**
 * Per-prompt secret verifier: {@code HMAC-SHA256(pepper, PAE("e2ee-secret-v1", promptId, secret))}. PAE length-prefixes
 * both parts, so no (promptId, secret) pair collides with another; {@link #matches} compares in constant time.
 */
public final class SecretVerifier {

    public static final int PEPPER_LENGTH = 32;
    static final String DOMAIN = "e2ee-secret-v1";

    private final KeyedHasher hasher;

    private SecretVerifier(KeyedHasher hasher) {
        this.hasher = hasher;
    }

    public static SecretVerifier create(byte[] pepper32) {
        return create(pepper32, CryptoProvider.defaults());
    }

    public static SecretVerifier create(byte[] pepper32, CryptoProvider provider) {
        if (pepper32 == null || pepper32.length != PEPPER_LENGTH) {
            throw new CryptoException("secret-verifier pepper must be 32 bytes");
        }
        return new SecretVerifier(KeyedHasher.create(pepper32, provider));
    }

    public byte[] verifier(UUID promptId, String secret) {
        Objects.requireNonNull(promptId, "promptId");
        Objects.requireNonNull(secret, "secret");
        return hasher.hash(DOMAIN, promptId.toString(), secret);
    }

    public boolean matches(UUID promptId, String secret, byte[] stored) {
        if (stored == null || secret == null || promptId == null) {
            return false;
        }
        return MessageDigest.isEqual(verifier(promptId, secret), stored);
    }

    @Override
    public String toString() {
        return "SecretVerifier[HMAC-SHA256]";
    }
}
