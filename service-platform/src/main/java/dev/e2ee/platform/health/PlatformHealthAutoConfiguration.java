package dev.e2ee.platform.health;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.health.actuate.endpoint.StatusAggregator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Health through Actuator for both services: the health endpoint and its groups {@code live} and {@code ready} sit at
 * the documented {@code /api/v1/health}, {@code /api/v1/health/live} and {@code /api/v1/health/ready} (the endpoints'
 * base path is {@code /api/v1}; groups and exposure are set in {@code PlatformEnvironmentDefaults}, the members of
 * {@code ready} in each service's {@code application.yml}). Each check is a {@code HealthIndicator}; the overall
 * status reads {@code healthy} or {@code unhealthy} (503). The endpoints are public, so each check but the
 * availability states runs at most once per {@code e2ee.health.check-cache-ttl} ({@link HealthCheckCache}).
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

    /** Static and bound by hand: a post-processor is created before configuration-properties binding. */
    @Bean
    static BeanPostProcessor e2eeHealthCheckCache(Environment environment) {
        HealthCheckProperties properties =
                Binder.get(environment).bindOrCreate("e2ee.health", HealthCheckProperties.class);
        return new HealthCheckCache(properties.checkCacheTtl());
    }
}
