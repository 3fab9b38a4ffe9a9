package dev.e2ee.vault.apikey;

import dev.e2ee.platform.security.ApiKeyStatus;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Revocation check of tokens minted from API keys ({@code akid}), against {@code api_keys}: the key must exist, be
 * unrevoked and belong to the token's subject. An "active" answer is reused for {@code token-check-cache-ttl}
 * (default 2 s; bounded map), so a busy token costs one indexed primary-key read per 2 s and instance, and a
 * revocation reaches every vault instance within that time. Inactive answers are not cached.
 */
@Component
class PostgresApiKeyStatus implements ApiKeyStatus {

    static final int MAX_ENTRIES = 10_000;

    private final ApiKeyRepository keys;
    private final ApiKeyProperties properties;
    private final Clock clock;
    private final Map<String, Long> activeUntil = new ConcurrentHashMap<>();

    PostgresApiKeyStatus(ApiKeyRepository keys, ApiKeyProperties properties, Clock clock) {
        this.keys = keys;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public boolean isActive(String apiKeyId, String subject) {
        String cacheKey = apiKeyId + "/" + subject;
        Long until = activeUntil.get(cacheKey);
        if (until != null && until > clock.millis()) {
            return true;
        }
        boolean active = lookUp(apiKeyId, subject);
        if (active) {
            if (activeUntil.size() >= MAX_ENTRIES) {
                activeUntil.clear();
            }
            activeUntil.put(
                    cacheKey, clock.millis() + properties.tokenCheckCacheTtl().toMillis());
        } else {
            activeUntil.remove(cacheKey);
        }
        return active;
    }

    private boolean lookUp(String apiKeyId, String subject) {
        UUID id;
        try {
            id = UUID.fromString(apiKeyId);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return keys.findById(id)
                .filter(key -> !key.isRevoked() && key.getOwner().equals(subject))
                .isPresent();
    }
}
