package dev.e2ee.platform.health;

import java.time.Duration;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * One health check whose result answers every caller for {@code ttl}: the health endpoints are public, so however many
 * requests arrive, the check (a PostgreSQL or Redis round trip) runs at most once per {@code ttl}. Single flight:
 * callers that arrive while the check runs wait for that run instead of starting their own. Details are kept and
 * left out for callers that do not ask for them.
 */
final class CachedHealthIndicator implements HealthIndicator {

    private record Result(Health health, long at) {}

    private final HealthIndicator check;
    private final long ttlNanos;
    private final LongSupplier nanoTime;
    private final ReentrantLock running = new ReentrantLock();
    private volatile Result last;

    CachedHealthIndicator(HealthIndicator check, Duration ttl) {
        this(check, ttl, System::nanoTime);
    }

    CachedHealthIndicator(HealthIndicator check, Duration ttl, LongSupplier nanoTime) {
        this.check = check;
        this.ttlNanos = ttl.toNanos();
        this.nanoTime = nanoTime;
    }

    @Override
    public Health health(boolean includeDetails) {
        Health health = current();
        return includeDetails ? health : Health.status(health.getStatus()).build();
    }

    @Override
    public Health health() {
        return health(true);
    }

    private Health current() {
        Result result = last;
        if (fresh(result)) {
            return result.health();
        }
        running.lock();
        try {
            result = last;
            if (!fresh(result)) {
                result = new Result(check.health(true), nanoTime.getAsLong());
                last = result;
            }
            return result.health();
        } finally {
            running.unlock();
        }
    }

    private boolean fresh(Result result) {
        return result != null && nanoTime.getAsLong() - result.at() < ttlNanos;
    }
}
