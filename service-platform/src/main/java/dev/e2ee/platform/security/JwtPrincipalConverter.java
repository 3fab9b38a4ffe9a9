package dev.e2ee.platform.security;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * {@code sub}, {@code roles} (array of {@code user|admin|auditor}; unknown values ignored), {@code email}, and
 * {@code akid} as the principal's {@code apiKeyId} (already checked by {@link ApiKeyTokenValidator}).
 */
final class JwtPrincipalConverter implements Converter<Jwt, AbstractAuthenticationToken> {

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (jwt.getClaims().get("roles") instanceof Collection<?> values) {
            for (Object value : values) {
                if (value instanceof String name) {
                    Role.fromClaim(name).ifPresent(roles::add);
                }
            }
        }
        String email = jwt.getClaims().get("email") instanceof String value ? value : null;
        String apiKeyId = jwt.getClaims().get(TokenIssuer.API_KEY_ID_CLAIM) instanceof String value ? value : null;
        return new E2eeAuthentication(new E2eePrincipal(jwt.getSubject(), roles, email, AuthMethod.JWT, apiKeyId));
    }
}
