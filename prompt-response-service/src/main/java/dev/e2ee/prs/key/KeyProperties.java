package dev.e2ee.prs.key;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code e2ee.keys.*}: the keys this service opens envelopes with. Nothing here comes from a caller.
 *
 * @param receiverPrivateKeyPath {@code RECEIVER_PRIVATE_KEY_PATH}: PEM (PKCS#8 or PKCS#1) private key; a
 *     comma-separated list keeps older keys usable after a rotation (the first is the primary, published first)
 * @param senderPublicKeyPath {@code SENDER_PUBLIC_KEY_PATH}: PEM public key(s) of the vault's signer, comma-separated
 * @param vaultJwksUrl {@code VAULT_JWKS_URL}: the vault's JWK Set; its {@code use=sig} keys are trusted signers
 * @param vaultJwksRefresh how often the vault's JWK Set is re-fetched
 * @param vaultJwksMinInterval least time between two fetches triggered by an unknown signer kid
 * @param vaultJwksTimeout connect and read timeout of one fetch
 * @param clockSkew tolerance for {@code expiresAt}/{@code createdAt}
 * @param maxAge largest age of an envelope without {@code expiresAt} (every envelope: {@code e2ee.envelope.max-age})
 * @param devKeys {@code dev} profile only: generate missing keys into {@code devKeysDirectory}
 * @param devKeysDirectory where dev keys are generated (git-ignored)
 */
@ConfigurationProperties("e2ee.keys")
public record KeyProperties(
        String receiverPrivateKeyPath,
        String senderPublicKeyPath,
        String vaultJwksUrl,
        @DefaultValue("5m") Duration vaultJwksRefresh,
        @DefaultValue("10s") Duration vaultJwksMinInterval,
        @DefaultValue("3s") Duration vaultJwksTimeout,
        @DefaultValue("60s") Duration clockSkew,
        @DefaultValue("1h") Duration maxAge,
        @DefaultValue("false") boolean devKeys,
        @DefaultValue(".local/dev-keys") Path devKeysDirectory) {

    static List<Path> paths(String commaSeparated) {
        if (commaSeparated == null || commaSeparated.isBlank()) {
            return List.of();
        }
        return Arrays.stream(commaSeparated.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .map(Path::of)
                .toList();
    }

    /** The vault's JWK Set URL, or null when not configured. */
    public URI vaultJwksUri() {
        return vaultJwksUrl == null || vaultJwksUrl.isBlank() ? null : URI.create(vaultJwksUrl.trim());
    }

    public List<Path> receiverPaths() {
        return paths(receiverPrivateKeyPath);
    }

    public List<Path> senderPaths() {
        return paths(senderPublicKeyPath);
    }
}
