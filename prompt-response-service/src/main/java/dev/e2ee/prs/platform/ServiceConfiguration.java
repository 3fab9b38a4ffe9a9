package dev.e2ee.prs.platform;

import dev.e2ee.platform.security.AuthorizationRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Service-wide wiring: the URL rules (processing, sessions and results need the user or admin role). */
@Configuration(proxyBeanMethods = false)
class ServiceConfiguration {

    @Bean
    AuthorizationRules promptResponseRules() {
        return rules -> rules.requestMatchers(
                        "/api/v1/envelopes/**", "/api/v1/prompts/**", "/api/v1/sessions/**", "/api/v1/responses/**")
                .hasAnyRole("USER", "ADMIN");
    }
}
