package dev.e2ee.platform.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.e2ee.platform.test.MutableClock;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

class RateLimiterTests {

    private static LettuceConnectionFactory factory;
    private static StringRedisTemplate closedPort;

    @BeforeAll
    static void connectToClosedPort() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        LettuceClientConfiguration client = LettuceClientConfiguration.builder()
                .commandTimeout(Duration.ofMillis(300))
                .shutdownTimeout(Duration.ZERO)
                .build();
        factory = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", port), client);
        factory.afterPropertiesSet();
        factory.start();
        closedPort = new StringRedisTemplate(factory);
    }

    @AfterAll
    static void close() {
        factory.destroy();
    }

    @Test
    void redisDownWhenCheckingThenPerInstanceLimitsAndBackoff() {
        MutableClock clock = new MutableClock(Instant.parse("2030-01-01T00:00:10Z"));
        RateLimiter limiter = new RateLimiter(closedPort, properties(), clock);
        List<RateLimiter.Limit> limits = List.of(new RateLimiter.Limit("default", 2));
        String principal = "user:" + UUID.randomUUID();

        RateLimitDecision first = limiter.check(principal, limits);
        Instant failure = limiter.lastRedisFailure();
        clock.advance(Duration.ofSeconds(1));
        RateLimitDecision second = limiter.check(principal, limits);
        RateLimitDecision third = limiter.check(principal, limits);

        assertThat(first.exceeded()).isFalse();
        assertThat(first.remaining()).isEqualTo(1);
        assertThat(second.exceeded()).isFalse();
        assertThat(third.exceeded()).isTrue();
        assertThat(third.retryAfterSeconds()).isEqualTo(49);
        assertThat(limiter.mode()).isEqualTo(RateLimiterHealth.Mode.LOCAL_FALLBACK);
        assertThat(limiter.redisAvailable()).isFalse();
        assertThat(failure).isEqualTo(Instant.parse("2030-01-01T00:00:10Z"));
        assertThat(limiter.lastRedisFailure())
                .as("Redis skipped during back-off")
                .isEqualTo(failure);

        clock.advance(Duration.ofSeconds(5));
        limiter.check(principal, limits);
        assertThat(limiter.lastRedisFailure())
                .as("Redis retried after back-off")
                .isAfter(failure);
    }

    @Test
    void severalLimitsWhenOneExceededThenItIsReported() {
        MutableClock clock = new MutableClock(Instant.parse("2030-01-01T00:00:10Z"));
        RateLimiter limiter = new RateLimiter(closedPort, properties(), clock);
        List<RateLimiter.Limit> limits =
                List.of(new RateLimiter.Limit("default", 100), new RateLimiter.Limit("envelope-create", 1));
        String principal = "key:" + UUID.randomUUID();

        RateLimitDecision first = limiter.check(principal, limits);
        RateLimitDecision second = limiter.check(principal, limits);

        assertThat(first.limit()).isEqualTo(1);
        assertThat(first.remaining()).isZero();
        assertThat(second.exceeded()).isTrue();
        assertThat(second.limit()).isEqualTo(1);
    }

    private static RateLimitProperties properties() {
        return new RateLimitProperties(true, 100, List.of(), List.of(), Duration.ofSeconds(5), 1000, 20);
    }
}
