package dev.e2ee.vault.health;

import dev.e2ee.platform.ApiException;
import dev.e2ee.platform.health.PlatformHealthAutoConfiguration;
import dev.e2ee.platform.ratelimit.RateLimiterHealth;
import dev.e2ee.vault.receiver.ReceiverKeys;
import dev.e2ee.vault.signing.SigningKeys;
import java.util.Locale;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;

/**
 * The vault's own health components (Boot adds {@code db}, the liveness and readiness states, the platform
 * {@code rateLimiter}): {@code keys} and {@code redis}.
 */
@Configuration(proxyBeanMethods = false)
class VaultHealthIndicators {

    /** The signing key in use and whether a receiver key is available (DOWN if not). */
    @Bean
    HealthIndicator keysHealthIndicator(SigningKeys signing, ReceiverKeys receivers) {
        return () -> (receiverAvailable(receivers) ? Health.up() : Health.down())
                .withDetail("signingKeyId", signing.get().primary().kid())
                .withDetail("receiverKeySource", receivers.source())
                .withDetail("receiverKeys", receivers.publicJwks().size())
                .build();
    }

    /** Replaces Boot's Redis check (same bean name): see {@link #redis}. */
    @Bean
    HealthIndicator redisHealthIndicator(RedisConnectionFactory redis, RateLimiterHealth rateLimiter) {
        return () -> redis(redis, rateLimiter);
    }

    /**
     * The vault serves without Redis (rate limits fall back to per-instance counters), so a Redis that does not
     * answer is {@code DEGRADED}, which leaves the service healthy; the rate limiter's mode is a detail.
     */
    static Health redis(RedisConnectionFactory redis, RateLimiterHealth rateLimiter) {
        Health.Builder health = answers(redis) ? Health.up() : Health.status(PlatformHealthAutoConfiguration.DEGRADED);
        return health.withDetail("rateLimiter", rateLimiter.mode().name().toLowerCase(Locale.ROOT))
                .build();
    }

    private static boolean answers(RedisConnectionFactory redis) {
        try (RedisConnection connection = redis.getConnection()) {
            connection.ping();
            return true;
        } catch (DataAccessException e) {
            return false;
        }
    }

    private static boolean receiverAvailable(ReceiverKeys receivers) {
        try {
            return receivers.current() != null;
        } catch (ApiException e) {
            return false;
        }
    }
}
