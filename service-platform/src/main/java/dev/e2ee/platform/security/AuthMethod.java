package dev.e2ee.platform.security;

/** How the current principal authenticated. */
public enum AuthMethod {
    /** {@code Authorization: Bearer <jwt>}. */
    JWT,
    /** {@code X-API-Key}, resolved by the service's {@link ApiKeyAuthenticator}. */
    API_KEY,
    /** {@code X-API-Key} equal to {@code e2ee.security.bootstrap-admin-api-key}. */
    BOOTSTRAP_API_KEY
}
