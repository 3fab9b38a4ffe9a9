package dev.e2ee.platform.security;

import dev.e2ee.platform.ApiException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;

/**
 * Mints HS256 access tokens with {@code sub}, {@code roles}, {@code email} (when known), {@code iat},
 * {@code exp = iat + e2ee.security.jwt-expires-in}, {@code iss} (when {@code e2ee.security.issuer} is set) and
 * {@code akid}, the id of the API key the token was exchanged for (when there is one): both services accept such a
 * token only while that key is active ({@link ApiKeyStatus}), so revoking the key revokes its tokens.
 * Without a {@code jwt-secret} (JWKS-only setup) {@link #issue} fails with a 503 problem.
 */
public final class TokenIssuer {

    /** Claim naming the API key a token was minted from. */
    public static final String API_KEY_ID_CLAIM = "akid";

    private final JwtEncoder encoder;
    private final Duration lifetime;
    private final String issuer;
    private final Clock clock;

    /** @param encoder HS256 encoder, or null when the service has no secret to sign with */
    public TokenIssuer(JwtEncoder encoder, Duration lifetime, String issuer, Clock clock) {
        this.encoder = encoder;
        this.lifetime = lifetime;
        this.issuer = issuer;
        this.clock = clock;
    }

    public String issue(E2eePrincipal principal) {
        if (encoder == null) {
            throw new TokenIssuingUnavailableException();
        }
        Instant now = clock.instant();
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
                .subject(principal.subject())
                .issuedAt(now)
                .expiresAt(now.plus(lifetime))
                .claim(
                        "roles",
                        principal.roles().stream()
                                .map(Role::claimValue)
                                .sorted()
                                .toList());
        if (principal.apiKeyId() != null) {
            claims.claim(API_KEY_ID_CLAIM, principal.apiKeyId());
        }
        if (principal.email() != null) {
            claims.claim("email", principal.email());
        }
        if (issuer != null && !issuer.isBlank()) {
            claims.issuer(issuer);
        }
        JwsHeader header = JwsHeader.with(MacAlgorithm.HS256).type("JWT").build();
        return encoder.encode(JwtEncoderParameters.from(header, claims.build())).getTokenValue();
    }

    public Duration lifetime() {
        return lifetime;
    }

    static final class TokenIssuingUnavailableException extends ApiException {
        TokenIssuingUnavailableException() {
            super(
                    HttpStatus.SERVICE_UNAVAILABLE,
                    "SERVICE_UNAVAILABLE",
                    "Service unavailable",
                    "Token issuing is not configured.");
        }
    }
}
