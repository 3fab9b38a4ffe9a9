package dev.e2ee.platform.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;

class HealthyStatusAggregatorTests {

    private final HealthyStatusAggregator aggregator = new HealthyStatusAggregator();

    @Test
    void aggregateWhenAllUpOrDegradedThenHealthy() {
        assertThat(aggregator.getAggregateStatus(Set.of(Status.UP, HealthyStatusAggregator.DEGRADED, Status.UNKNOWN)))
                .isEqualTo(HealthyStatusAggregator.HEALTHY);
        assertThat(aggregator.getAggregateStatus(Set.of())).isEqualTo(HealthyStatusAggregator.HEALTHY);
    }

    @Test
    void aggregateWhenAnyDownOutOfServiceOrNestedUnhealthyThenUnhealthy() {
        assertThat(aggregator.getAggregateStatus(Set.of(Status.UP, Status.DOWN)))
                .isEqualTo(HealthyStatusAggregator.UNHEALTHY);
        assertThat(aggregator.getAggregateStatus(Set.of(Status.UP, Status.OUT_OF_SERVICE)))
                .isEqualTo(HealthyStatusAggregator.UNHEALTHY);
        assertThat(aggregator.getAggregateStatus(
                        Set.of(HealthyStatusAggregator.HEALTHY, HealthyStatusAggregator.UNHEALTHY)))
                .isEqualTo(HealthyStatusAggregator.UNHEALTHY);
    }
}
