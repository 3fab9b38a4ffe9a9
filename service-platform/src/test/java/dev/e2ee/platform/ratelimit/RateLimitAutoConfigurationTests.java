package dev.e2ee.platform.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.e2ee.platform.security.PlatformSecurityAutoConfiguration;
import dev.e2ee.platform.security.SecurityChainCustomizer;
import dev.e2ee.platform.time.ClockAutoConfiguration;
import dev.e2ee.platform.web.PlatformWebAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

class RateLimitAutoConfigurationTests {

    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withPropertyValues("e2ee.security.jwt-secret=" + "s".repeat(40))
            .withConfiguration(AutoConfigurations.of(
                    ClockAutoConfiguration.class,
                    JacksonAutoConfiguration.class,
                    DataRedisAutoConfiguration.class,
                    PlatformWebAutoConfiguration.class,
                    RateLimitAutoConfiguration.class,
                    PlatformSecurityAutoConfiguration.class));

    @Test
    void redisPresentWhenDefaultsOrUnsetVariablesThenLimiterInChain() {
        // application.yml maps the variables as ${RATE_LIMIT_ENABLED:}: unset means empty, which is the default.
        runner.withPropertyValues("e2ee.rate-limit.enabled=", "e2ee.rate-limit.auth-failures-per-minute=")
                .run(context -> {
                    assertThat(context).hasSingleBean(RateLimiter.class);
                    assertThat(context).hasSingleBean(SecurityChainCustomizer.class);
                    assertThat(context.getBean(RateLimiterHealth.class).mode()).isEqualTo(RateLimiterHealth.Mode.REDIS);
                    assertThat(context.getBean(RateLimitProperties.class).authFailuresPerMinute())
                            .isEqualTo(20);
                });
    }

    @Test
    void disabledWhenPropertyFalseThenNoLimiterAndHealthSaysDisabled() {
        runner.withPropertyValues("e2ee.rate-limit.enabled=false").run(context -> {
            assertThat(context).doesNotHaveBean(RateLimiter.class);
            assertThat(context).doesNotHaveBean(SecurityChainCustomizer.class);
            assertThat(context.getBean(RateLimiterHealth.class).mode()).isEqualTo(RateLimiterHealth.Mode.DISABLED);
        });
    }
}
