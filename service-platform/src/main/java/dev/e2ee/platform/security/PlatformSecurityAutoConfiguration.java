package dev.e2ee.platform.security;

import dev.e2ee.platform.web.PlatformWebAutoConfiguration;
import dev.e2ee.platform.web.ProblemWriter;
import dev.e2ee.platform.web.WebProperties;
import jakarta.servlet.DispatcherType;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import tools.jackson.databind.json.JsonMapper;

/** The stateless security chain of docs/architecture.md#authentication-and-roles shared by both services. */
@AutoConfiguration(
        after = PlatformWebAutoConfiguration.class,
        before = {
            ServletWebSecurityAutoConfiguration.class,
            ManagementWebSecurityAutoConfiguration.class,
            OAuth2ResourceServerAutoConfiguration.class,
            UserDetailsServiceAutoConfiguration.class
        })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(SecurityProperties.class)
@EnableWebSecurity
@EnableMethodSecurity
public class PlatformSecurityAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    JwtDecoder e2eeJwtDecoder(SecurityProperties properties, ObjectProvider<ApiKeyStatus> apiKeyStatus) {
        return JwtDecoderFactory.create(properties, apiKeyStatus::getIfUnique);
    }

    @Bean
    @ConditionalOnMissingBean
    ApiKeyMirrorFormat e2eeApiKeyMirrorFormat(SecurityProperties properties, JsonMapper json) {
        return ApiKeyMirrorFormat.create(properties, json);
    }

    @Bean
    @ConditionalOnMissingBean
    AuditStreamMac e2eeAuditStreamMac(SecurityProperties properties) {
        return AuditStreamMac.create(properties);
    }

    @Bean
    @ConditionalOnMissingBean
    TokenIssuer e2eeTokenIssuer(SecurityProperties properties, Clock clock) {
        NimbusJwtEncoder encoder = properties.hasJwtSecret()
                ? NimbusJwtEncoder.withSecretKey(JwtDecoderFactory.secretKey(properties))
                        .build()
                : null;
        return new TokenIssuer(encoder, properties.jwtExpiresIn(), properties.issuer(), clock);
    }

    @Bean
    ProblemAuthenticationEntryPoint e2eeAuthenticationEntryPoint(
            ProblemWriter writer,
            ApplicationEventPublisher events,
            ObjectProvider<AuthenticationFailureThrottle> throttle) {
        return new ProblemAuthenticationEntryPoint(writer, events, throttle);
    }

    @Bean
    @ConditionalOnMissingBean(RequestRejectedHandler.class)
    RequestRejectedHandler e2eeRequestRejectedHandler(ProblemWriter writer) {
        return new SecurityRefusalProblems(writer);
    }

    @Bean
    ApiKeyAuthentication e2eeApiKeyAuthentication(
            SecurityProperties properties, ObjectProvider<ApiKeyAuthenticator> apiKeyAuthenticator) {
        return new ApiKeyAuthentication(properties.bootstrapAdminApiKey(), apiKeyAuthenticator.getIfUnique());
    }

    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    SecurityFilterChain e2eeSecurityFilterChain(
            HttpSecurity http,
            SecurityProperties properties,
            JwtDecoder decoder,
            ProblemAuthenticationEntryPoint entryPoint,
            ApiKeyAuthentication apiKeys,
            PlatformFilters filters)
            throws Exception {
        SecurityRefusalProblems accessDenied = new SecurityRefusalProblems(filters.problems());
        http.csrf(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .exceptionHandling(handling ->
                        handling.authenticationEntryPoint(entryPoint).accessDeniedHandler(accessDenied))
                .oauth2ResourceServer(server -> server.jwt(
                                jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(new JwtPrincipalConverter()))
                        .authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler(accessDenied));
        http.addFilterBefore(
                new ApiKeyAuthenticationFilter(apiKeys, entryPoint), BearerTokenAuthenticationFilter.class);
        for (SecurityChainCustomizer customizer :
                filters.chainCustomizers().orderedStream().toList()) {
            customizer.customize(http);
        }
        filters.cors().ifPresent(source -> http.cors(cors -> cors.configurationSource(source)));
        http.authorizeHttpRequests(rules -> {
            rules.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll();
            rules.requestMatchers(properties.publicPaths().toArray(String[]::new))
                    .permitAll();
            if (properties.metricsPublic()) {
                rules.requestMatchers(SecurityProperties.METRICS_PATH).permitAll();
            }
            filters.authorizationRules().orderedStream().forEach(rule -> rule.configure(rules));
            rules.anyRequest().authenticated();
        });
        return http.build();
    }

    @Bean
    PlatformFilters e2eePlatformFilters(
            ProblemWriter problems,
            WebProperties web,
            ObjectProvider<SecurityChainCustomizer> chainCustomizers,
            ObjectProvider<AuthorizationRules> authorizationRules) {
        return new PlatformFilters(problems, web, chainCustomizers, authorizationRules);
    }

    /** What the chain needs from the other features, gathered to keep the chain's bean method readable. */
    record PlatformFilters(
            ProblemWriter problems,
            WebProperties web,
            ObjectProvider<SecurityChainCustomizer> chainCustomizers,
            ObjectProvider<AuthorizationRules> authorizationRules) {

        java.util.Optional<UrlBasedCorsConfigurationSource> cors() {
            if (web.allowedOrigins().isEmpty()) {
                return java.util.Optional.empty();
            }
            CorsConfiguration configuration = new CorsConfiguration();
            configuration.setAllowedOrigins(web.allowedOrigins());
            configuration.addAllowedMethod("*");
            configuration.addAllowedHeader("*");
            configuration.addExposedHeader("X-Request-ID");
            configuration.addExposedHeader("X-RateLimit-Limit");
            configuration.addExposedHeader("X-RateLimit-Remaining");
            configuration.addExposedHeader("X-RateLimit-Reset");
            configuration.addExposedHeader("Retry-After");
            UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
            source.registerCorsConfiguration("/**", configuration);
            return java.util.Optional.of(source);
        }
    }
}
