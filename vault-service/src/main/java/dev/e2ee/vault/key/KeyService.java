package dev.e2ee.vault.key;

import dev.e2ee.crypto.atrest.ConfiguredKeyEncryptionKeys;
import dev.e2ee.crypto.key.Jwk;
import dev.e2ee.crypto.key.Keyring;
import dev.e2ee.vault.audit.AuditRecorder;
import dev.e2ee.vault.key.KeyMetadataStore.KeyMetadata;
import java.security.KeyPair;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Key metadata bookkeeping and signing-key rotation. */
@Service
class KeyService {

    private static final Logger log = LoggerFactory.getLogger(KeyService.class);
    static final String RECEIVER = "prompt-response-enc";
    static final String KEK = "kek";

    private final SigningKeys signing;
    private final ReceiverKeys receivers;
    private final ConfiguredKeyEncryptionKeys keks;
    private final KeyMetadataStore store;
    private final AuditRecorder audit;
    private final VaultKeyProperties properties;
    private final Clock clock;

    KeyService(
            SigningKeys signing,
            ReceiverKeys receivers,
            ConfiguredKeyEncryptionKeys keks,
            KeyMetadataStore store,
            AuditRecorder audit,
            VaultKeyProperties properties,
            ObjectProvider<Clock> clock) {
        this.signing = signing;
        this.receivers = receivers;
        this.keks = keks;
        this.store = store;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock.getIfUnique(Clock::systemUTC);
    }

    @EventListener(ApplicationReadyEvent.class)
    void recordKeysAtStartup() {
        try {
            signing.get().versions().forEach(this::recordSigning);
            receivers
                    .publicJwks()
                    .forEach(jwk -> store.upsert(new KeyMetadata(
                            RECEIVER,
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
                    KEK,
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

    @Transactional
    Keyring.Version<KeyPair> rotateSigningKey() {
        Keyring.Version<KeyPair> primary = signing.rotate(properties.signingKeyBits());
        signing.get().versions().forEach(this::recordSigning);
        audit.success("key.rotate", "key", SigningKeys.NAME, Map.of("kid", primary.kid(), "label", primary.label()));
        log.info("signing key rotated: new primary kid {}", primary.kid());
        return primary;
    }

    private void recordSigning(Keyring.Version<KeyPair> version) {
        RSAPublicKey key = (RSAPublicKey) version.key().getPublic();
        store.upsert(new KeyMetadata(
                SigningKeys.NAME,
                version.kid(),
                version.label(),
                "RSA",
                "PS256",
                "sig",
                key.getModulus().bitLength(),
                version.status().name().toLowerCase(Locale.ROOT),
                "memory",
                version.createdAt(),
                clock.instant(),
                null));
    }

    Map<String, Object> jwks() {
        java.util.List<Jwk> all = new java.util.ArrayList<>(signing.publicJwks());
        all.addAll(receivers.publicJwks());
        return new dev.e2ee.crypto.key.JwkSet(all).toMap();
    }
}
