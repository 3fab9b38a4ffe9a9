package dev.e2ee.vault.apikey;

import dev.e2ee.platform.security.Role;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.data.domain.Persistable;

/** An API key: only the SHA-256 hex of the key is stored (the key itself is shown once). */
@Entity
@Table(name = "api_keys")
class ApiKeyRecord implements Persistable<UUID> {

    @Transient
    private boolean fresh;

    @Id
    private UUID id;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private String owner;

    @Column(nullable = false)
    private String roles;

    @Column(name = "key_hash", nullable = false)
    private String keyHash;

    @Column(name = "created_by", nullable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    protected ApiKeyRecord() {}

    ApiKeyRecord(UUID id, String name, String owner, Set<Role> roles, String keyHash, String createdBy, Instant now) {
        this.fresh = true;
        this.id = id;
        this.name = name;
        this.owner = owner;
        this.roles = roles.stream().map(Role::claimValue).sorted().collect(Collectors.joining(","));
        this.keyHash = keyHash;
        this.createdBy = createdBy;
        this.createdAt = now;
    }

    @Override
    public boolean isNew() {
        return fresh;
    }

    @PostLoad
    @PostPersist
    void markPersisted() {
        this.fresh = false;
    }

    @Override
    public UUID getId() {
        return id;
    }

    String getName() {
        return name;
    }

    String getOwner() {
        return owner;
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

    void revoke(Instant now) {
        this.revokedAt = now;
    }
}
