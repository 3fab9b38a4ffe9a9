package dev.e2ee.platform.security;

import dev.e2ee.crypto.KeyedHasher;
import java.nio.charset.StandardCharsets;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;

/**
 * Keys the two services share because both hold {@code JWT_SECRET}, one per purpose: {@code k = HKDF-SHA256(ikm =
 * JWT_SECRET's UTF-8 bytes, salt = none, info = purpose, 32 bytes)}. Redis never sees them, so what they
 * authenticate (the API-key mirror, the audit stream) cannot be written by whoever can write to Redis.
 */
final class SharedSecretKeys {

    private SharedSecretKeys() {}

    /** The HMAC key for {@code purpose}, or null without a secret (a JWKS-only setup). */
    static KeyedHasher hasher(String jwtSecret, String purpose) {
        if (jwtSecret == null || jwtSecret.isEmpty()) {
            return null;
        }
        HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA256Digest());
        hkdf.init(new HKDFParameters(
                jwtSecret.getBytes(StandardCharsets.UTF_8), null, purpose.getBytes(StandardCharsets.UTF_8)));
        byte[] key = new byte[32];
        hkdf.generateBytes(key, 0, key.length);
        return KeyedHasher.create(key);
    }
}
