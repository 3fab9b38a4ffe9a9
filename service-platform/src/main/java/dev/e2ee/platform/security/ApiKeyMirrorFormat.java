package dev.e2ee.platform.security;

import dev.e2ee.crypto.KeyedHasher;
import dev.e2ee.crypto.Pae;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Wire format of the API-key mirror (docs/architecture.md#authentication-and-roles, docs/security.md 14.1): JSON {@link ApiKeyMirrorEntry} whose
 * {@code mac} is {@code HMAC-SHA256(k, PAE("e2ee-apikey-mirror-v1", keyHash, id, owner, PAE(roles…),
 * notAfter))} with {@code k} the {@linkplain SharedSecretKeys shared key} for {@code "e2ee api-key mirror v1"}. Only holders of {@code JWT_SECRET} (the two services) can write an entry the other accepts: a
 * Redis writer can delete entries (deny) but not mint, alter or extend one. Without {@code JWT_SECRET} (a JWKS-only
 * setup) the format is {@linkplain #enabled() disabled}: nothing is published and every entry is refused. The entries'
 * Redis key names are {@link dev.e2ee.platform.redis.RedisKeys#apiKeyByHash} and
 * {@link dev.e2ee.platform.redis.RedisKeys#apiKeyById}.
 */
public final class ApiKeyMirrorFormat {

    static final String HKDF_INFO = "e2ee api-key mirror v1";
    private static final String DOMAIN = "e2ee-apikey-mirror-v1";

    private final KeyedHasher hasher;
    private final JsonMapper json;

    private ApiKeyMirrorFormat(KeyedHasher hasher, JsonMapper json) {
        this.hasher = hasher;
        this.json = json;
    }

    public static ApiKeyMirrorFormat create(SecurityProperties properties, JsonMapper json) {
        return forSecret(properties.hasJwtSecret() ? properties.jwtSecret() : null, json);
    }

    /** @param jwtSecret {@code JWT_SECRET}, or null/empty for a disabled format */
    static ApiKeyMirrorFormat forSecret(String jwtSecret, JsonMapper json) {
        return new ApiKeyMirrorFormat(SharedSecretKeys.hasher(jwtSecret, HKDF_INFO), json);
    }

    /** False without {@code JWT_SECRET}: entries can then be neither written nor trusted. */
    public boolean enabled() {
        return hasher != null;
    }

    /** The entry as stored in Redis, with its MAC. */
    public String encode(ApiKeyMirrorEntry entry) {
        if (!enabled()) {
            throw new IllegalStateException("API-key mirror disabled: no JWT secret");
        }
        return json.writeValueAsString(entry.withMac(mac(entry)));
    }

    /** The entry if it is well-formed, its MAC verifies (constant time) and {@code notAfter} is still ahead. */
    public Optional<ApiKeyMirrorEntry> decode(String stored, Instant now) {
        if (!enabled() || stored == null) {
            return Optional.empty();
        }
        ApiKeyMirrorEntry entry;
        try {
            entry = json.readValue(stored, ApiKeyMirrorEntry.class);
        } catch (JacksonException e) {
            return Optional.empty();
        }
        if (entry == null || !entry.complete() || entry.notAfter() <= now.getEpochSecond()) {
            return Optional.empty();
        }
        byte[] given;
        try {
            given = Base64.getUrlDecoder().decode(entry.mac());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return MessageDigest.isEqual(given, tag(entry)) ? Optional.of(entry) : Optional.empty();
    }

    private String mac(ApiKeyMirrorEntry entry) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(tag(entry));
    }

    private byte[] tag(ApiKeyMirrorEntry entry) {
        return hasher.hash(
                DOMAIN,
                utf8(entry.keyHash()),
                utf8(entry.id()),
                utf8(entry.owner()),
                Pae.encode(entry.roles().toArray(String[]::new)),
                utf8(Long.toString(entry.notAfter())));
    }

    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "ApiKeyMirrorFormat[" + (enabled() ? "HMAC-SHA256" : "disabled") + "]";
    }
}
