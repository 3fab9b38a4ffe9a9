package dev.e2ee.vault.signing;

import dev.e2ee.crypto.key.Keyring;
import dev.e2ee.vault.audit.AuditRecorder;
import dev.e2ee.vault.key.KeyConfigurationException;
import dev.e2ee.vault.key.KeyMetadataStore;
import dev.e2ee.vault.key.VaultKeyProperties;
import dev.e2ee.vault.signing.SigningKeyFiles.SigningKeyFile;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps this instance's {@link SigningKeys} in step with the fleet-wide state in {@code cryptographic_keys}. At
 * startup (before the web server accepts requests) it inserts a row for every loaded key that has none, records the
 * first listed key as primary when no loaded key is, and applies the stored state; it never overwrites a stored
 * status otherwise. Then it re-reads the table every {@code e2ee.vault.keys.signing-refresh-interval}; while the
 * database is unreachable it keeps the last known state and says so once.
 */
@Component
class SigningKeyRefresher implements SmartInitializingSingleton, SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(SigningKeyRefresher.class);

    private final SigningKeys signing;
    private final KeyMetadataStore store;
    private final TransactionTemplate transactions;
    private final AuditRecorder audit;
    private final Clock clock;
    private final Duration refreshInterval;
    private volatile boolean databaseDown;
    private volatile String reportedProblem;

    SigningKeyRefresher(
            SigningKeys signing,
            KeyMetadataStore store,
            TransactionTemplate transactions,
            AuditRecorder audit,
            Clock clock,
            VaultKeyProperties properties) {
        this.signing = signing;
        this.store = store;
        this.transactions = transactions;
        this.audit = audit;
        this.clock = clock;
        this.refreshInterval = properties.signingRefreshInterval();
    }

    /** Re-reads the state every {@code e2ee.vault.keys.signing-refresh-interval}, the first time one interval in. */
    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        tasks.addFixedDelayTask(new FixedDelayTask(this::refreshScheduled, refreshInterval, refreshInterval));
    }

    @Override
    public void afterSingletonsInstantiated() {
        recordAtStartup();
    }

    /** Records the loaded keys (insert only) and applies the stored state; fails when every loaded key is retired. */
    void recordAtStartup() {
        Map<String, Keyring.Status> stored = transactions.execute(status -> {
            store.lock(SigningKeys.NAME);
            for (SigningKeyFile key : signing.loaded()) {
                if (store.insertIfAbsent(SigningKeyRotation.metadata(key, Keyring.Status.ACTIVE, clock.instant()))) {
                    log.info("signing key kid {} ({}) recorded as active", key.kid(), key.fileName());
                }
            }
            Map<String, Keyring.Status> statuses = store.statuses(SigningKeys.NAME);
            if (signing.loaded().stream().noneMatch(k -> statuses.get(k.kid()) == Keyring.Status.PRIMARY)) {
                signing.resolve(statuses)
                        .ifPresent(ring -> recordPrimary(ring.primary().kid(), statuses));
            }
            return statuses;
        });
        Keyring<KeyPair> ring = signing.apply(stored)
                .orElseThrow(() -> new KeyConfigurationException("every key listed in " + SigningKeyFiles.SETTING
                        + " is retired in cryptographic_keys: put a new key file first in the list"));
        log.info(
                "signing keys: primary kid {}, published {}",
                ring.primary().kid(),
                signing.publicJwks().stream().map(j -> j.kid()).toList());
    }

    private void recordPrimary(String kid, Map<String, Keyring.Status> statuses) {
        store.setStatus(SigningKeys.NAME, kid, Keyring.Status.PRIMARY, clock.instant());
        statuses.put(kid, Keyring.Status.PRIMARY);
        audit.success("key.rotate", "key", SigningKeys.NAME, Map.of("kid", kid, "trigger", "startup"));
        log.info("signing key kid {} recorded as primary (no loaded key was primary)", kid);
    }

    /** The scheduled re-read (its outcome is logged and reported by {@link #refresh()}). */
    void refreshScheduled() {
        refresh();
    }

    /** Re-reads the stored state and swaps it in; false (last known state kept) when that is not possible. */
    boolean refresh() {
        Keyring<KeyPair> before = signing.get();
        List<String> publishedBefore = published();
        Map<String, Keyring.Status> stored = new HashMap<>();
        Optional<Keyring<KeyPair>> after;
        try {
            after = signing.refresh(() -> {
                stored.putAll(store.statuses(SigningKeys.NAME));
                return stored;
            });
        } catch (DataAccessException e) {
            if (!databaseDown) {
                databaseDown = true;
                log.warn(
                        "signing-key state cannot be read ({}); keeping the last known state, primary kid {}",
                        e.getClass().getSimpleName(),
                        before.primary().kid());
            }
            return false;
        }
        if (databaseDown) {
            databaseDown = false;
            log.info("signing-key state readable again");
        }
        if (after.isEmpty()) {
            reportOnce("every loaded signing key is retired; keeping the last known state, primary kid "
                    + before.primary().kid());
            return false;
        }
        String primary = after.get().primary().kid();
        if (stored.get(primary) != Keyring.Status.PRIMARY) {
            reportOnce("no loaded signing key is primary in cryptographic_keys (the stored primary's file is not"
                    + " loaded here); signing with the first listed usable key, kid " + primary);
        } else {
            reportedProblem = null;
        }
        if (!primary.equals(before.primary().kid()) || !published().equals(publishedBefore)) {
            log.info(
                    "signing keys changed: primary kid {} (was {}), published {}",
                    primary,
                    before.primary().kid(),
                    published());
        }
        return true;
    }

    private List<String> published() {
        return signing.publicJwks().stream().map(j -> j.kid()).toList();
    }

    private void reportOnce(String problem) {
        if (!problem.equals(reportedProblem)) {
            reportedProblem = problem;
            log.warn("{}", problem);
        }
    }
}
