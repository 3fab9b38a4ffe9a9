package dev.e2ee.vault.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.e2ee.platform.health.PlatformHealthAutoConfiguration;
import dev.e2ee.platform.ratelimit.RateLimiterHealth;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/** The vault's Redis check against a Redis that is not there (a closed local port, no mocks). */
class VaultHealthIndicatorsTests {

    private LettuceConnectionFactory redis;

    @BeforeEach
    void unreachableRedis() {
        redis = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", 1));
        redis.afterPropertiesSet();
        redis.start();
    }

    @AfterEach
    void close() {
        redis.destroy();
    }

    @Test
    void redisWhenUnreachableThenDegradedNotDownWithTheRateLimiterMode() {
        RateLimiterHealth fallback = new RateLimiterHealth() {
            @Override
            public Mode mode() {
                return Mode.LOCAL_FALLBACK;
            }

            @Override
            public Instant lastRedisFailure() {
                return Instant.EPOCH;
            }
        };

        Health health = VaultHealthIndicators.redis(redis, fallback);

        assertThat(health.getStatus()).isEqualTo(PlatformHealthAutoConfiguration.DEGRADED);
        assertThat(health.getDetails()).containsEntry("rateLimiter", "local_fallback");
    }
}
