package dev.e2ee.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class SecurityPropertiesTests {

    private static SecurityProperties bind(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values))
                .bindOrCreate("e2ee.security", SecurityProperties.class);
    }

    @ParameterizedTest
    @CsvSource({"1h,3600", "30m,1800", "3600s,3600", "3600,3600", "PT2H,7200", "90,90"})
    void jwtExpiresInWhenWrittenInAnySupportedFormThenParsed(String value, long seconds) {
        SecurityProperties properties = bind(Map.of("e2ee.security.jwt-expires-in", value));

        assertThat(properties.jwtExpiresIn()).isEqualTo(Duration.ofSeconds(seconds));
    }

    @Test
    void defaultsWhenNothingSetThenSpecValues() {
        SecurityProperties properties = bind(Map.of());

        assertThat(properties.jwtExpiresIn()).isEqualTo(Duration.ofHours(1));
        assertThat(properties.clockSkew()).isEqualTo(Duration.ofSeconds(30));
        assertThat(properties.metricsPublic()).isTrue();
        assertThat(properties.publicPaths()).contains("/api/v1/health/**", "/api/v1/keys/jwks.json", "/api/docs/**");
    }

    @Test
    void emptyEnvironmentPlaceholdersWhenBoundThenTreatedAsUnset() {
        SecurityProperties properties = bind(Map.of(
                "e2ee.security.jwt-secret", "",
                "e2ee.security.jwks-url", "",
                "e2ee.security.issuer", "",
                "e2ee.security.bootstrap-admin-api-key", ""));

        assertThat(properties.hasJwtSecret()).isFalse();
        assertThat(properties.jwksUrl()).isNull();
        assertThat(properties.hasBootstrapAdminApiKey()).isFalse();
    }

    @Test
    void toStringWhenSecretsSetThenHidesThem() {
        SecurityProperties properties = bind(Map.of(
                "e2ee.security.jwt-secret", "a-very-secret-value-of-32-bytes!!",
                "e2ee.security.bootstrap-admin-api-key", "bootstrap-key-value"));

        assertThat(properties.toString()).doesNotContain("a-very-secret", "bootstrap-key-value");
    }

    @Test
    void secretWhenMissingWithoutJwksThenStartupRefused() {
        assertThatIllegalStateException()
                .isThrownBy(() -> JwtDecoderFactory.validate(bind(Map.of())))
                .withMessageContaining("JWT_SECRET");
    }

    @Test
    void secretWhenShorterThan32BytesThenRefused() {
        SecurityProperties properties = bind(Map.of("e2ee.security.jwt-secret", "x".repeat(31)));

        assertThatIllegalStateException()
                .isThrownBy(() -> JwtDecoderFactory.validate(properties))
                .withMessageContaining("32 bytes");
    }

    @Test
    void secretWhen32BytesOrJwksOnlyThenAccepted() {
        JwtDecoderFactory.validate(bind(Map.of("e2ee.security.jwt-secret", "x".repeat(32))));
        JwtDecoderFactory.validate(bind(Map.of("e2ee.security.jwks-url", "http://127.0.0.1:1/jwks.json")));
    }
}
