package dev.e2ee.vault.key;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the vault's keys come from (docs/settings.md). Values are references (paths, environment variables), never key
 * material in {@code application.yml}.
 *
 * @param senderPrivateKeyPath PKCS#8 PEM RSA key the vault signs envelopes with, or a comma-separated list of them,
 *     newest first ({@code SENDER_PRIVATE_KEY_PATH}); which listed key signs is kept in {@code cryptographic_keys}
 * @param receiverPublicKeyPath SPKI PEM RSA key envelopes are wrapped to ({@code RECEIVER_PUBLIC_KEY_PATH})
 * @param promptServiceJwksUrl the prompt-response service's JWK Set, instead of a file ({@code PROMPT_SERVICE_JWKS_URL})
 * @param jwksRefreshInterval how long a fetched JWK Set is used before it is fetched again
 * @param jwksTimeout connect and read timeout of a JWK Set fetch
 * @param kek base64 KEK list, newest first ({@code E2EE_KEK})
 * @param kekFile file holding the KEK list ({@code E2EE_KEK_FILE})
 * @param pepper base64 32-byte secret-verifier key ({@code E2EE_PEPPER})
 * @param pepperFile file holding the pepper ({@code E2EE_PEPPER_FILE})
 * @param generateMissing dev profile only: generate missing keys into {@code devKeyDirectory}
 * @param devKeyDirectory git-ignored folder for generated dev keys
 * @param signingRefreshInterval how often each instance re-reads the signing-key state (primary, retired) from
 *     {@code cryptographic_keys} ({@code SIGNING_KEY_REFRESH_INTERVAL})
 */
@ConfigurationProperties("e2ee.vault.keys")
public record VaultKeyProperties(
        String senderPrivateKeyPath,
        String receiverPublicKeyPath,
        String promptServiceJwksUrl,
        @DefaultValue("5m") Duration jwksRefreshInterval,
        @DefaultValue("2s") Duration jwksTimeout,
        String kek,
        String kekFile,
        String pepper,
        String pepperFile,
        @DefaultValue("false") boolean generateMissing,
        @DefaultValue(".local/dev-keys") Path devKeyDirectory,
        @DefaultValue("10s") Duration signingRefreshInterval) {

    static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    VaultKeyProperties withGenerated(
            String sender, String receiver, String kekValue, String pepperValue, String kekPath, String pepperPath) {
        return new VaultKeyProperties(
                sender,
                receiver,
                promptServiceJwksUrl,
                jwksRefreshInterval,
                jwksTimeout,
                kekValue,
                kekPath,
                pepperValue,
                pepperPath,
                generateMissing,
                devKeyDirectory,
                signingRefreshInterval);
    }
}
