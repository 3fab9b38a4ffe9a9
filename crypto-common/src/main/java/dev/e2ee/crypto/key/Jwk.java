package dev.e2ee.crypto.key;

import dev.e2ee.crypto.KeyValidationException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An RSA public key as a JWK (RFC 7517). The {@code kid} is always the RFC 7638 thumbprint of the key (SHA-256,
 * base64url without padding), so both sides derive the same id from the key itself.
 */
public record Jwk(String kid, String use, String alg, RSAPublicKey key) {

    public static final String USE_SIGNING = "sig";
    public static final String USE_ENCRYPTION = "enc";
    public static final String ALG_SIGNING = "PS256";
    public static final String ALG_ENCRYPTION = "RSA-OAEP-256";

    private static final Set<String> PRIVATE_MEMBERS = Set.of("d", "p", "q", "dp", "dq", "qi", "oth", "k");

    public Jwk {
        RsaKeys.validatePublic(key);
        String expected = thumbprint(key);
        if (!expected.equals(kid)) {
            throw new KeyValidationException("JWK kid is not the RFC 7638 thumbprint of its key");
        }
    }

    /** RFC 7638 thumbprint: base64url(SHA-256({"e":…,"kty":"RSA","n":…})) without padding. */
    public static String thumbprint(RSAPublicKey key) {
        Objects.requireNonNull(key, "key");
        String canonical = "{\"e\":\"" + base64Url(key.getPublicExponent()) + "\",\"kty\":\"RSA\",\"n\":\""
                + base64Url(key.getModulus()) + "\"}";
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    public static Jwk signing(RSAPublicKey key) {
        return new Jwk(thumbprint(key), USE_SIGNING, ALG_SIGNING, key);
    }

    public static Jwk encryption(RSAPublicKey key) {
        return new Jwk(thumbprint(key), USE_ENCRYPTION, ALG_ENCRYPTION, key);
    }

    /** Ordered members {@code kty, kid, use, alg, n, e} (use/alg omitted when null). */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("kty", "RSA");
        map.put("kid", kid);
        if (use != null) {
            map.put("use", use);
        }
        if (alg != null) {
            map.put("alg", alg);
        }
        map.put("n", base64Url(key.getModulus()));
        map.put("e", base64Url(key.getPublicExponent()));
        return map;
    }

    /** Parses an RSA public JWK; refuses private members, and a kid that is not the key's thumbprint. */
    public static Jwk fromMap(Map<String, ?> map) {
        Objects.requireNonNull(map, "map");
        if (!"RSA".equals(map.get("kty"))) {
            throw new KeyValidationException("JWK kty must be RSA");
        }
        for (String member : PRIVATE_MEMBERS) {
            if (map.containsKey(member)) {
                throw new KeyValidationException("JWK contains private key members; only public keys are accepted");
            }
        }
        BigInteger n = unsigned(map.get("n"), "n");
        BigInteger e = unsigned(map.get("e"), "e");
        RSAPublicKey key = KeyConversion.publicKey(n, e);
        String kid = optionalString(map, "kid");
        return new Jwk(
                kid == null ? thumbprint(key) : kid, optionalString(map, "use"), optionalString(map, "alg"), key);
    }

    private static String optionalString(Map<String, ?> map, String member) {
        Object value = map.get(member);
        if (value == null || value instanceof String) {
            return (String) value;
        }
        throw new KeyValidationException("JWK member " + member + " must be a string");
    }

    private static BigInteger unsigned(Object value, String member) {
        if (!(value instanceof String text) || text.isEmpty()) {
            throw new KeyValidationException("JWK member " + member + " is missing or not a string");
        }
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(text);
        } catch (IllegalArgumentException ex) {
            throw new KeyValidationException("JWK member " + member + " is not base64url");
        }
        if (text.contains("=")
                || !Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString(bytes)
                        .equals(text)) {
            throw new KeyValidationException("JWK member " + member + " is not canonical unpadded base64url");
        }
        return new BigInteger(1, bytes);
    }

    static String base64Url(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
