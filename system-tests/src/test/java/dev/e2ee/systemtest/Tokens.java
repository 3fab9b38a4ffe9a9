package dev.e2ee.systemtest;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Mints JWTs the way a client or an attacker would: valid HS256 tokens and deliberately broken ones. */
final class Tokens {

    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    private final byte[] secret;
    private final String issuer;

    Tokens(String secret, String issuer) {
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        this.issuer = issuer;
    }

    String user(String subject) {
        return forRoles(subject, List.of("user"));
    }

    String admin(String subject) {
        return forRoles(subject, List.of("admin"));
    }

    String auditor(String subject) {
        return forRoles(subject, List.of("auditor"));
    }

    String forRoles(String subject, List<String> roles) {
        return sign(claims(subject, roles, Instant.now().plusSeconds(600)));
    }

    /** Standard claims: sub, roles, iat, exp, iss. */
    Map<String, Object> claims(String subject, List<String> roles, Instant expiresAt) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", subject);
        claims.put("roles", roles);
        claims.put("iat", Instant.now().getEpochSecond() - 5);
        if (expiresAt != null) {
            claims.put("exp", expiresAt.getEpochSecond());
        }
        claims.put("iss", issuer);
        return claims;
    }

    String sign(Map<String, Object> claims) {
        return signWith(Map.of("alg", "HS256", "typ", "JWT"), claims, secret);
    }

    static String signWith(Map<String, Object> header, Map<String, Object> claims, byte[] key) {
        String signingInput = encode(header) + "." + encode(claims);
        return signingInput + "." + URL.encodeToString(hmac(key, signingInput));
    }

    static String unsigned(Map<String, Object> header, Map<String, Object> claims) {
        return encode(header) + "." + encode(claims) + ".";
    }

    static String encode(Map<String, Object> part) {
        return URL.encodeToString(Http.json(part).getBytes(StandardCharsets.UTF_8));
    }

    static byte[] hmac(byte[] key, String input) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(input.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
