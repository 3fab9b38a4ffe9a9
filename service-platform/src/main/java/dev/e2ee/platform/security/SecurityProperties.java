package dev.e2ee.platform.security;

import java.net.URI;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.convert.DurationUnit;

/**
 * {@code e2ee.security.*}. Services map the environment variables of docs/settings.md in their {@code application.yml}
 * ({@code jwt-secret: ${JWT_SECRET:}} and so on). {@code toString} never prints the secret or the key.
 *
 * @param jwtSecret HS256 secret, used as its UTF-8 bytes; at least 32 bytes; required unless {@code jwksUrl} is set
 * @param jwtExpiresIn lifetime of minted tokens: {@code 1h}, {@code 30m}, {@code 3600s}, {@code 3600} (seconds),
 *     or ISO-8601 ({@code PT1H}); positive and at most 24 h ({@link CredentialPolicy})
 * @param jwksUrl optional JWK Set URL for RS256/ES256 tokens
 * @param issuer optional required {@code iss}; also put in minted tokens
 * @param clockSkew tolerance for {@code exp}/{@code nbf}
 * @param bootstrapAdminApiKey optional admin API key accepted as-is (compared by hash in constant time); at least 32
 *     characters of high entropy ({@link CredentialPolicy})
 * @param publicPaths path patterns that need no authentication
 * @param metricsPublic whether {@code /api/v1/metrics} is public
 */
@ConfigurationProperties("e2ee.security")
public record SecurityProperties(
        String jwtSecret,

        @DefaultValue("1h") @DurationUnit(ChronoUnit.SECONDS)
        Duration jwtExpiresIn,

        URI jwksUrl,
        String issuer,
        @DefaultValue("30s") Duration clockSkew,
        String bootstrapAdminApiKey,

        @DefaultValue({
            "/api/v1/health",
            "/api/v1/health/**",
            "/api/v1/keys/jwks.json",
            "/api/docs",
            "/api/docs/**",
            "/v3/api-docs",
            "/v3/api-docs/**",
            "/api/swagger-ui/**",
            "/swagger-ui/**"
        })
        List<String> publicPaths,

        @DefaultValue("true") boolean metricsPublic) {

    /** Path of the Prometheus endpoint (public when {@code metricsPublic}). */
    public static final String METRICS_PATH = "/api/v1/metrics";

    public SecurityProperties {
        publicPaths = publicPaths == null ? List.of() : List.copyOf(publicPaths);
        if (jwtExpiresIn != null) {
            CredentialPolicy.checkJwtExpiresIn(jwtExpiresIn);
        }
        if (bootstrapAdminApiKey != null && !bootstrapAdminApiKey.isBlank()) {
            CredentialPolicy.checkBootstrapAdminApiKey(bootstrapAdminApiKey);
        }
    }

    public boolean hasJwtSecret() {
        return jwtSecret != null && !jwtSecret.isEmpty();
    }

    public boolean hasBootstrapAdminApiKey() {
        return bootstrapAdminApiKey != null && !bootstrapAdminApiKey.isBlank();
    }

    @Override
    public String toString() {
        return "SecurityProperties[jwtSecret=" + (hasJwtSecret() ? "***" : "unset") + ", jwtExpiresIn=" + jwtExpiresIn
                + ", jwksUrl=" + jwksUrl + ", issuer=" + issuer + ", clockSkew=" + clockSkew
                + ", bootstrapAdminApiKey=" + (hasBootstrapAdminApiKey() ? "***" : "unset")
                + ", publicPaths=" + publicPaths + ", metricsPublic=" + metricsPublic + "]";
    }
}
