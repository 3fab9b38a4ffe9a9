package dev.e2ee.platform.metrics;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * A value computed at most once per {@code ttl} and only when read, so a gauge backed by a Redis or SQL query costs one
 * query per scrape interval however many gauges read it and however often Prometheus scrapes. A failed computation
 * gives {@code fallback} (cached like any value), so a gauge never throws into the scrape.
 */
public final class ScrapeCache<T> {

    private final Supplier<T> compute;
    private final T fallback;
    private final long ttlNanos;
    private T value;
    private long computedAt;
    private boolean computed;

    private ScrapeCache(Supplier<T> compute, T fallback, Duration ttl) {
        this.compute = compute;
        this.fallback = fallback;
        this.ttlNanos = ttl.toNanos();
    }

    /** Computes with {@code compute} at most once per {@code ttl}; {@code fallback} when it throws. */
    public static <T> ScrapeCache<T> of(Supplier<T> compute, T fallback, Duration ttl) {
        return new ScrapeCache<>(compute, fallback, ttl);
    }

    /** The cached value, recomputed when older than the ttl. */
    public synchronized T get() {
        long now = System.nanoTime();
        if (!computed || now - computedAt >= ttlNanos) {
            value = computeOrFallback();
            computedAt = now;
            computed = true;
        }
        return value;
    }

    private T computeOrFallback() {
        try {
            return compute.get();
        } catch (RuntimeException e) {
            // a metric must not fail the scrape: an unreachable Redis or database reads as the fallback
            return fallback;
        }
    }
}
