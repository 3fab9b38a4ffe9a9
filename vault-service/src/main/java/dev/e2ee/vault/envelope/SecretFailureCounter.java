package dev.e2ee.vault.envelope;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Failed secret attempts per prompt in a fixed window, shared through Redis. When Redis is unreachable the
 * count falls back to this instance's memory, so a Redis outage never lifts the limit entirely.
 */
@Component
class SecretFailureCounter {

    private static final Logger log = LoggerFactory.getLogger(SecretFailureCounter.class);
    static final String PREFIX = "e2ee:secret-failures:";

    private record Local(int count, Instant resetAt) {}

    private final StringRedisTemplate redis;
    private final SecretFailureProperties properties;
    private final Clock clock;
    private final Map<UUID, Local> local = new ConcurrentHashMap<>();

    SecretFailureCounter(StringRedisTemplate redis, SecretFailureProperties properties, ObjectProvider<Clock> clock) {
        this.redis = redis;
        this.properties = properties;
        this.clock = clock.getIfUnique(Clock::systemUTC);
    }

    /** Time left in the window when the prompt is blocked, else zero. */
    Duration blockedFor(UUID promptId) {
        try {
            String value = redis.opsForValue().get(PREFIX + promptId);
            if (value == null || Integer.parseInt(value) < properties.maxAttempts()) {
                return Duration.ZERO;
            }
            Long ttl = redis.getExpire(PREFIX + promptId);
            return ttl == null || ttl <= 0 ? Duration.ofSeconds(1) : Duration.ofSeconds(ttl);
        } catch (DataAccessException e) {
            Local entry = local.get(promptId);
            Instant now = clock.instant();
            if (entry == null || entry.resetAt().isBefore(now) || entry.count() < properties.maxAttempts()) {
                return Duration.ZERO;
            }
            return Duration.between(now, entry.resetAt());
        }
    }

    void recordFailure(UUID promptId) {
        String key = PREFIX + promptId;
        try {
            // create with its expiry first, so the counter can never outlive its window
            redis.opsForValue().setIfAbsent(key, "0", properties.window());
            redis.opsForValue().increment(key);
        } catch (DataAccessException e) {
            log.warn("secret-failure counter: Redis unavailable, counting on this instance");
            Instant now = clock.instant();
            local.compute(
                    promptId,
                    (id, entry) -> entry == null || entry.resetAt().isBefore(now)
                            ? new Local(1, now.plus(properties.window()))
                            : new Local(entry.count() + 1, entry.resetAt()));
        }
    }
}
