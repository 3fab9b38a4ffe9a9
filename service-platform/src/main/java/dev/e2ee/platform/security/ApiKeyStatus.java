package dev.e2ee.platform.security;

/**
 * Whether the API key a token was minted from (its {@code akid} claim, see {@link TokenIssuer}) is still active for
 * that subject. Each service provides one bean: the vault asks PostgreSQL, the prompt-response service the
 * authenticated Redis mirror. Tokens without {@code akid} (e.g. from an external IdP via JWKS) never reach it; the
 * bootstrap admin key ({@code akid = "bootstrap"}) is checked by the platform against its own configuration.
 * Without a bean, tokens carrying an {@code akid} are refused.
 */
@FunctionalInterface
public interface ApiKeyStatus {

    boolean isActive(String apiKeyId, String subject);
}
