package dev.e2ee.platform.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/** One run of a check answers for the TTL, then the check runs again; details only for callers that ask. */
class CachedHealthIndicatorTests {

    private final AtomicInteger runs = new AtomicInteger();
    private final AtomicLong now = new AtomicLong();
    private final CachedHealthIndicator cached = new CachedHealthIndicator(
            () -> (runs.incrementAndGet() == 1 ? Health.up() : Health.down())
                    .withDetail("run", runs.get())
                    .build(),
            Duration.ofSeconds(1),
            now::get);

    @Test
    void healthWhenAskedWithinTheTtlThenOneRunAnswersAndAfterItTheCheckRunsAgain() {
        assertThat(cached.health(true).getStatus()).isEqualTo(Status.UP);
        now.addAndGet(Duration.ofMillis(999).toNanos());
        assertThat(cached.health(true).getStatus()).isEqualTo(Status.UP);
        assertThat(runs).hasValue(1);

        now.addAndGet(Duration.ofMillis(1).toNanos());

        assertThat(cached.health(true).getStatus()).isEqualTo(Status.DOWN);
        assertThat(runs).hasValue(2);
    }

    @Test
    void healthWhenDetailsNotAskedThenStatusOnly() {
        assertThat(cached.health(true).getDetails()).containsEntry("run", 1);
        assertThat(cached.health(false).getDetails()).isEmpty();
        assertThat(cached.health(false).getStatus()).isEqualTo(Status.UP);
    }
}
