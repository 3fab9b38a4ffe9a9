package dev.e2ee.platform.security;

import java.util.Locale;
import java.util.Optional;

/** Roles (docs/architecture.md#authentication-and-roles). The JWT claim {@code roles} holds the lower-case names. */
public enum Role {
    USER,
    ADMIN,
    AUDITOR;

    /** The value in the JWT {@code roles} claim and in API keys: {@code user}, {@code admin}, {@code auditor}. */
    public String claimValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The Spring Security authority: {@code ROLE_USER}, {@code ROLE_ADMIN}, {@code ROLE_AUDITOR}. */
    public String authority() {
        return "ROLE_" + name();
    }

    /**
     * Parses a claim value exactly as docs/architecture.md#authentication-and-roles spells the roles ({@code user}, {@code admin}, {@code auditor}): no case folding
     * and no trimming, so {@code ADMIN} or {@code " admin"} is an unknown value, empty (and ignored by the platform).
     */
    public static Optional<Role> fromClaim(String value) {
        for (Role role : values()) {
            if (role.claimValue().equals(value)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
