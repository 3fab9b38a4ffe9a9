package dev.e2ee.platform.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * Adds both security schemes of docs/architecture.md#authentication-and-roles to every service's OpenAPI document: {@code bearerAuth} (HTTP bearer,
 * JWT) and {@code apiKey} ({@code X-API-Key} header), either of which satisfies an operation.
 */
@AutoConfiguration
@ConditionalOnClass({OpenAPI.class, GlobalOpenApiCustomizer.class})
public class PlatformOpenApiAutoConfiguration {

    public static final String BEARER_SCHEME = "bearerAuth";
    public static final String API_KEY_SCHEME = "apiKey";

    @Bean
    GlobalOpenApiCustomizer e2eeSecuritySchemesCustomizer() {
        return openApi -> {
            Components components = openApi.getComponents() == null ? new Components() : openApi.getComponents();
            components.addSecuritySchemes(
                    BEARER_SCHEME,
                    new SecurityScheme()
                            .type(SecurityScheme.Type.HTTP)
                            .scheme("bearer")
                            .bearerFormat("JWT"));
            components.addSecuritySchemes(
                    API_KEY_SCHEME,
                    new SecurityScheme()
                            .type(SecurityScheme.Type.APIKEY)
                            .in(SecurityScheme.In.HEADER)
                            .name("X-API-Key"));
            openApi.setComponents(components);
            if (openApi.getSecurity() == null || openApi.getSecurity().isEmpty()) {
                openApi.addSecurityItem(new SecurityRequirement().addList(BEARER_SCHEME));
                openApi.addSecurityItem(new SecurityRequirement().addList(API_KEY_SCHEME));
            }
        };
    }
}
