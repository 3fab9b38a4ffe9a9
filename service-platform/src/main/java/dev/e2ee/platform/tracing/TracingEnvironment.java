package dev.e2ee.platform.tracing;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;

/**
 * Maps the tracing switches of both services onto Boot's properties (lowest precedence; explicit
 * {@code management.*} settings win):
 *
 * <ul>
 *   <li>{@code TRACING_ENABLED} (default {@code false}): off means the OpenTelemetry tracer and exporter are not
 *       configured at all, so Boot's no-op tracer is used (no spans, no ids, no export); on means Micrometer Tracing
 *       over the OpenTelemetry SDK, W3C {@code traceparent} in and out, spans exported with OTLP http/protobuf.
 *   <li>{@code TRACING_SAMPLE_RATE} (default {@code 0.1}) → {@code management.tracing.sampling.probability}; a
 *       sampled {@code traceparent} from the caller is always honoured (parent-based sampling).
 *   <li>{@code OTEL_EXPORTER_OTLP_TRACES_ENDPOINT}, else {@code OTEL_EXPORTER_OTLP_ENDPOINT} + {@code /v1/traces},
 *       else {@code http://localhost:4318/v1/traces} (the OpenTelemetry defaults) → Boot's OTLP span endpoint.
 * </ul>
 *
 * With tracing on, Boot's HTTP server observation is switched on (it starts the request's span from the incoming
 * {@code traceparent}); its {@code http.server.requests} meter, which duplicates the platform's HTTP metrics, is not
 * registered.
 *
 * <p>JDBC (vault-service, the one service with the datasource-micrometer library): {@code TRACING_ENABLED} also sets
 * {@code jdbc.datasource-proxy.enabled}, so with tracing off the {@code DataSource} is not proxied and no statement is
 * observed. With tracing on, only statement spans ({@code jdbc.includes=QUERY}: no connection, result-set or
 * generated-keys spans, so result sets are not proxied either), never bind values, and no {@code jdbc.query} meter
 * (statement time is already in the request metrics; the metric set does not change with tracing).
 */
public final class TracingEnvironment implements EnvironmentPostProcessor {

    static final String SOURCE_NAME = "e2eeTracing";

    /** Configured only when tracing is on; without them Boot falls back to its no-op tracer. */
    static final String OTEL_TRACING_AUTO_CONFIGURATIONS = String.join(
            ",",
            "org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration",
            "org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.otlp.OtlpTracingAutoConfiguration");

    /** datasource-micrometer's switch: off = no DataSource proxy, no per-statement observation. */
    static final String JDBC_PROXY_ENABLED = "jdbc.datasource-proxy.enabled";

    /** True when {@code TRACING_ENABLED=true}. */
    public static boolean enabled(Environment environment) {
        return Boolean.parseBoolean(
                environment.getProperty("TRACING_ENABLED", "false").trim());
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> properties = new LinkedHashMap<>();
        if (enabled(environment)) {
            properties.put("management.tracing.export.enabled", "true");
            properties.put(
                    "management.tracing.sampling.probability", environment.getProperty("TRACING_SAMPLE_RATE", "0.1"));
            properties.put("management.opentelemetry.tracing.export.otlp.endpoint", otlpEndpoint(environment));
            properties.put("management.observations.enable.http.server.requests", "true");
            properties.put("management.metrics.enable.http.server.requests", "false");
            jdbcQuerySpans(properties);
        } else {
            properties.put(JDBC_PROXY_ENABLED, "false");
            properties.put("management.tracing.export.enabled", "false");
            properties.put("management.tracing.sampling.probability", "0");
            properties.put("spring.autoconfigure.exclude", OTEL_TRACING_AUTO_CONFIGURATIONS);
        }
        environment.getPropertySources().addLast(new MapPropertySource(SOURCE_NAME, properties));
    }

    private static void jdbcQuerySpans(Map<String, Object> properties) {
        properties.put(JDBC_PROXY_ENABLED, "true");
        properties.put("jdbc.includes", "QUERY");
        properties.put("jdbc.datasource-proxy.include-parameter-values", "false");
        properties.put("jdbc.resultset-operations.enabled", "false");
        properties.put("management.metrics.enable.jdbc.query", "false");
    }

    static String otlpEndpoint(Environment environment) {
        String traces = environment
                .getProperty("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "")
                .trim();
        if (!traces.isEmpty()) {
            return traces;
        }
        String base = environment.getProperty("OTEL_EXPORTER_OTLP_ENDPOINT", "").trim();
        return (base.isEmpty() ? "http://localhost:4318" : base.replaceAll("/+$", "")) + "/v1/traces";
    }
}
