package dev.e2ee.platform.web;

import dev.e2ee.platform.tracing.TracingEnvironment;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Lowest-precedence defaults every service gets (its {@code application.yml} and the environment override them):
 * Prometheus at {@code /api/v1/metrics}, health and its {@code live}/{@code ready} groups at {@code /api/v1/health},
 * fail-fast Redis timeouts, no error internals in responses, no duplicate
 * per-request observations, requests on virtual threads, and body-logging loggers pinned at INFO/WARN.
 */
public final class PlatformEnvironmentDefaults implements EnvironmentPostProcessor {

    static final String SOURCE_NAME = "e2eePlatformDefaults";

    /**
     * Loggers that write request/response bodies, exception messages echoing input, raw HTTP bytes, Redis commands or
     * SQL bind values at DEBUG/TRACE (issue 14.10). Pinned by name, so {@code LOG_LEVEL=DEBUG} (which sets the root
     * and {@code dev.e2ee} levels) cannot lower them; only an explicit {@code logging.level.<name>} can.
     */
    static final Map<String, String> QUIET_LOGGERS = Map.ofEntries(
            Map.entry("org.springframework.web.servlet.mvc.method.annotation", "INFO"),
            Map.entry("org.springframework.web.servlet.mvc.support", "INFO"),
            Map.entry("org.springframework.web.servlet.DispatcherServlet", "INFO"),
            Map.entry("org.springframework.web.method", "INFO"),
            Map.entry("org.springframework.web.client", "INFO"),
            Map.entry("org.springframework.web.reactive.function.client", "INFO"),
            Map.entry("org.springframework.http", "INFO"),
            Map.entry("org.springframework.core.codec", "INFO"),
            Map.entry("org.springframework.jdbc.core", "INFO"),
            Map.entry("org.springframework.data.redis", "INFO"),
            Map.entry("org.springframework.security", "INFO"),
            Map.entry("org.apache.coyote", "INFO"),
            Map.entry("org.apache.tomcat.util.net", "INFO"),
            Map.entry("org.apache.tomcat.util.http", "INFO"),
            Map.entry("org.apache.hc.client5.http.wire", "WARN"),
            Map.entry("org.apache.hc.client5.http.headers", "WARN"),
            Map.entry("org.apache.http.wire", "WARN"),
            Map.entry("reactor.netty", "INFO"),
            Map.entry("io.netty", "INFO"),
            Map.entry("io.lettuce.core", "INFO"),
            Map.entry("org.hibernate.SQL", "INFO"),
            Map.entry("org.hibernate.orm.jdbc.bind", "INFO"),
            Map.entry("org.hibernate.type", "INFO"),
            Map.entry("org.postgresql", "INFO"),
            Map.entry("com.zaxxer.hikari", "INFO"),
            // datasource-micrometer (vault, tracing on): its DEBUG lines print observations, which hold the SQL
            Map.entry("net.ttddyy", "INFO"),
            Map.entry("tools.jackson", "INFO"),
            Map.entry("com.fasterxml.jackson", "INFO"),
            Map.entry("sun.net.www.protocol.http", "INFO"),
            Map.entry("jdk.internal.httpclient", "INFO"));

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> defaults = new LinkedHashMap<>();
        defaults.put("management.endpoints.web.base-path", "/api/v1");
        defaults.put("management.endpoints.web.path-mapping.prometheus", "metrics");
        defaults.put("management.endpoints.web.exposure.include", "health,prometheus");
        // Health (PlatformHealthAutoConfiguration): /api/v1/health (every indicator), /api/v1/health/live (the process
        // runs) and /api/v1/health/ready (Boot's ReadinessState plus the checks each service adds to the group).
        // Public endpoints: each component's status only, never its details (disk paths, database names, key ids,
        // the rate limiter's mode, exception messages naming internal hosts); no disk-space check.
        defaults.put("management.endpoint.health.show-details", "never");
        defaults.put("management.endpoint.health.show-components", "always");
        defaults.put("management.health.diskspace.enabled", "false");
        defaults.put("management.endpoint.health.status.http-mapping.unhealthy", "503");
        defaults.put("management.health.livenessstate.enabled", "true");
        defaults.put("management.health.readinessstate.enabled", "true");
        defaults.put("management.endpoint.health.group.live.include", "livenessState");
        defaults.put("management.endpoint.health.group.ready.include", "readinessState");
        defaults.put("management.endpoints.access.default", "read-only");
        // The HTTP metrics (docs/architecture.md#metrics) come from HttpMetricsFilter; Boot's http.server.requests
        // observation and Spring
        // Security's per-filter observations duplicate them and cost ~10 % of a request's CPU (docs/performance.md).
        // With tracing on (TracingEnvironment) that observation stays on: it starts the request's span.
        if (!TracingEnvironment.enabled(environment)) {
            defaults.put("management.observations.enable.http.server.requests", "false");
        }
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
        QUIET_LOGGERS.forEach((logger, level) -> defaults.put("logging.level." + logger, level));
        environment.getPropertySources().addLast(new MapPropertySource(SOURCE_NAME, defaults));
    }
}
