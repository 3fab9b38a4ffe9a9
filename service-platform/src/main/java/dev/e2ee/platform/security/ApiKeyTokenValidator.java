package dev.e2ee.platform.security;

import java.util.function.Supplier;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Refuses a (signature-verified) token minted from an API key once that key is revoked: a token with an
 * {@code akid} claim is valid only while {@link ApiKeyStatus} says the key is active for the token's subject.
 */
final class ApiKeyTokenValidator implements OAuth2TokenValidator<Jwt> {

    private static final OAuth2TokenValidatorResult REVOKED = OAuth2TokenValidatorResult.failure(
            new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, "The API key of this token is not active", null));

    private final boolean bootstrapKeyConfigured;
    private final Supplier<ApiKeyStatus> status;

    ApiKeyTokenValidator(boolean bootstrapKeyConfigured, Supplier<ApiKeyStatus> status) {
        this.bootstrapKeyConfigured = bootstrapKeyConfigured;
        this.status = status;
    }

    @Override
    public OAuth2TokenValidatorResult validate(Jwt jwt) {
        Object claim = jwt.getClaims().get(TokenIssuer.API_KEY_ID_CLAIM);
        if (claim == null) {
            return OAuth2TokenValidatorResult.success();
        }
        return claim instanceof String keyId && active(keyId, jwt.getSubject())
                ? OAuth2TokenValidatorResult.success()
                : REVOKED;
    }

    private boolean active(String keyId, String subject) {
        if (E2eePrincipal.BOOTSTRAP_KEY_ID.equals(keyId)) {
            return bootstrapKeyConfigured && E2eePrincipal.BOOTSTRAP_SUBJECT.equals(subject);
        }
        ApiKeyStatus current = status.get();
        return current != null && subject != null && current.isActive(keyId, subject);
    }
}
