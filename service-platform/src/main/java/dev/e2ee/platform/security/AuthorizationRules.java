package dev.e2ee.platform.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * A service's URL authorization rules, applied after the platform's public paths and before the final
 * {@code anyRequest().authenticated()}. Declare any number of beans, e.g.
 * <pre>{@code
 * @Bean AuthorizationRules vaultRules() {
 *     return rules -> rules.requestMatchers(HttpMethod.GET, "/api/v1/audit-logs/**").hasAnyRole("ADMIN", "AUDITOR");
 * }
 * }</pre>
 * Method security ({@code @PreAuthorize("hasRole('ADMIN')")}) is enabled as well.
 */
@FunctionalInterface
public interface AuthorizationRules {

    void configure(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules);
}
