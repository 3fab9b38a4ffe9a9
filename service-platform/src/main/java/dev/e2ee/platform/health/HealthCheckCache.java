package dev.e2ee.platform.health;

import java.time.Duration;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.health.application.AvailabilityStateHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.util.ClassUtils;

/**
 * Wraps every health indicator bean except the availability states in a cache of {@code e2ee.health.check-cache-ttl}
 * ({@link CachedHealthIndicator}), so an anonymous caller of {@code /api/v1/health}, {@code /health/live} or
 * {@code /health/ready} cannot make the service ask PostgreSQL or Redis more than once per TTL, whichever endpoint
 * and however many requests. The liveness and readiness states are not cached: they cost nothing and readiness must
 * flip to 503 at once when shutdown or the warm-up says so. (Actuator's own response cache,
 * {@code management.endpoint.health.cache.time-to-live}, covers {@code /api/v1/health} only, not the groups.)
 */
final class HealthCheckCache implements BeanPostProcessor {

    private static final boolean REACTOR = ClassUtils.isPresent("reactor.core.publisher.Mono", null);

    private final Duration ttl;

    HealthCheckCache(Duration ttl) {
        this.ttl = ttl;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (ttl.isZero() || ttl.isNegative() || bean instanceof AvailabilityStateHealthIndicator) {
            return bean;
        }
        if (bean instanceof HealthIndicator check) {
            return new CachedHealthIndicator(check, ttl);
        }
        if (REACTOR && bean instanceof ReactiveHealthIndicator check) {
            return new CachedReactiveHealthIndicator(check, ttl);
        }
        return bean;
    }
}
