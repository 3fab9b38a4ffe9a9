package dev.e2ee.prs.platform;

import dev.e2ee.platform.security.ApiKeyAuthenticator;
import dev.e2ee.platform.security.ApiKeyHash;
import dev.e2ee.platform.security.AuthMethod;
import dev.e2ee.platform.security.E2eePrincipal;
import dev.e2ee.platform.security.Role;
import dev.e2ee.prs.storage.StorageUnavailableException;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Resolves {@code X-API-Key} through the vault's Redis mirror {@code e2ee:apikey:<sha256hex>} (JSON
 * {@code {id, owner, roles, revoked}}); the vault deletes the entry on revoke. The key is looked up by its hash
 * only; a missing, revoked or unreadable entry is an unknown key (401).
 */
@Component
class RedisApiKeyAuthenticator implements ApiKeyAuthenticator {

    static final String PREFIX = "e2ee:apikey:";

    private final StringRedisTemplate redis;
    private final JsonMapper json;

    RedisApiKeyAuthenticator(StringRedisTemplate redis, JsonMapper json) {
        this.redis = redis;
        this.json = json;
    }

    @Override
    public Optional<E2eePrincipal> authenticate(String rawKey) {
        String stored;
        try {
            stored = redis.opsForValue().get(PREFIX + ApiKeyHash.of(rawKey));
        } catch (DataAccessException e) {
            throw new StorageUnavailableException(e);
        }
        if (stored == null) {
            return Optional.empty();
        }
        try {
            MirroredKey key = json.readValue(stored, MirroredKey.class);
            if (key.revoked() || key.id() == null || key.owner() == null) {
                return Optional.empty();
            }
            return Optional.of(new E2eePrincipal(key.owner(), roles(key.roles()), null, AuthMethod.API_KEY, key.id()));
        } catch (JacksonException e) {
            return Optional.empty();
        }
    }

    private static Set<Role> roles(List<String> names) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (names != null) {
            names.forEach(name -> Role.fromClaim(name).ifPresent(roles::add));
        }
        return roles;
    }

    /** The mirror entry; unknown fields are tolerated so the vault can add some. */
    @com.fasterxml.jackson.annotation.JsonIgnoreProperties(ignoreUnknown = true)
    record MirroredKey(String id, String owner, List<String> roles, boolean revoked) {}
}
