package dev.e2ee.platform.health;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.health.actuate.endpoint.StatusAggregator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.annotation.Bean;

/**
 * Health through Actuator for both services: the health endpoint and its groups {@code live} and {@code ready} sit at
 * the documented {@code /api/v1/health}, {@code /api/v1/health/live} and {@code /api/v1/health/ready} (the endpoints'
 * base path is {@code /api/v1}; groups and exposure are set in {@code PlatformEnvironmentDefaults}, the members of
 * {@code ready} in each service's {@code application.yml}). Each check is a {@code HealthIndicator}; the overall
 * status reads {@code healthy} or {@code unhealthy} (503).
 */
@AutoConfiguration(
        beforeName = "org.springframework.boot.health.autoconfigure.actuate.endpoint.HealthEndpointAutoConfiguration")
@ConditionalOnClass(StatusAggregator.class)
public class PlatformHealthAutoConfiguration {

    /** The status an indicator reports when its dependency is down but the service keeps serving. */
    public static final Status DEGRADED = HealthyStatusAggregator.DEGRADED;

    @Bean
    StatusAggregator e2eeHealthStatusAggregator() {
        return new HealthyStatusAggregator();
    }
}
