package dev.e2ee.vault.apikey;

import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * Mirrors active API keys into Redis ({@code e2ee:apikey:<sha256hex>} → {@code {id, owner, roles, revoked}}) for the
 * prompt-response service, which has no database. Written after the creating transaction commits, deleted before a
 * revocation commits, and re-synchronised at startup (so a missed write heals on the next start).
 */
@Component
class ApiKeyMirror {

    private static final Logger log = LoggerFactory.getLogger(ApiKeyMirror.class);
    static final String PREFIX = "e2ee:apikey:";

    private final StringRedisTemplate redis;
    private final ApiKeyRepository keys;
    private final JsonMapper json;

    ApiKeyMirror(StringRedisTemplate redis, ApiKeyRepository keys, JsonMapper json) {
        this.redis = redis;
        this.keys = keys;
        this.json = json;
    }

    void publishAfterCommit(ApiKeyRecord key) {
        afterCommit(() -> publish(key));
    }

    /**
     * Removes a revoked key now, before the revocation commits: if Redis cannot be written the revocation fails
     * (and the caller retries) rather than leaving the key usable at the prompt-response service.
     */
    void removeNow(String keyHash) {
        remove(keyHash);
    }

    @EventListener(ApplicationReadyEvent.class)
    void resync() {
        try {
            keys.findByRevokedAtIsNull().forEach(this::publish);
            keys.findByRevokedAtIsNotNull().forEach(k -> remove(k.getKeyHash()));
            log.info("API key mirror synchronised to Redis");
        } catch (DataAccessException e) {
            log.warn(
                    "API key mirror: startup sync failed ({}); it runs again at the next start",
                    e.getClass().getSimpleName());
        }
    }

    private void publish(ApiKeyRecord key) {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("id", key.getId().toString());
        value.put("owner", key.getOwner());
        value.put(
                "roles",
                key.getRoles().stream().map(r -> r.claimValue()).sorted().toList());
        value.put("revoked", false);
        redis.opsForValue().set(PREFIX + key.getKeyHash(), json.writeValueAsString(value));
    }

    private void remove(String keyHash) {
        redis.delete(PREFIX + keyHash);
    }

    private static void afterCommit(Runnable action) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            action.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                try {
                    action.run();
                } catch (DataAccessException e) {
                    log.warn("API key mirror: Redis write failed; healed at the next startup sync");
                }
            }
        });
    }
}
