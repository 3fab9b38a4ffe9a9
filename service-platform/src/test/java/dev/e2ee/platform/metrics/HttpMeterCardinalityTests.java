package dev.e2ee.platform.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

class HttpMeterCardinalityTests {

    @Test
    void methodTagWhenNotAStandardMethodThenOther() {
        assertThat(HttpMetricsFilter.methodTag("GET")).isEqualTo("GET");
        assertThat(HttpMetricsFilter.methodTag("PATCH")).isEqualTo("PATCH");
        assertThat(HttpMetricsFilter.methodTag("FOO")).isEqualTo("OTHER");
        assertThat(HttpMetricsFilter.methodTag("get")).isEqualTo("OTHER");
    }

    @Test
    void httpMetersWhenTagValuesExceedTheCapThenNewSeriesAreDenied() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        registry.config().meterFilter(new PlatformMetricsAutoConfiguration().e2eeHttpMeterCardinalityLimit());

        for (int i = 0; i < 1_000; i++) {
            Counter.builder("http.requests")
                    .tags("method", "GET", "route", "/r" + i, "status", Integer.toString(100 + i % 500))
                    .register(registry)
                    .increment();
            Counter.builder("http.server.requests")
                    .tags("method", "M" + i, "uri", "/u", "status", "200")
                    .register(registry)
                    .increment();
        }

        assertThat(registry.find("http.requests").meters())
                .hasSizeLessThanOrEqualTo(PlatformMetricsAutoConfiguration.MAX_ROUTE_TAGS);
        assertThat(registry.find("http.server.requests").meters())
                .hasSize(PlatformMetricsAutoConfiguration.MAX_METHOD_TAGS);
    }
}
