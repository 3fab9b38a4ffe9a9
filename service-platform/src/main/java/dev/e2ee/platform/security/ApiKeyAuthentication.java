package dev.e2ee.platform.security;

import java.security.MessageDigest;
import java.util.Optional;
import java.util.Set;

/**
 * Resolves a raw API key: the bootstrap admin key (compared by SHA-256 in constant time), then the service's
 * {@link ApiKeyAuthenticator}. The one place both the {@code X-API-Key} filter and the vault's token exchange use.
 */
public final class ApiKeyAuthentication {

    private static final int MAX_KEY_LENGTH = 512;
    private final byte[] bootstrapHash;
    private final ApiKeyAuthenticator authenticator;

    /** @param authenticator the service's authenticator, or null (only the bootstrap key works) */
    ApiKeyAuthentication(String bootstrapKey, ApiKeyAuthenticator authenticator) {
        this.bootstrapHash = bootstrapKey == null || bootstrapKey.isBlank() ? null : ApiKeyHash.bytes(bootstrapKey);
        this.authenticator = authenticator;
    }

    /** The key's principal; empty for a blank, oversized, unknown or revoked key. */
    public Optional<E2eePrincipal> authenticate(String rawKey) {
        if (rawKey == null || rawKey.isBlank() || rawKey.length() > MAX_KEY_LENGTH) {
            return Optional.empty();
        }
        if (bootstrapHash != null && MessageDigest.isEqual(ApiKeyHash.bytes(rawKey), bootstrapHash)) {
            return Optional.of(new E2eePrincipal(
                    E2eePrincipal.BOOTSTRAP_SUBJECT,
                    Set.of(Role.ADMIN),
                    null,
                    AuthMethod.BOOTSTRAP_API_KEY,
                    E2eePrincipal.BOOTSTRAP_KEY_ID));
        }
        return authenticator == null ? Optional.empty() : authenticator.authenticate(rawKey);
    }
}
