package dev.e2ee.vault.health;

import dev.e2ee.platform.health.PlatformHealthAutoConfiguration;
import dev.e2ee.platform.ratelimit.RateLimiterHealth;
import java.util.Locale;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.stereotype.Component;

/**
 * Health component {@code redis} of the vault (it replaces Boot's, by bean name): the vault serves without Redis (rate
 * limits fall back to per-instance counters), so a Redis that does not answer is {@code DEGRADED}, which leaves the
 * service healthy, with the rate limiter's mode as a detail.
 */
@Component("redisHealthIndicator")
class RedisHealthIndicator implements HealthIndicator {

    private final RedisConnectionFactory redis;
    private final RateLimiterHealth rateLimiter;

    RedisHealthIndicator(RedisConnectionFactory redis, RateLimiterHealth rateLimiter) {
        this.redis = redis;
        this.rateLimiter = rateLimiter;
    }

    @Override
    public Health health() {
        Health.Builder health = answers() ? Health.up() : Health.status(PlatformHealthAutoConfiguration.DEGRADED);
        return health.withDetail("rateLimiter", rateLimiter.mode().name().toLowerCase(Locale.ROOT))
                .build();
    }

    private boolean answers() {
        try (RedisConnection connection = redis.getConnection()) {
            connection.ping();
            return true;
        } catch (DataAccessException e) {
            return false;
        }
    }
}
