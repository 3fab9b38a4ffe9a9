package dev.e2ee.vault.web;

import dev.e2ee.platform.security.AuthorizationRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Role rules of every vault endpoint (docs/architecture.md#authentication-and-roles): prompts and envelopes for users (their own; ownership is checked
 * in the services) and admins; API keys and key management for admins; audit logs for admins and auditors.
 * Public paths (health, JWKS, docs, token exchange) are configured in {@code e2ee.security.public-paths}.
 */
@Configuration(proxyBeanMethods = false)
class VaultAuthorization {

    @Bean
    AuthorizationRules vaultAuthorizationRules() {
        return rules -> rules.requestMatchers(HttpMethod.GET, "/api/v1/audit-logs", "/api/v1/audit-logs/**")
                .hasAnyRole("ADMIN", "AUDITOR")
                .requestMatchers("/api/v1/api-keys", "/api/v1/api-keys/**")
                .hasRole("ADMIN")
                .requestMatchers("/api/v1/keys", "/api/v1/keys/**")
                .hasRole("ADMIN")
                .requestMatchers("/api/v1/prompts", "/api/v1/prompts/**", "/api/v1/envelopes", "/api/v1/envelopes/**")
                .hasAnyRole("USER", "ADMIN");
    }
}
