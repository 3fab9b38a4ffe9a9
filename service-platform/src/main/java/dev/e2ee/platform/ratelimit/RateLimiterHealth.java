package dev.e2ee.platform.ratelimit;

import java.time.Instant;

/**
 * State of the rate limiter, for the services' health endpoints: whether the shared Redis counters are in use or
 * the per-instance fallback is. Also exposed as the actuator health contributor {@code rateLimiter}.
 */
public interface RateLimiterHealth {

    enum Mode {
        /** Shared counters in Redis. */
        REDIS,
        /** Redis failed recently: per-instance counters. */
        LOCAL_FALLBACK,
        /** {@code e2ee.rate-limit.enabled=false}. */
        DISABLED
    }

    Mode mode();

    /** Last time a Redis call of the limiter failed, or null. */
    Instant lastRedisFailure();

    default boolean redisAvailable() {
        return mode() != Mode.LOCAL_FALLBACK;
    }
}
