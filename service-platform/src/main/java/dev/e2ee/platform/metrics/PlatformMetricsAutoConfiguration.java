package dev.e2ee.platform.metrics;

import dev.e2ee.platform.web.PlatformWebAutoConfiguration;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;

/** Registers {@link HttpMetricsFilter} right after the request-id filter. */
@AutoConfiguration(after = CompositeMeterRegistryAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnBean(MeterRegistry.class)
public class PlatformMetricsAutoConfiguration {

    @Bean
    FilterRegistrationBean<HttpMetricsFilter> e2eeHttpMetricsFilter(MeterRegistry registry) {
        FilterRegistrationBean<HttpMetricsFilter> registration =
                new FilterRegistrationBean<>(new HttpMetricsFilter(registry));
        registration.setOrder(PlatformWebAutoConfiguration.REQUEST_ID_ORDER + 1);
        return registration;
    }
}
