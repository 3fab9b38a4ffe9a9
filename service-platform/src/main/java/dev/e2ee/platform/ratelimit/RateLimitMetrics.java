package dev.e2ee.platform.ratelimit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** {@code rate_limit_rejections_total}: requests answered 429 by the rate limiter (no tags: no principal, no path). */
final class RateLimitMetrics {

    private RateLimitMetrics() {}

    /** What the filter runs for each rejection: increments the counter, or nothing without a registry. */
    static Runnable rejectionCounter(MeterRegistry registry) {
        if (registry == null) {
            return () -> {};
        }
        Counter counter = Counter.builder("rate.limit.rejections")
                .description("Requests refused with 429 by the rate limiter")
                .register(registry);
        return counter::increment;
    }
}
