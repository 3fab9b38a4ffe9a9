package dev.e2ee.platform.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Hash under which API keys are stored and looked up: lower-case hex SHA-256 of the key's UTF-8 bytes. API keys
 * are 256-bit random values, so a fast unsalted hash is the right tool (nothing to brute-force).
 */
public final class ApiKeyHash {

    private ApiKeyHash() {}

    public static String of(String rawKey) {
        return HexFormat.of().formatHex(bytes(rawKey));
    }

    /** Raw 32-byte digest, for constant-time comparison with {@link MessageDigest#isEqual}. */
    public static byte[] bytes(String rawKey) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(rawKey.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    /** Constant-time comparison of a raw key with a stored hex hash. */
    public static boolean matches(String rawKey, String storedHexHash) {
        if (rawKey == null || storedHexHash == null || storedHexHash.length() != 64) {
            return false;
        }
        byte[] expected;
        try {
            expected = HexFormat.of().parseHex(storedHexHash);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(bytes(rawKey), expected);
    }
}
