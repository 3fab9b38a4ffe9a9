package dev.e2ee.vault.apikey;

import dev.e2ee.platform.security.Role;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * An API key, a row of {@code api_keys} ({@link ApiKeyRepository}): only the SHA-256 hex of the key is stored (the key
 * itself is shown once); {@code roles} is stored as the sorted, comma-separated claim values.
 */
class ApiKeyRecord {

    private final UUID id;
    private final String name;
    private final String owner;
    private final String roles;
    private final String keyHash;
    private final String createdBy;
    private final Instant createdAt;
    private final Instant revokedAt;

    ApiKeyRecord(UUID id, String name, String owner, Set<Role> roles, String keyHash, String createdBy, Instant now) {
        this(
                id,
                name,
                owner,
                roles.stream().map(Role::claimValue).sorted().collect(Collectors.joining(",")),
                keyHash,
                createdBy,
                now,
                null);
    }

    /** A stored row as read ({@link ApiKeyRepository}). */
    ApiKeyRecord(
            UUID id,
            String name,
            String owner,
            String roles,
            String keyHash,
            String createdBy,
            Instant createdAt,
            Instant revokedAt) {
        this.id = id;
        this.name = name;
        this.owner = owner;
        this.roles = roles;
        this.keyHash = keyHash;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
        this.revokedAt = revokedAt;
    }

    UUID getId() {
        return id;
    }

    String getName() {
        return name;
    }

    String getOwner() {
        return owner;
    }

    /** The stored form of the roles. */
    String rolesColumn() {
        return roles;
    }

    Set<Role> getRoles() {
        Set<Role> parsed = EnumSet.noneOf(Role.class);
        Arrays.stream(roles.split(","))
                .map(Role::fromClaim)
                .flatMap(java.util.Optional::stream)
                .forEach(parsed::add);
        return parsed;
    }

    String getKeyHash() {
        return keyHash;
    }

    String getCreatedBy() {
        return createdBy;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    Instant getRevokedAt() {
        return revokedAt;
    }

    boolean isRevoked() {
        return revokedAt != null;
    }
}
