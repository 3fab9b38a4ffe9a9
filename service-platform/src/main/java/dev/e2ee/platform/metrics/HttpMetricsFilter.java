package dev.e2ee.platform.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;

/**
 * The HTTP metrics of docs/architecture.md#metrics: {@code http_request_duration_seconds} (histogram), {@code http_requests_total} and
 * {@code http_request_errors_total} (status ≥ 400), tagged {@code method} (one of the standard methods, else
 * {@code OTHER}, so invented methods never become tags), {@code route} (the matched URI template, {@code unmatched}
 * when no handler matched, so raw paths never become tags) and {@code status}.
 */
final class HttpMetricsFilter extends OncePerRequestFilter {

    static final Set<String> STANDARD_METHODS =
            Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE", "CONNECT");

    private final MeterRegistry registry;

    HttpMetricsFilter(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Timer.Sample sample = Timer.start(registry);
        int status = 500;
        try {
            chain.doFilter(request, response);
            status = response.getStatus();
        } finally {
            record(sample, request, status);
        }
    }

    static String methodTag(String method) {
        return STANDARD_METHODS.contains(method) ? method : "OTHER";
    }

    private void record(Timer.Sample sample, HttpServletRequest request, int status) {
        Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        String route = pattern instanceof String template ? template : "unmatched";
        Tags tags =
                Tags.of("method", methodTag(request.getMethod()), "route", route, "status", Integer.toString(status));
        sample.stop(Timer.builder("http.request.duration")
                .description("HTTP request duration")
                .tags(tags)
                .publishPercentileHistogram()
                .serviceLevelObjectives(LatencyTargets.buckets())
                .register(registry));
        Counter.builder("http.requests")
                .description("HTTP requests")
                .tags(tags)
                .register(registry)
                .increment();
        if (status >= 400) {
            Counter.builder("http.request.errors")
                    .description("HTTP requests answered with status >= 400")
                    .tags(tags)
                    .register(registry)
                    .increment();
        }
    }
}
