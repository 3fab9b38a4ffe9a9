package dev.e2ee.platform.metrics;

import dev.e2ee.platform.web.PlatformWebAutoConfiguration;
import io.lettuce.core.metrics.MicrometerCommandLatencyRecorder;
import io.lettuce.core.metrics.MicrometerOptions;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.config.MeterFilterReply;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.data.redis.autoconfigure.ClientResourcesBuilderCustomizer;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.data.redis.connection.RedisConnectionFactory;

/**
 * Registers {@link HttpMetricsFilter} right after the request-id filter, and caps the HTTP meters' tag values
 * (issue 14.2): past {@link #MAX_METHOD_TAGS} methods, {@link #MAX_ROUTE_TAGS} routes or {@link #MAX_STATUS_TAGS}
 * statuses per meter name, new combinations are not registered at all (denied, not recorded), so no request shape can
 * grow the registry without bound. Applies to the product meters (docs/architecture.md#metrics) and to Boot's {@code http.server.requests} and
 * {@code http.client.requests} when those are turned on.
 */
@AutoConfiguration(after = CompositeMeterRegistryAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnBean(MeterRegistry.class)
public class PlatformMetricsAutoConfiguration {

    static final int MAX_METHOD_TAGS = 10;
    static final int MAX_ROUTE_TAGS = 200;
    static final int MAX_STATUS_TAGS = 60;
    private static final List<String> HTTP_METERS = List.of(
            "http.request.duration",
            "http.requests",
            "http.request.errors",
            "http.server.requests",
            "http.client.requests");

    @Bean
    MeterFilter e2eeHttpMeterCardinalityLimit() {
        List<MeterFilter> limits = new ArrayList<>();
        for (String meter : HTTP_METERS) {
            limits.add(MeterFilter.maximumAllowableTags(meter, "method", MAX_METHOD_TAGS, MeterFilter.deny()));
            limits.add(MeterFilter.maximumAllowableTags(meter, "route", MAX_ROUTE_TAGS, MeterFilter.deny()));
            limits.add(MeterFilter.maximumAllowableTags(meter, "uri", MAX_ROUTE_TAGS, MeterFilter.deny()));
            limits.add(MeterFilter.maximumAllowableTags(meter, "status", MAX_STATUS_TAGS, MeterFilter.deny()));
        }
        return new MeterFilter() {
            @Override
            public MeterFilterReply accept(Meter.Id id) {
                for (MeterFilter limit : limits) {
                    MeterFilterReply reply = limit.accept(id);
                    if (reply != MeterFilterReply.NEUTRAL) {
                        return reply;
                    }
                }
                return MeterFilterReply.NEUTRAL;
            }
        };
    }

    /** {@code dependency_up{dependency}} for the Redis and PostgreSQL this service uses (see {@link DependencyMetrics}). */
    @Bean
    MeterBinder e2eeDependencyMetrics(
            ObjectProvider<RedisConnectionFactory> redis, ObjectProvider<DataSource> database) {
        return new DependencyMetrics(redis.getIfAvailable(), database.getIfAvailable());
    }

    /**
     * Lettuce's command latency as Micrometer timers ({@code lettuce_command_completion_seconds},
     * {@code lettuce_command_firstresponse_seconds}; tags {@code command}, {@code remote}: bounded, no keys or values).
     * Boot 4 no longer wires this itself; Redis runs over one multiplexed connection, so this is its saturation view.
     */
    @Bean
    @ConditionalOnClass(name = "io.lettuce.core.metrics.MicrometerCommandLatencyRecorder")
    ClientResourcesBuilderCustomizer e2eeLettuceCommandMetrics(MeterRegistry registry) {
        return builder -> builder.commandLatencyRecorder(
                new MicrometerCommandLatencyRecorder(registry, MicrometerOptions.create()));
    }

    @Bean
    FilterRegistrationBean<HttpMetricsFilter> e2eeHttpMetricsFilter(MeterRegistry registry) {
        FilterRegistrationBean<HttpMetricsFilter> registration =
                new FilterRegistrationBean<>(new HttpMetricsFilter(registry));
        // inside Boot's server observation filter (HIGHEST_PRECEDENCE + 1): with tracing on the request's span is
        // current when the latency is recorded, so the histogram buckets carry it as an exemplar
        registration.setOrder(PlatformWebAutoConfiguration.REQUEST_ID_ORDER + 2);
        return registration;
    }
}
