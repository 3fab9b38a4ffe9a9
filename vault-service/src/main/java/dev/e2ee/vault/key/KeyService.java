package dev.e2ee.vault.key;

import dev.e2ee.crypto.atrest.ConfiguredKeyEncryptionKeys;
import dev.e2ee.crypto.key.Jwk;
import dev.e2ee.crypto.key.JwkSet;
import dev.e2ee.vault.key.KeyMetadataStore.KeyMetadata;
import dev.e2ee.vault.receiver.ReceiverKeys;
import dev.e2ee.vault.signing.SigningKeys;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;

/**
 * Key metadata bookkeeping of the receiver keys and the KEK, and the public JWK Set. Signing keys have their own
 * fleet-wide state ({@code SigningKeyRefresher}, {@code SigningKeyRotation}).
 */
@Service
class KeyService {

    private static final Logger log = LoggerFactory.getLogger(KeyService.class);

    private final SigningKeys signing;
    private final ReceiverKeys receivers;
    private final ConfiguredKeyEncryptionKeys keks;
    private final KeyMetadataStore store;
    private final Clock clock;

    KeyService(
            SigningKeys signing,
            ReceiverKeys receivers,
            ConfiguredKeyEncryptionKeys keks,
            KeyMetadataStore store,
            Clock clock) {
        this.signing = signing;
        this.receivers = receivers;
        this.keks = keks;
        this.store = store;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void recordKeysAtStartup() {
        try {
            receivers
                    .publicJwks()
                    .forEach(jwk -> store.upsert(new KeyMetadata(
                            ReceiverKeys.NAME,
                            jwk.kid(),
                            null,
                            "RSA",
                            jwk.alg(),
                            "enc",
                            jwk.key().getModulus().bitLength(),
                            "active",
                            receivers.source(),
                            clock.instant(),
                            null,
                            null)));
            store.upsert(new KeyMetadata(
                    KeyMetadataStore.KEK,
                    keks.currentKeyId(),
                    null,
                    "AES",
                    "AES-256-GCM",
                    "wrap",
                    256,
                    "primary",
                    "configuration",
                    clock.instant(),
                    null,
                    null));
        } catch (DataAccessException e) {
            log.warn(
                    "key metadata could not be recorded at startup ({})",
                    e.getClass().getSimpleName());
        }
    }

    Map<String, Object> jwks() {
        List<Jwk> all = new ArrayList<>(signing.publicJwks());
        all.addAll(receivers.publicJwks());
        return new JwkSet(all).toMap();
    }
}
