package dev.e2ee.vault.signing;

import dev.e2ee.crypto.key.Keyring;
import dev.e2ee.vault.audit.AuditRecorder;
import dev.e2ee.vault.key.KeyMetadataStore;
import dev.e2ee.vault.key.KeyMetadataStore.KeyMetadata;
import dev.e2ee.vault.signing.SigningKeyExceptions.SigningKeyException;
import dev.e2ee.vault.signing.SigningKeyFiles.SigningKeyFile;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Admin changes of the fleet-wide signing-key state: promote a loaded key to primary, retire a key. Each change
 * and its audit row commit in one transaction (serialised across instances by an advisory lock) and apply on this
 * instance at once; every other instance follows within the refresh interval. Keys are never generated here.
 */
@Service
class SigningKeyRotation {

    private static final Logger log = LoggerFactory.getLogger(SigningKeyRotation.class);
    private static final int MAX_LABEL = 128;

    record Rotated(String kid, String previousKid) {}

    private final SigningKeys signing;
    private final KeyMetadataStore store;
    private final TransactionTemplate transactions;
    private final AuditRecorder audit;
    private final Clock clock;

    SigningKeyRotation(
            SigningKeys signing,
            KeyMetadataStore store,
            TransactionTemplate transactions,
            AuditRecorder audit,
            Clock clock) {
        this.signing = signing;
        this.store = store;
        this.transactions = transactions;
        this.audit = audit;
        this.clock = clock;
    }

    /** Promotes the loaded key {@code kid} (or, when null, the first listed key) to primary. */
    Rotated rotate(String kid) {
        String previous = signing.get().primary().kid();
        try {
            Map<String, Keyring.Status> stored = transactions.execute(status -> promote(kid));
            signing.apply(stored);
        } catch (SigningKeyException e) {
            audit.failure("key.rotate", "key", SigningKeys.NAME, e.reason());
            throw e;
        }
        String primary = signing.get().primary().kid();
        if (primary.equals(previous)) {
            log.info("signing key kid {} recorded as primary (this instance already signed with it)", primary);
        } else {
            log.info("signing key rotated: primary kid {} (was {})", primary, previous);
        }
        return new Rotated(primary, previous);
    }

    /** Retires a non-primary key (idempotent for a retired one): it is no longer published nor accepted. */
    void retire(String kid) {
        try {
            Map<String, Keyring.Status> stored = transactions.execute(status -> markRetired(kid));
            signing.apply(stored);
        } catch (SigningKeyException e) {
            audit.failure("key.retire", "key", SigningKeys.NAME, e.reason());
            throw e;
        }
    }

    private Map<String, Keyring.Status> promote(String kid) {
        store.lock(SigningKeys.NAME);
        Map<String, Keyring.Status> stored = store.statuses(SigningKeys.NAME);
        SigningKeyFile target = kid == null
                ? signing.loaded().get(0)
                : signing.loaded(kid).orElseThrow(() -> new SigningKeyExceptions.NotLoaded());
        Keyring.Status current = stored.get(target.kid());
        if (current == Keyring.Status.RETIRED) {
            throw new SigningKeyExceptions.Retired();
        }
        if (current == Keyring.Status.PRIMARY) {
            throw kid == null ? new SigningKeyExceptions.NoNewKey() : new SigningKeyExceptions.AlreadyPrimary();
        }
        Instant now = clock.instant();
        store.insertIfAbsent(metadata(target, Keyring.Status.ACTIVE, now));
        List<String> demoted = store.demotePrimaries(SigningKeys.NAME, target.kid(), now);
        store.setStatus(SigningKeys.NAME, target.kid(), Keyring.Status.PRIMARY, now);
        demoted.forEach(k -> stored.put(k, Keyring.Status.ACTIVE));
        stored.put(target.kid(), Keyring.Status.PRIMARY);
        audit.success("key.rotate", "key", SigningKeys.NAME, Map.of("kid", target.kid(), "demotedKids", demoted));
        return stored;
    }

    private Map<String, Keyring.Status> markRetired(String kid) {
        store.lock(SigningKeys.NAME);
        Map<String, Keyring.Status> stored = store.statuses(SigningKeys.NAME);
        Keyring.Status current = stored.get(kid);
        if (current == null) {
            throw new SigningKeyExceptions.NotRecorded();
        }
        if (current == Keyring.Status.PRIMARY
                || kid.equals(signing.get().primary().kid())) {
            throw new SigningKeyExceptions.RetiringPrimary();
        }
        if (current != Keyring.Status.RETIRED) {
            store.setStatus(SigningKeys.NAME, kid, Keyring.Status.RETIRED, clock.instant());
            stored.put(kid, Keyring.Status.RETIRED);
            audit.success("key.retire", "key", SigningKeys.NAME, Map.of("kid", kid));
            log.info("signing key kid {} retired", kid);
        }
        return stored;
    }

    /** The metadata row of a loaded signing key (never key material). */
    static KeyMetadata metadata(SigningKeyFile key, Keyring.Status status, Instant now) {
        String label = key.fileName().length() > MAX_LABEL ? key.fileName().substring(0, MAX_LABEL) : key.fileName();
        return new KeyMetadata(
                SigningKeys.NAME,
                key.kid(),
                label,
                "RSA",
                "PS256",
                "sig",
                ((RSAPublicKey) key.pair().getPublic()).getModulus().bitLength(),
                KeyMetadataStore.wireName(status),
                "file",
                now,
                null,
                null);
    }
}
