package dev.e2ee.prs.platform;

import dev.e2ee.platform.redis.RedisKeys;
import dev.e2ee.platform.security.ApiKeyAuthenticator;
import dev.e2ee.platform.security.ApiKeyHash;
import dev.e2ee.platform.security.ApiKeyMirrorEntry;
import dev.e2ee.platform.security.ApiKeyMirrorFormat;
import dev.e2ee.platform.security.ApiKeyStatus;
import dev.e2ee.platform.security.E2eePrincipal;
import dev.e2ee.prs.storage.StorageUnavailableException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Resolves {@code X-API-Key} (by {@code e2ee:apikey:<sha256hex>}) and decides whether a token minted from an API key
 * is still valid (by {@code e2ee:apikey:id:<akid>}) through the vault's Redis mirror. An entry counts only if its
 * HMAC verifies under the key derived from {@code JWT_SECRET} and its {@code notAfter} is ahead
 * ({@link ApiKeyMirrorFormat}): a Redis writer can delete entries but not create or change one. The vault deletes both
 * entries on revocation and re-publishes active ones periodically. An API key costs one Redis read and one HMAC per
 * request (so its revocation takes effect at once); for tokens, verified entries are kept in process for at most
 * {@link RecentMirrorEntries#MAX_AGE} (a revocation reaches their tokens within that). Without {@code JWT_SECRET}
 * every API key and every token with {@code akid} is refused.
 */
@Component
class RedisApiKeyAuthenticator implements ApiKeyAuthenticator, ApiKeyStatus {

    private static final Logger log = LoggerFactory.getLogger(RedisApiKeyAuthenticator.class);

    private final StringRedisTemplate redis;
    private final ApiKeyMirrorFormat format;
    private final Clock clock;
    private final RecentMirrorEntries recent;

    RedisApiKeyAuthenticator(StringRedisTemplate redis, ApiKeyMirrorFormat format, Clock clock) {
        this.redis = redis;
        this.format = format;
        this.clock = clock;
        this.recent = new RecentMirrorEntries(clock);
        if (!format.enabled()) {
            log.warn("JWT_SECRET is not set (JWKS-only): API keys (X-API-Key) and tokens minted from them are refused"
                    + " by this service, because the vault's API-key mirror is authenticated with a key derived"
                    + " from JWT_SECRET");
        }
    }

    @Override
    public Optional<E2eePrincipal> authenticate(String rawKey) {
        if (!format.enabled() || rawKey == null || rawKey.isEmpty() || rawKey.length() > 256) {
            return Optional.empty();
        }
        String keyHash = ApiKeyHash.of(rawKey);
        return read(RedisKeys.apiKeyByHash(keyHash))
                .filter(entry -> same(entry.keyHash(), keyHash))
                .map(ApiKeyMirrorEntry::principal);
    }

    @Override
    public boolean isActive(String apiKeyId, String subject) {
        if (!format.enabled() || apiKeyId.length() > 64) {
            return false;
        }
        return lookUp(RedisKeys.apiKeyById(apiKeyId))
                .filter(entry -> entry.id().equals(apiKeyId) && entry.owner().equals(subject))
                .isPresent();
    }

    private Optional<ApiKeyMirrorEntry> lookUp(String redisKey) {
        Optional<ApiKeyMirrorEntry> known = recent.get(redisKey);
        if (known.isPresent()) {
            return known;
        }
        Optional<ApiKeyMirrorEntry> verified = read(redisKey);
        verified.ifPresent(entry -> recent.put(redisKey, entry));
        return verified;
    }

    private Optional<ApiKeyMirrorEntry> read(String redisKey) {
        String stored =
                StorageUnavailableException.guard(() -> redis.opsForValue().get(redisKey));
        return format.decode(stored, clock.instant());
    }

    private static boolean same(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
    }
}
