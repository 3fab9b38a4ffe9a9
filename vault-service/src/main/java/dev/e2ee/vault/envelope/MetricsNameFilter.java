package dev.e2ee.vault.envelope;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Renames {@value EnvelopeMetrics#EXPOSED_AS_ISSUED} to {@code envelopes_created} in the Prometheus scrape output
 * (see {@link EnvelopeMetrics#EXPOSED_AS_ISSUED} for why the meter cannot carry that name itself).
 */
final class MetricsNameFilter extends OncePerRequestFilter {

    static final String PATH = "/api/v1/metrics";

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !PATH.equals(request.getRequestURI());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
        chain.doFilter(request, wrapper);
        String body = new String(wrapper.getContentAsByteArray(), StandardCharsets.UTF_8);
        byte[] renamed = body.replace(EnvelopeMetrics.EXPOSED_AS_ISSUED, "envelopes_created")
                .getBytes(StandardCharsets.UTF_8);
        wrapper.resetBuffer();
        response.setContentLength(renamed.length);
        response.getOutputStream().write(renamed);
    }

    @Configuration(proxyBeanMethods = false)
    static class Registration {

        @Bean
        FilterRegistrationBean<MetricsNameFilter> envelopeMetricsNameFilter() {
            FilterRegistrationBean<MetricsNameFilter> registration =
                    new FilterRegistrationBean<>(new MetricsNameFilter());
            registration.addUrlPatterns(PATH);
            return registration;
        }
    }
}
