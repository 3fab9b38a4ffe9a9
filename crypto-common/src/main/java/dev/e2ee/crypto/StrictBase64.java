package dev.e2ee.crypto;

import java.util.Base64;
import java.util.Objects;

/**
 * Standard base64 (RFC 4648 §4) with padding, decoded strictly: bad characters, whitespace, missing padding and
 * non-canonical trailing bits are all refused, so every byte string has exactly one accepted encoding.
 */
public final class StrictBase64 {

    private StrictBase64() {}

    public static String encode(byte[] bytes) {
        return Base64.getEncoder().encodeToString(Objects.requireNonNull(bytes, "bytes"));
    }

    /**
     * @throws CryptoException "invalid base64" (never echoes the input)
     */
    public static byte[] decode(String encoded) {
        if (encoded == null || encoded.length() % 4 != 0) {
            throw new CryptoException("invalid base64");
        }
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(encoded);
        } catch (IllegalArgumentException e) {
            throw new CryptoException("invalid base64");
        }
        if (!Base64.getEncoder().encodeToString(decoded).equals(encoded)) {
            throw new CryptoException("invalid base64");
        }
        return decoded;
    }
}
