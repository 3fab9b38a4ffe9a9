package dev.e2ee.platform.ehbp;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code e2ee.hpke.*}: encrypted request and response bodies (docs/ehbp.md).
 *
 * @param privateKeyPath X25519 private key files, PKCS#8 PEM ({@code openssl genpkey -algorithm X25519}); the first
 *     is current, later ones are still accepted (rotation). Empty: encrypted bodies are off and
 *     {@code /.well-known/hpke-keys} answers 404 ({@code E2EE_HPKE_PRIVATE_KEY_PATH}, comma-separated)
 * @param requireEncryptedBodies when true, every request outside {@code plaintextPaths} must be encrypted, and an
 *     {@code X-API-Key} header is refused (the key travels in an encrypted body) ({@code E2EE_REQUIRE_ENCRYPTED_BODIES})
 * @param plaintextPaths path patterns that carry nothing confidential and stay readable in plaintext in require mode
 */
@ConfigurationProperties("e2ee.hpke")
public record EhbpProperties(
        List<String> privateKeyPath,
        @DefaultValue("false") Boolean requireEncryptedBodies,

        @DefaultValue({
            "/api/v1/health",
            "/api/v1/health/**",
            "/api/v1/keys/jwks.json",
            "/api/v1/metrics",
            "/.well-known/**",
            "/api/docs",
            "/api/docs/**",
            "/v3/api-docs",
            "/v3/api-docs/**",
            "/api/swagger-ui/**",
            "/swagger-ui/**"
        })
        List<String> plaintextPaths) {

    public EhbpProperties {
        privateKeyPath = privateKeyPath == null
                ? List.of()
                : privateKeyPath.stream()
                        .map(String::trim)
                        .filter(p -> !p.isEmpty())
                        .toList();
        plaintextPaths = plaintextPaths == null ? List.of() : List.copyOf(plaintextPaths);
    }

    public boolean enabled() {
        return !privateKeyPath.isEmpty();
    }
}
