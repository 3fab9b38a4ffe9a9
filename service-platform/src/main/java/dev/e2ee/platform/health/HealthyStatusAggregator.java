package dev.e2ee.platform.health;

import java.util.Set;
import org.springframework.boot.health.actuate.endpoint.StatusAggregator;
import org.springframework.boot.health.contributor.Status;

/**
 * Folds the statuses of the health indicators into the documented overall status: {@code unhealthy} (HTTP 503) when
 * any of them is {@code DOWN} or {@code OUT_OF_SERVICE}, {@code healthy} otherwise ({@code UP}, {@code UNKNOWN} and
 * {@link #DEGRADED}: a dependency the service can serve without, such as Redis for the vault).
 */
final class HealthyStatusAggregator implements StatusAggregator {

    static final Status HEALTHY = new Status("healthy");
    static final Status UNHEALTHY = new Status("unhealthy");

    /** Reported by an indicator whose dependency is down while the service keeps serving. */
    static final Status DEGRADED = new Status("DEGRADED");

    private static final Set<String> FAILING =
            Set.of(Status.DOWN.getCode(), Status.OUT_OF_SERVICE.getCode(), UNHEALTHY.getCode());

    @Override
    public Status getAggregateStatus(Set<Status> statuses) {
        return statuses.stream().anyMatch(status -> FAILING.contains(status.getCode())) ? UNHEALTHY : HEALTHY;
    }
}
