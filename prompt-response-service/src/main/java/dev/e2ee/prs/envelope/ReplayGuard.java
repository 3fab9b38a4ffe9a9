package dev.e2ee.prs.envelope;

import dev.e2ee.prs.storage.StorageUnavailableException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * One-time use of envelope ids across all instances: {@code SET e2ee:replay:<id> 1 NX PX <ttl>} where the TTL runs
 * until the envelope's expiry or its maximum age ({@code OpenedEnvelope.rememberUntil()}); after that the opener
 * rejects the envelope anyway, so the id can be forgotten.
 */
@Component
class ReplayGuard {

    private static final Logger log = LoggerFactory.getLogger(ReplayGuard.class);

    static final String PREFIX = "e2ee:replay:";
    private static final Duration MIN_TTL = Duration.ofSeconds(1);

    private final StringRedisTemplate redis;
    private final Clock clock;
    private final boolean enabled;

    ReplayGuard(StringRedisTemplate redis, Clock clock, ReplayProperties properties) {
        this.redis = redis;
        this.clock = clock;
        this.enabled = properties.enabled();
    }

    /** True when this call is the first to open the envelope (always true when replay protection is off). */
    boolean claim(UUID envelopeId, Instant rememberUntil) {
        if (!enabled) {
            return true;
        }
        Duration ttl = Duration.between(clock.instant(), rememberUntil);
        if (ttl.compareTo(MIN_TTL) < 0) {
            ttl = MIN_TTL;
        }
        try {
            return Boolean.TRUE.equals(redis.opsForValue().setIfAbsent(PREFIX + envelopeId, "1", ttl));
        } catch (DataAccessException e) {
            throw new StorageUnavailableException(e);
        }
    }

    /** Forgets a claim whose opening could not be completed (the audit event failed), so it can be retried. */
    void release(UUID envelopeId) {
        if (!enabled) {
            return;
        }
        try {
            redis.delete(PREFIX + envelopeId);
        } catch (DataAccessException e) {
            log.warn(
                    "Replay claim of envelope {} not released (stays claimed until its TTL): {}",
                    envelopeId,
                    e.toString());
        }
    }
}
