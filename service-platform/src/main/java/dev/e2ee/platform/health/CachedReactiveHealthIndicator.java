package dev.e2ee.platform.health;

import java.time.Duration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import reactor.core.publisher.Mono;

/**
 * The reactive form of {@link CachedHealthIndicator} (Boot's Redis check is reactive when Reactor is present): the
 * check's result is replayed for {@code ttl}, and subscribers that arrive while it runs share that run.
 */
final class CachedReactiveHealthIndicator implements ReactiveHealthIndicator {

    private final Mono<Health> cached;

    CachedReactiveHealthIndicator(ReactiveHealthIndicator check, Duration ttl) {
        this.cached = Mono.defer(() -> check.health(true))
                .cache(health -> ttl, failure -> Duration.ZERO, () -> Duration.ZERO);
    }

    @Override
    public Mono<Health> health(boolean includeDetails) {
        return includeDetails
                ? cached
                : cached.map(health -> Health.status(health.getStatus()).build());
    }

    @Override
    public Mono<Health> health() {
        return health(true);
    }
}
