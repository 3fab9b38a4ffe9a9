package dev.e2ee.platform.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Lowest-precedence defaults every service gets (its {@code application.yml} and the environment override them):
 * Prometheus at {@code /api/v1/metrics}, fail-fast Redis timeouts, no error internals in responses, no duplicate
 * per-request observations, requests on virtual threads.
 */
public final class PlatformEnvironmentDefaults implements EnvironmentPostProcessor {

    static final String SOURCE_NAME = "e2eePlatformDefaults";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> defaults = new LinkedHashMap<>();
        defaults.put("management.endpoints.web.base-path", "/api/v1");
        defaults.put("management.endpoints.web.path-mapping.prometheus", "metrics");
        defaults.put("management.endpoints.web.exposure.include", "prometheus");
        defaults.put("management.endpoints.access.default", "read-only");
        // The SPEC §11 HTTP metrics come from HttpMetricsFilter; Boot's http.server.requests observation and Spring
        // Security's per-filter observations duplicate them and cost ~10 % of a request's CPU (docs/performance.md).
        defaults.put("management.observations.enable.http.server.requests", "false");
        defaults.put("management.observations.enable.spring.security", "false");
        // Requests (and Boot's task executor/scheduler) on virtual threads, when the runtime has them (Java 21+; the
        // containers run 25, where synchronized no longer pins). A request blocked on PostgreSQL or Redis then parks
        // in the JVM instead of costing the kernel two context switches: ~12 % less vault CPU per prompt read, and
        // PostgreSQL's share fell too (docs/performance.md). On Java 17 Boot ignores it.
        defaults.put("spring.threads.virtual.enabled", "true");
        defaults.put("spring.data.redis.timeout", "500ms");
        defaults.put("spring.data.redis.connect-timeout", "500ms");
        defaults.put("server.error.include-stacktrace", "never");
        defaults.put("server.error.include-message", "never");
        defaults.put("server.error.include-exception", "false");
        defaults.put("server.error.include-binding-errors", "never");
        defaults.put("server.error.whitelabel.enabled", "false");
        defaults.put("spring.jackson.deserialization.fail-on-unknown-properties", "true");
        defaults.put("springdoc.swagger-ui.path", "/api/docs");
        defaults.put("springdoc.api-docs.path", "/v3/api-docs");
        environment.getPropertySources().addLast(new MapPropertySource(SOURCE_NAME, defaults));
    }
}
