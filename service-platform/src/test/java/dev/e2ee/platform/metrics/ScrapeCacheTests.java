package dev.e2ee.platform.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ScrapeCacheTests {

    @Test
    void getWhenReadTwiceWithinTheTtlThenComputedOnce() {
        AtomicInteger calls = new AtomicInteger();
        ScrapeCache<Integer> cache = ScrapeCache.of(calls::incrementAndGet, -1, Duration.ofMinutes(1));

        assertThat(cache.get()).isEqualTo(1);
        assertThat(cache.get()).isEqualTo(1);
        assertThat(calls).hasValue(1);
    }

    @Test
    void getWhenTtlElapsedThenComputedAgain() {
        AtomicInteger calls = new AtomicInteger();
        ScrapeCache<Integer> cache = ScrapeCache.of(calls::incrementAndGet, -1, Duration.ZERO);

        cache.get();

        assertThat(cache.get()).isEqualTo(2);
    }

    @Test
    void getWhenComputationThrowsThenFallbackInsteadOfAFailedScrape() {
        ScrapeCache<Integer> cache = ScrapeCache.of(
                () -> {
                    throw new IllegalStateException("redis down");
                },
                0,
                Duration.ofMinutes(1));

        assertThat(cache.get()).isZero();
    }
}
