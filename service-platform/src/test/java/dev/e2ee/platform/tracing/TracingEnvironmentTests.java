package dev.e2ee.platform.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.e2ee.platform.web.PlatformEnvironmentDefaults;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

class TracingEnvironmentTests {

    private static MockEnvironment apply(String... nameValuePairs) {
        MockEnvironment environment = new MockEnvironment();
        for (int i = 0; i + 1 < nameValuePairs.length; i += 2) {
            environment.setProperty(nameValuePairs[i], nameValuePairs[i + 1]);
        }
        new PlatformEnvironmentDefaults().postProcessEnvironment(environment, new SpringApplication());
        new TracingEnvironment().postProcessEnvironment(environment, new SpringApplication());
        return environment;
    }

    @Test
    void tracingWhenNotEnabledThenOpenTelemetryTracerNotConfiguredAndNothingExported() {
        MockEnvironment environment = apply();

        assertThat(environment.getProperty("spring.autoconfigure.exclude"))
                .contains("OpenTelemetryTracingAutoConfiguration", "OtlpTracingAutoConfiguration");
        assertThat(environment.getProperty("management.tracing.export.enabled")).isEqualTo("false");
        assertThat(environment.getProperty("management.observations.enable.http.server.requests"))
                .isEqualTo("false");
        assertThat(environment.getProperty("jdbc.datasource-proxy.enabled")).isEqualTo("false");
    }

    @Test
    void tracingWhenEnabledThenJdbcStatementSpansOnlyWithoutBindValuesOrMeter() {
        MockEnvironment environment = apply("TRACING_ENABLED", "true");

        assertThat(environment.getProperty("jdbc.datasource-proxy.enabled")).isEqualTo("true");
        assertThat(environment.getProperty("jdbc.includes")).isEqualTo("QUERY");
        assertThat(environment.getProperty("jdbc.datasource-proxy.include-parameter-values"))
                .isEqualTo("false");
        assertThat(environment.getProperty("jdbc.resultset-operations.enabled")).isEqualTo("false");
        assertThat(environment.getProperty("management.metrics.enable.jdbc.query"))
                .isEqualTo("false");
    }

    @Test
    void tracingWhenEnabledThenSampleRateEndpointAndServerObservationMapped() {
        MockEnvironment environment = apply(
                "TRACING_ENABLED", "true",
                "TRACING_SAMPLE_RATE", "0.25",
                "OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318/");

        assertThat(environment.getProperty("spring.autoconfigure.exclude")).isNull();
        assertThat(environment.getProperty("management.tracing.sampling.probability"))
                .isEqualTo("0.25");
        assertThat(environment.getProperty("management.opentelemetry.tracing.export.otlp.endpoint"))
                .isEqualTo("http://collector:4318/v1/traces");
        assertThat(environment.getProperty("management.observations.enable.http.server.requests"))
                .isEqualTo("true");
        assertThat(environment.getProperty("management.metrics.enable.http.server.requests"))
                .isEqualTo("false");
    }

    @Test
    void endpointWhenTracesEndpointOrNothingGivenThenThatOrTheOpenTelemetryDefault() {
        assertThat(apply("TRACING_ENABLED", "true", "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "http://c:4318/custom")
                        .getProperty("management.opentelemetry.tracing.export.otlp.endpoint"))
                .isEqualTo("http://c:4318/custom");
        assertThat(apply("TRACING_ENABLED", "true")
                        .getProperty("management.opentelemetry.tracing.export.otlp.endpoint"))
                .isEqualTo("http://localhost:4318/v1/traces");
    }

    @Test
    void explicitBootPropertyWhenSetThenWinsOverTheMapping() {
        assertThat(apply(
                                "TRACING_ENABLED", "true",
                                "TRACING_SAMPLE_RATE", "0.25",
                                "management.tracing.sampling.probability", "0.5")
                        .getProperty("management.tracing.sampling.probability"))
                .isEqualTo("0.5");
    }
}
