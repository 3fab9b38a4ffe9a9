package dev.e2ee.vault.key;

import dev.e2ee.crypto.CryptoException;
import dev.e2ee.crypto.CryptoProvider;
import dev.e2ee.crypto.KeyedHasher;
import dev.e2ee.crypto.SecretVerifier;
import dev.e2ee.crypto.StrictBase64;
import dev.e2ee.crypto.atrest.AtRestEncryptor;
import dev.e2ee.crypto.atrest.ConfiguredKeyEncryptionKeys;
import dev.e2ee.crypto.atrest.KeyEncryptionKeyProvider;
import dev.e2ee.crypto.envelope.EnvelopeSealer;
import dev.e2ee.crypto.key.RsaKeys;
import dev.e2ee.platform.jwks.JwksFetcher;
import dev.e2ee.platform.security.SecretSetting;
import dev.e2ee.vault.receiver.FileReceiverKeys;
import dev.e2ee.vault.receiver.JwksReceiverKeys;
import dev.e2ee.vault.receiver.ReceiverKeys;
import dev.e2ee.vault.signing.SigningKeyFiles;
import dev.e2ee.vault.signing.SigningKeys;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Loads the vault's keys at startup: the KEK keyring and pepper (environment or file), the signing key and the
 * receiver keys. {@code SENDER_PRIVATE_KEY_PATH} may list several signing keys (newest first); which one signs is
 * fleet-wide state ({@code SigningKeyRefresher}). Anything missing fails startup with a message naming the setting, except under the {@code dev}
 * profile, which generates missing development keys into a git-ignored folder.
 */
@Configuration(proxyBeanMethods = false)
class VaultKeyConfiguration {

    private static final Logger log = LoggerFactory.getLogger(VaultKeyConfiguration.class);

    /** The settings after the dev profile filled in generated keys (unchanged otherwise). */
    record EffectiveKeySettings(VaultKeyProperties properties) {}

    @Bean
    EffectiveKeySettings effectiveKeySettings(VaultKeyProperties properties) {
        return new EffectiveKeySettings(DevKeyGenerator.fillMissing(properties));
    }

    @Bean
    @ConditionalOnMissingBean
    CryptoProvider cryptoProvider() {
        CryptoProvider provider = CryptoProvider.defaults();
        log.info("crypto provider: {}", provider.describe());
        return provider;
    }

    @Bean
    ConfiguredKeyEncryptionKeys keyEncryptionKeys(EffectiveKeySettings settings, CryptoProvider provider) {
        VaultKeyProperties p = settings.properties();
        String value = secret("E2EE_KEK", p.kek(), p.kekFile());
        try {
            return ConfiguredKeyEncryptionKeys.fromConfig(value, provider);
        } catch (CryptoException e) {
            throw new KeyConfigurationException("E2EE_KEK is not a list of base64 32-byte keys", e);
        }
    }

    @Bean
    AtRestEncryptor atRestEncryptor(KeyEncryptionKeyProvider keks, CryptoProvider provider) {
        return AtRestEncryptor.create(keks, provider);
    }

    @Bean
    SecretVerifier secretVerifier(EffectiveKeySettings settings, CryptoProvider provider) {
        return SecretVerifier.create(pepper(settings.properties()), provider);
    }

    @Bean
    KeyedHasher blindIndexHasher(EffectiveKeySettings settings, CryptoProvider provider) {
        return KeyedHasher.create(pepper(settings.properties()), provider).derive("blind-index");
    }

    @Bean
    SigningKeys signingKeys(EffectiveKeySettings settings, Clock clock) {
        SigningKeys keys =
                new SigningKeys(SigningKeyFiles.load(settings.properties().senderPrivateKeyPath()), clock.instant());
        log.info(
                "signing keys loaded from {}: {}",
                SigningKeyFiles.SETTING,
                keys.loaded().stream().map(k -> k.kid()).toList());
        return keys;
    }

    @Bean
    ReceiverKeys receiverKeys(EffectiveKeySettings settings, Clock clock) {
        VaultKeyProperties p = settings.properties();
        if (VaultKeyProperties.present(p.receiverPublicKeyPath())) {
            try {
                return new FileReceiverKeys(RsaKeys.readPublicKey(Path.of(p.receiverPublicKeyPath())));
            } catch (CryptoException e) {
                throw new KeyConfigurationException(
                        "RECEIVER_PUBLIC_KEY_PATH is not a usable RSA public key: " + p.receiverPublicKeyPath(), e);
            }
        }
        if (VaultKeyProperties.present(p.promptServiceJwksUrl())) {
            return new JwksReceiverKeys(
                    new JwksFetcher(URI.create(p.promptServiceJwksUrl()), p.jwksTimeout()),
                    p.jwksRefreshInterval(),
                    clock);
        }
        throw new KeyConfigurationException("RECEIVER_PUBLIC_KEY_PATH or PROMPT_SERVICE_JWKS_URL must be set: the"
                + " prompt-response service's RSA public key envelopes are encrypted to");
    }

    @Bean
    EnvelopeSealer envelopeSealer(SigningKeys signingKeys, CryptoProvider provider, Clock clock) {
        return EnvelopeSealer.create(signingKeys, provider, clock);
    }

    private static byte[] pepper(VaultKeyProperties p) {
        String value = secret("E2EE_PEPPER", p.pepper(), p.pepperFile());
        try {
            byte[] pepper = StrictBase64.decode(value);
            if (pepper.length != 32) {
                throw new KeyConfigurationException("E2EE_PEPPER must be base64 of exactly 32 bytes");
            }
            return pepper;
        } catch (CryptoException | IllegalArgumentException e) {
            throw new KeyConfigurationException("E2EE_PEPPER must be base64 of exactly 32 bytes", e);
        }
    }

    /** {@code name} or {@code name_FILE} ({@link SecretSetting}); a missing or unreadable one fails startup. */
    private static String secret(String name, String value, String file) {
        try {
            return SecretSetting.read(name, value, file)
                    .orElseThrow(() -> new KeyConfigurationException(name + " or " + name
                            + "_FILE must be set (base64 of a 32-byte key). "
                            + "Start with the 'dev' profile to generate local development keys."));
        } catch (UncheckedIOException e) {
            throw new KeyConfigurationException(e.getMessage(), e.getCause());
        }
    }
}
