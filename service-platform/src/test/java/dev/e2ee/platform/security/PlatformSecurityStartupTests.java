package dev.e2ee.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.e2ee.platform.ratelimit.RateLimitAutoConfiguration;
import dev.e2ee.platform.time.ClockAutoConfiguration;
import dev.e2ee.platform.web.PlatformWebAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;

class PlatformSecurityStartupTests {

    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(
                    ClockAutoConfiguration.class,
                    JacksonAutoConfiguration.class,
                    PlatformWebAutoConfiguration.class,
                    RateLimitAutoConfiguration.class,
                    PlatformSecurityAutoConfiguration.class));

    @Test
    void contextWhenJwtSecretMissingThenFailsToStart() {
        runner.run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("JWT_SECRET");
        });
    }

    @Test
    void contextWhenJwtSecretTooShortThenFailsToStart() {
        runner.withPropertyValues("e2ee.security.jwt-secret=too-short")
                .run(context -> assertThat(context).hasFailed());
    }

    @Test
    void contextWhenSecretValidThenChainDecoderAndIssuer() {
        runner.withPropertyValues("e2ee.security.jwt-secret=" + "s".repeat(40)).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).hasSingleBean(SecurityFilterChain.class);
            assertThat(context).hasSingleBean(JwtDecoder.class);
            assertThat(context).hasSingleBean(TokenIssuer.class);
        });
    }

    @Test
    void contextWhenBootstrapKeyWeakThenFailsToStartNamingTheVariable() {
        runner.withPropertyValues(
                        "e2ee.security.jwt-secret=" + "s".repeat(40),
                        "e2ee.security.bootstrap-admin-api-key=admin-admin-admin-admin-admin-admin")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure())
                            .rootCause()
                            .hasMessageContaining("E2EE_BOOTSTRAP_ADMIN_API_KEY");
                });
    }

    @Test
    void contextWhenJwtExpiresInAboveCapThenFailsToStartNamingTheVariable() {
        runner.withPropertyValues("e2ee.security.jwt-secret=" + "s".repeat(40), "e2ee.security.jwt-expires-in=30d")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("JWT_EXPIRES_IN");
                });
    }
}
