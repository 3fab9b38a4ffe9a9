package dev.e2ee.platform.security;

import com.nimbusds.jwt.JWTParser;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.web.client.RestTemplate;

/**
 * The JWT decoder of docs/architecture.md#authentication-and-roles: HS256 with the UTF-8 bytes of {@code jwt-secret} and/or RS256/ES256 from
 * {@code jwks-url}; algorithms pinned (so {@code alg:none} and algorithm confusion fail), {@code exp} required,
 * clock skew applied, optional issuer check.
 */
final class JwtDecoderFactory {

    static final int MIN_SECRET_BYTES = 32;

    private JwtDecoderFactory() {}

    static SecretKey secretKey(SecurityProperties properties) {
        byte[] bytes = properties.jwtSecret().getBytes(StandardCharsets.UTF_8);
        return new SecretKeySpec(bytes, "HmacSHA256");
    }

    static void validate(SecurityProperties properties) {
        if (properties.hasJwtSecret()) {
            if (properties.jwtSecret().getBytes(StandardCharsets.UTF_8).length < MIN_SECRET_BYTES) {
                throw new IllegalStateException("e2ee.security.jwt-secret (JWT_SECRET) must be at least "
                        + MIN_SECRET_BYTES + " bytes (UTF-8)");
            }
        } else if (properties.jwksUrl() == null) {
            throw new IllegalStateException(
                    "e2ee.security.jwt-secret (JWT_SECRET) is required unless e2ee.security.jwks-url is set");
        }
    }

    static JwtDecoder create(SecurityProperties properties) {
        return create(properties, () -> null);
    }

    /** @param apiKeyStatus looked up at validation time: decides tokens carrying {@code akid} */
    static JwtDecoder create(SecurityProperties properties, Supplier<ApiKeyStatus> apiKeyStatus) {
        validate(properties);
        OAuth2TokenValidator<Jwt> validator = validator(properties, apiKeyStatus);
        JwtDecoder hmac = null;
        if (properties.hasJwtSecret()) {
            NimbusJwtDecoder decoder = NimbusJwtDecoder.withSecretKey(secretKey(properties))
                    .macAlgorithm(MacAlgorithm.HS256)
                    .build();
            decoder.setJwtValidator(validator);
            hmac = decoder;
        }
        JwtDecoder jwks = null;
        if (properties.jwksUrl() != null) {
            NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(
                            properties.jwksUrl().toString())
                    .jwsAlgorithm(SignatureAlgorithm.RS256)
                    .jwsAlgorithm(SignatureAlgorithm.ES256)
                    .restOperations(jwksClient())
                    .build();
            decoder.setJwtValidator(validator);
            jwks = decoder;
        }
        if (hmac != null && jwks != null) {
            return byAlgorithm(hmac, jwks);
        }
        return hmac != null ? hmac : jwks;
    }

    /** JWK Set fetches: bounded, but not so tight that a busy issuer fails every token (the set is cached). */
    private static RestTemplate jwksClient() {
        SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(Duration.ofSeconds(2));
        requests.setReadTimeout(Duration.ofSeconds(5));
        return new RestTemplate(requests);
    }

    private static OAuth2TokenValidator<Jwt> validator(
            SecurityProperties properties, Supplier<ApiKeyStatus> apiKeyStatus) {
        List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
        validators.add(new JwtClaimValidator<Object>(JwtClaimNames.EXP, Objects::nonNull));
        validators.add(new JwtClaimValidator<Object>(JwtClaimNames.SUB, Objects::nonNull));
        validators.add(new JwtTimestampValidator(properties.clockSkew()));
        if (properties.issuer() != null && !properties.issuer().isBlank()) {
            validators.add(new JwtIssuerValidator(properties.issuer()));
        }
        validators.add(new ApiKeyTokenValidator(properties.hasBootstrapAdminApiKey(), apiKeyStatus));
        return new DelegatingOAuth2TokenValidator<>(validators);
    }

    /** Both configured: HS256 tokens go to the secret, everything else to the JWK Set (which pins RS256/ES256). */
    private static JwtDecoder byAlgorithm(JwtDecoder hmac, JwtDecoder jwks) {
        return token -> {
            String algorithm;
            try {
                algorithm = JWTParser.parse(token).getHeader().getAlgorithm().getName();
            } catch (ParseException | RuntimeException e) {
                throw new BadJwtException("malformed token");
            }
            return "HS256".equals(algorithm) ? hmac.decode(token) : jwks.decode(token);
        };
    }
}
