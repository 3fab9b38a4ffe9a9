package dev.e2ee.prs.key;

import dev.e2ee.crypto.CryptoException;
import dev.e2ee.crypto.key.Jwk;
import dev.e2ee.crypto.key.JwkSet;
import dev.e2ee.crypto.key.KeyLookup;
import dev.e2ee.crypto.key.RsaKeys;
import dev.e2ee.platform.jwks.JwksFetcher;
import java.nio.file.Path;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The vault signing keys this service trusts: keys from {@code SENDER_PUBLIC_KEY_PATH} (one PEM file or a
 * comma-separated list, e.g. the old and the new key during a vault signing-key rotation) and the {@code use=sig}
 * keys of the vault's JWK Set ({@code VAULT_JWKS_URL}). The JWK Set is cached, refreshed periodically and, at most
 * once per {@code minInterval}, when an envelope names an unknown kid — so a vault key rotation needs no restart. No
 * lock is held during a fetch: a known kid is answered from the current keys while a refresh runs, and callers that
 * refresh at the same time share one fetch (the fetcher's single flight).
 */
public final class TrustedSigners implements KeyLookup<RSAPublicKey> {

    private static final Logger log = LoggerFactory.getLogger(TrustedSigners.class);

    private final Map<String, RSAPublicKey> configured;
    private final JwksFetcher vault;
    private final Duration minInterval;
    private final Clock clock;
    private volatile Map<String, RSAPublicKey> fetched = Map.of();
    private volatile Instant lastAttempt = Instant.EPOCH;
    private volatile Instant lastSuccess = Instant.EPOCH;

    TrustedSigners(List<Path> files, JwksFetcher vault, Duration minInterval, Clock clock) {
        if (files.isEmpty() && vault == null) {
            throw new IllegalStateException("Neither SENDER_PUBLIC_KEY_PATH nor VAULT_JWKS_URL is set: the"
                    + " prompt-response service needs the vault's signing key(s) to verify envelopes");
        }
        Map<String, RSAPublicKey> keys = new LinkedHashMap<>();
        for (Path file : files) {
            RSAPublicKey key = read(file);
            keys.put(Jwk.thumbprint(key), key);
        }
        this.configured = Map.copyOf(keys);
        this.vault = vault;
        this.minInterval = minInterval;
        this.clock = clock;
    }

    /** One SPKI (or PKCS#1) PEM file of {@code SENDER_PUBLIC_KEY_PATH}; a failure names the setting and the path. */
    private static RSAPublicKey read(Path file) {
        try {
            return RsaKeys.readPublicKey(file);
        } catch (CryptoException e) {
            throw new IllegalStateException("SENDER_PUBLIC_KEY_PATH is not a usable RSA public key: " + file, e);
        }
    }

    @Override
    public Optional<RSAPublicKey> find(String kid) {
        RSAPublicKey key = configured.getOrDefault(kid, fetched.get(kid));
        if (key == null && vault != null) {
            refreshIfDue();
            key = fetched.get(kid);
        }
        return Optional.ofNullable(key);
    }

    /** Whether at least one signer is known (a readiness condition). */
    public boolean hasKeys() {
        return !configured.isEmpty() || !fetched.isEmpty();
    }

    public int size() {
        return configured.size() + fetched.size();
    }

    /**
     * Fetches the vault's JWK Set now (or joins the fetch already running), waiting at most the fetcher's deadline;
     * keeps the previous keys when the fetch fails. No lock is held: {@link #find} with a known kid never waits.
     */
    public void refresh() {
        if (vault == null) {
            return;
        }
        lastAttempt = clock.instant();
        Optional<JwkSet> set = vault.fetch();
        if (set.isEmpty()) {
            return;
        }
        Map<String, RSAPublicKey> keys = new LinkedHashMap<>();
        for (Jwk jwk : set.get().keys()) {
            if ("sig".equals(jwk.use())) {
                keys.put(jwk.kid(), jwk.key());
            }
        }
        if (!keys.keySet().equals(fetched.keySet())) {
            log.info("Trusted vault signing keys from {}: {}", vault.url(), keys.keySet());
        }
        fetched = Map.copyOf(keys);
        lastSuccess = clock.instant();
    }

    /** Refreshes when nothing was fetched yet (vault not up at startup) or the last fetch is older than maxAge. */
    public void refreshIfStale(Duration maxAge) {
        if (fetched.isEmpty() || lastSuccess.plus(maxAge).isBefore(clock.instant())) {
            refresh();
        }
    }

    private void refreshIfDue() {
        if (lastAttempt.plus(minInterval).isBefore(clock.instant())) {
            refresh();
        }
    }
}
