package dev.e2ee.platform.security;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * The authenticated caller. For API keys {@code subject} is the key's owner and {@code apiKeyId} the key's
 * id; for JWTs {@code subject} is the {@code sub} claim and {@code apiKeyId} the {@code akid} claim (the API key the
 * token was exchanged for), null for tokens from elsewhere. {@code email} may be null.
 */
public record E2eePrincipal(String subject, Set<Role> roles, String email, AuthMethod method, String apiKeyId) {

    /** Id used as {@code apiKeyId} for the bootstrap admin key. */
    public static final String BOOTSTRAP_KEY_ID = "bootstrap";

    /** Subject of the bootstrap admin key. */
    public static final String BOOTSTRAP_SUBJECT = "bootstrap-admin";

    public E2eePrincipal {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(method, "method");
        roles = roles == null || roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    public boolean isAdmin() {
        return hasRole(Role.ADMIN);
    }
}
