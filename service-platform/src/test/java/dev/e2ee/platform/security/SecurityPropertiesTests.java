package dev.e2ee.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class SecurityPropertiesTests {

    private static final String STRONG_KEY = randomHex(32);

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
    void emptyPlaceholderWhenSettingHasADefaultThenTheRecordDefault() {
        // application.yml maps JWT_EXPIRES_IN as ${JWT_EXPIRES_IN:}: the default lives only in the record.
        SecurityProperties properties =
                bind(Map.of("e2ee.security.jwt-expires-in", "", "e2ee.security.clock-skew", ""));

        assertThat(properties.jwtExpiresIn()).isEqualTo(Duration.ofHours(1));
        assertThat(properties.clockSkew()).isEqualTo(Duration.ofSeconds(30));
        assertThat(properties.metricsPublic()).isTrue();
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
                "e2ee.security.jwt-secret",
                "a-very-secret-value-of-32-bytes!!",
                "e2ee.security.bootstrap-admin-api-key",
                STRONG_KEY));

        assertThat(properties.toString()).doesNotContain("a-very-secret", STRONG_KEY);
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

    @ParameterizedTest
    @ValueSource(strings = {"25h", "2d", "PT24H1S", "86401"})
    void jwtExpiresInWhenAbove24HoursThenRefusedNamingTheVariable(String value) {
        assertThatThrownBy(() -> bind(Map.of("e2ee.security.jwt-expires-in", value)))
                .rootCause()
                .hasMessageContaining("JWT_EXPIRES_IN")
                .hasMessageContaining("24h");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0s", "-1h"})
    void jwtExpiresInWhenNotPositiveThenRefused(String value) {
        assertThatThrownBy(() -> bind(Map.of("e2ee.security.jwt-expires-in", value)))
                .rootCause()
                .hasMessageContaining("JWT_EXPIRES_IN");
    }

    @Test
    void jwtExpiresInWhenExactly24HoursThenAccepted() {
        assertThat(bind(Map.of("e2ee.security.jwt-expires-in", "24h")).jwtExpiresIn())
                .hasHours(24);
    }

    static Stream<String> weakBootstrapKeys() {
        return Stream.of(
                "short-key",
                randomHex(15) + "a", // 31 characters
                "a".repeat(64),
                "ab".repeat(20),
                "abcdefghijklmnopqrstuvwxyz0123456789",
                "0123456789".repeat(4),
                "password".repeat(5),
                "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa1",
                "01".repeat(32));
    }

    @ParameterizedTest
    @MethodSource("weakBootstrapKeys")
    void bootstrapKeyWhenShortOrLowEntropyThenRefusedWithoutEchoingIt(String key) {
        assertThatThrownBy(() -> bind(Map.of("e2ee.security.bootstrap-admin-api-key", key)))
                .rootCause()
                .hasMessageContaining("E2EE_BOOTSTRAP_ADMIN_API_KEY")
                .hasMessageContaining("32 characters")
                .message()
                .doesNotContain(key);
    }

    static Stream<String> strongBootstrapKeys() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        String base64url = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        byte[] bytes24 = new byte[24];
        new SecureRandom().nextBytes(bytes24);
        return Stream.of(
                randomHex(32), // scripts/gen-dev-keys.sh, openssl rand -hex 32
                base64url,
                "bk_" + base64url, // platform integration tests
                "e2ee_bootstrap_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes24)); // vault tests
    }

    @ParameterizedTest
    @MethodSource("strongBootstrapKeys")
    void bootstrapKeyWhenRandomAndLongEnoughThenAccepted(String key) {
        assertThat(bind(Map.of("e2ee.security.bootstrap-admin-api-key", key)).hasBootstrapAdminApiKey())
                .isTrue();
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        new SecureRandom().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
