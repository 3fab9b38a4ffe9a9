package dev.e2ee.platform.ratelimit;

import dev.e2ee.platform.security.AuthenticationFailureThrottle;
import dev.e2ee.platform.security.SecurityChainCustomizer;
import dev.e2ee.platform.time.ClockAutoConfiguration;
import dev.e2ee.platform.web.PlatformWebAutoConfiguration;
import dev.e2ee.platform.web.ProblemWriter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.OptionalLong;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.security.web.access.intercept.AuthorizationFilter;

/** The Redis rate limiter (when {@code e2ee.rate-limit.enabled} is not false) and its health state. */
@AutoConfiguration(
        after = {DataRedisAutoConfiguration.class, PlatformWebAutoConfiguration.class, ClockAutoConfiguration.class})
@EnableConfigurationProperties(RateLimitProperties.class)
public class RateLimitAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(StringRedisTemplate.class)
    @Conditional(OnRateLimitEnabled.class)
    RateLimiter e2eeRateLimiter(StringRedisTemplate redis, RateLimitProperties properties, Clock clock) {
        return new RateLimiter(redis, properties, clock);
    }

    @Bean
    @ConditionalOnBean(RateLimiter.class)
    SecurityChainCustomizer e2eeRateLimitChainCustomizer(
            RateLimiter limiter,
            RateLimitProperties properties,
            ProblemWriter problems,
            ObjectProvider<MeterRegistry> registry) {
        Runnable rejected = RateLimitMetrics.rejectionCounter(registry.getIfAvailable());
        return http -> http.addFilterBefore(
                new RateLimitFilter(limiter, properties, problems, rejected), AuthorizationFilter.class);
    }

    @Bean
    @ConditionalOnBean(RateLimiter.class)
    @ConditionalOnMissingBean(AuthenticationFailureThrottle.class)
    AuthenticationFailureThrottle e2eeAuthenticationFailureThrottle(
            RateLimiter limiter, RateLimitProperties properties) {
        return properties.authFailuresPerMinute() > 0
                ? new AuthenticationFailureLimiter(limiter, properties.authFailuresPerMinute())
                : clientAddress -> OptionalLong.empty();
    }

    @Bean
    @ConditionalOnBean(RateLimiter.class)
    ApplicationListener<ApplicationReadyEvent> e2eeRateLimiterWarmUp(RateLimiter limiter) {
        return event -> limiter.warmUp();
    }

    @Bean
    @ConditionalOnMissingBean(RateLimiterHealth.class)
    RateLimiterHealth e2eeRateLimiterDisabled() {
        return new DisabledRateLimiterHealth();
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(HealthIndicator.class)
    static class HealthConfiguration {

        @Bean
        HealthIndicator rateLimiterHealthIndicator(RateLimiterHealth health) {
            return () -> Health.up()
                    .withDetail("mode", health.mode().name())
                    .withDetail("redis", health.redisAvailable() ? "up" : "down")
                    .build();
        }
    }

    private static final class DisabledRateLimiterHealth implements RateLimiterHealth {
        @Override
        public Mode mode() {
            return Mode.DISABLED;
        }

        @Override
        public java.time.Instant lastRedisFailure() {
            return null;
        }
    }
}
