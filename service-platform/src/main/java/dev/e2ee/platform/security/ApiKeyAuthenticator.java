package dev.e2ee.platform.security;

import java.util.Optional;

/**
 * Resolves an {@code X-API-Key} value to a principal. Each service provides exactly one bean (the vault from
 * PostgreSQL, the prompt-response service from the Redis mirror). Look keys up by {@link ApiKeyHash#of(String)}
 * — never store or log the raw key. Return empty for unknown or revoked keys; the platform answers 401.
 * The bootstrap admin key is checked by the platform before this is called.
 */
@FunctionalInterface
public interface ApiKeyAuthenticator {

    Optional<E2eePrincipal> authenticate(String rawKey);
}
