package dev.e2ee.prs.key;

import dev.e2ee.crypto.CryptoProvider;
import dev.e2ee.crypto.envelope.EnvelopeOpener;
import dev.e2ee.crypto.envelope.OpeningPolicy;
import dev.e2ee.platform.jwks.JwksFetcher;
import dev.e2ee.prs.envelope.EnvelopeProperties;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Loads the receiver keyring and the trusted signers (failing startup clearly when missing) and the opener. */
@Configuration(proxyBeanMethods = false)
class KeyConfiguration {

    private static final Logger log = LoggerFactory.getLogger(KeyConfiguration.class);

    @Bean
    CryptoProvider cryptoProvider() {
        CryptoProvider provider = CryptoProvider.defaults();
        log.info("Crypto provider: {}", provider.describe());
        return provider;
    }

    @Bean
    ReceiverKeys receiverKeys(KeyProperties properties, Clock clock) {
        List<Path> paths = properties.receiverPaths();
        if (paths.isEmpty() && properties.devKeys()) {
            paths = List.of(new DevKeys(properties.devKeysDirectory()).receiverPrivateKey());
        }
        ReceiverKeys keys = ReceiverKeys.load(paths, clock.instant());
        log.info("Receiver keyring: {} key(s), primary kid {}", keys.size(), keys.primaryKid());
        return keys;
    }

    @Bean
    TrustedSigners trustedSigners(KeyProperties properties, Clock clock) {
        JwksFetcher vault = properties.vaultJwksUri() == null
                ? null
                : new JwksFetcher(properties.vaultJwksUri(), properties.vaultJwksTimeout());
        return new TrustedSigners(properties.senderPaths(), vault, properties.vaultJwksMinInterval(), clock);
    }

    @Bean
    VaultJwksRefresher vaultJwksRefresher(TrustedSigners signers, KeyProperties properties) {
        return new VaultJwksRefresher(
                signers,
                properties.vaultJwksUri() != null,
                properties.vaultJwksRefresh(),
                properties.vaultJwksMinInterval());
    }

    @Bean
    EnvelopeOpener envelopeOpener(
            TrustedSigners signers,
            ReceiverKeys receiver,
            KeyProperties properties,
            EnvelopeProperties envelopes,
            CryptoProvider provider,
            Clock clock) {
        OpeningPolicy policy = new OpeningPolicy(
                properties.clockSkew(), properties.maxAge(), envelopes.maxAge(), envelopes.requireAudience());
        return EnvelopeOpener.create(signers, receiver, policy, provider, clock);
    }
}
