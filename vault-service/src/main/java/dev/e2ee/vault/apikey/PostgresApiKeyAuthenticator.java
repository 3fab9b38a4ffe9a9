package dev.e2ee.vault.apikey;

import dev.e2ee.platform.security.ApiKeyAuthenticator;
import dev.e2ee.platform.security.ApiKeyHash;
import dev.e2ee.platform.security.AuthMethod;
import dev.e2ee.platform.security.E2eePrincipal;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Resolves {@code X-API-Key} values against {@code api_keys} by hash; revoked keys resolve to nothing. */
@Component
class PostgresApiKeyAuthenticator implements ApiKeyAuthenticator {

    private final ApiKeyRepository keys;

    PostgresApiKeyAuthenticator(ApiKeyRepository keys) {
        this.keys = keys;
    }

    @Override
    public Optional<E2eePrincipal> authenticate(String rawKey) {
        if (rawKey == null || rawKey.isEmpty() || rawKey.length() > 256) {
            return Optional.empty();
        }
        return keys.findByKeyHash(ApiKeyHash.of(rawKey))
                .filter(key -> !key.isRevoked())
                .map(key -> new E2eePrincipal(
                        key.getOwner(),
                        key.getRoles(),
                        null,
                        AuthMethod.API_KEY,
                        key.getId().toString()));
    }
}
