package dev.e2ee.vault.apikey;

import dev.e2ee.platform.redis.RedisKeys;
import dev.e2ee.platform.security.ApiKeyMirrorEntry;
import dev.e2ee.platform.security.ApiKeyMirrorFormat;
import dev.e2ee.platform.security.Role;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Mirrors active API keys into Redis for the prompt-response service, which has no database: one authenticated entry
 * ({@link ApiKeyMirrorFormat}: HMAC under a key derived from {@code JWT_SECRET}, with an expiry {@code notAfter}) under
 * {@code e2ee:apikey:<sha256hex>} (for {@code X-API-Key}) and {@code e2ee:apikey:id:<id>} (for tokens with
 * {@code akid}). Written after the creating transaction commits; both deleted before a revocation commits (and again
 * after); re-published by every instance each {@code mirror-refresh-interval} with a fresh {@code notAfter}, which
 * also deletes keys revoked within the last {@code 2 × mirror-entry-lifetime} again (heals a refresh that raced a
 * revocation). Without {@code JWT_SECRET} nothing is published.
 */
@Component
class ApiKeyMirror implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(ApiKeyMirror.class);

    private final StringRedisTemplate redis;
    private final ApiKeyRepository keys;
    private final ApiKeyMirrorFormat format;
    private final ApiKeyProperties properties;
    private final Clock clock;

    ApiKeyMirror(
            StringRedisTemplate redis,
            ApiKeyRepository keys,
            ApiKeyMirrorFormat format,
            ApiKeyProperties properties,
            Clock clock) {
        this.redis = redis;
        this.keys = keys;
        this.format = format;
        this.properties = properties;
        this.clock = clock;
    }

    /** Refreshes every {@code e2ee.vault.api-keys.mirror-refresh-interval}, the first time one interval after startup. */
    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        Duration interval = properties.mirrorRefreshInterval();
        tasks.addFixedDelayTask(new FixedDelayTask(this::refresh, interval, interval));
    }

    void publishAfterCommit(ApiKeyRecord key) {
        afterCommit(() -> publish(key));
    }

    /**
     * Removes a revoked key now, before the revocation commits: if Redis cannot be written the revocation fails
     * (and the caller retries) rather than leaving the key usable at the prompt-response service.
     */
    void removeNow(ApiKeyRecord key) {
        remove(key);
        afterCommit(() -> remove(key));
    }

    @EventListener(ApplicationReadyEvent.class)
    void resync() {
        if (!format.enabled()) {
            log.warn("JWT_SECRET is not set: the API-key mirror is not published, so the prompt-response service"
                    + " refuses API keys (its entries are authenticated with a key derived from JWT_SECRET)");
            return;
        }
        refresh();
        log.info("API key mirror synchronised to Redis");
    }

    /** Re-publishes the active keys and deletes recently revoked ones again. */
    void refresh() {
        if (!format.enabled()) {
            return;
        }
        try {
            keys.findByRevokedAtIsNull().forEach(this::publish);
            Instant recent =
                    clock.instant().minus(properties.mirrorEntryLifetime().multipliedBy(2));
            keys.findByRevokedAtAfter(recent).forEach(this::remove);
        } catch (DataAccessException e) {
            log.warn(
                    "API key mirror: refresh failed ({}); retried at the next refresh",
                    e.getClass().getSimpleName());
        }
    }

    private void publish(ApiKeyRecord key) {
        if (!format.enabled()) {
            return;
        }
        long notAfter = clock.instant().plus(properties.mirrorEntryLifetime()).getEpochSecond();
        List<String> roles =
                key.getRoles().stream().map(Role::claimValue).sorted().toList();
        String value = format.encode(
                ApiKeyMirrorEntry.unsigned(key.getId().toString(), key.getOwner(), roles, key.getKeyHash(), notAfter));
        redis.opsForValue().set(RedisKeys.apiKeyByHash(key.getKeyHash()), value, properties.mirrorEntryLifetime());
        redis.opsForValue().set(RedisKeys.apiKeyById(key.getId()), value, properties.mirrorEntryLifetime());
    }

    private void remove(ApiKeyRecord key) {
        redis.delete(List.of(RedisKeys.apiKeyByHash(key.getKeyHash()), RedisKeys.apiKeyById(key.getId())));
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
                    log.warn("API key mirror: Redis write failed; healed at the next refresh");
                }
            }
        });
    }
}
