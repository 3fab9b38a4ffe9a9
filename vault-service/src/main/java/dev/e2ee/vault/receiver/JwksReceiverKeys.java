package dev.e2ee.vault.receiver;

import dev.e2ee.crypto.envelope.Recipient;
import dev.e2ee.crypto.key.Jwk;
import dev.e2ee.crypto.key.JwkSet;
import dev.e2ee.platform.jwks.JwksFetcher;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receiver keys fetched from the prompt-response service's JWK Set ({@code PROMPT_SERVICE_JWKS_URL}) by the
 * platform's {@link JwksFetcher} (one deadline, size limit, no redirects). The set is cached and fetched again after the
 * refresh interval, in the background: callers keep getting the current set meanwhile and never wait on the network
 * (no lock is held during a fetch). A failed fetch keeps the last good set (rotation-safe: keys disappear only when
 * the receiver stops publishing them). An unknown kid triggers one early refresh, which that caller waits for (at most
 * the fetcher's deadline); fetches are attempted at most every {@link #MIN_REFRESH_GAP}, so a receiver outage does not
 * cost a timeout on every request. The current key is the first {@code use=enc} key.
 */
public final class JwksReceiverKeys implements ReceiverKeys {

    private static final Logger log = LoggerFactory.getLogger(JwksReceiverKeys.class);
    static final Duration MIN_REFRESH_GAP = Duration.ofSeconds(30);

    private record Snapshot(List<Jwk> keys, Instant fetchedAt) {}

    private final JwksFetcher fetcher;
    private final Duration refreshInterval;
    private final Clock clock;
    private volatile Snapshot snapshot;
    private volatile Instant lastAttempt = Instant.EPOCH;

    public JwksReceiverKeys(JwksFetcher fetcher, Duration refreshInterval, Clock clock) {
        this.fetcher = fetcher;
        this.refreshInterval = refreshInterval;
        this.clock = clock;
    }

    @Override
    public Recipient current() {
        List<Jwk> keys = keys(false);
        return toRecipient(keys.get(0));
    }

    @Override
    public Optional<Recipient> find(String kidOrLabel) {
        Optional<Jwk> found = lookup(keys(false), kidOrLabel);
        if (found.isEmpty() && clock.instant().isAfter(lastAttempt.plus(MIN_REFRESH_GAP))) {
            found = lookup(keys(true), kidOrLabel);
        }
        return found.map(JwksReceiverKeys::toRecipient);
    }

    @Override
    public List<Jwk> publicJwks() {
        Snapshot current = snapshot;
        return current == null ? List.of() : current.keys();
    }

    @Override
    public String source() {
        return "jwks";
    }

    private Optional<Jwk> lookup(List<Jwk> keys, String kidOrLabel) {
        if (FileReceiverKeys.LABEL.equals(kidOrLabel)) {
            return Optional.of(keys.get(0));
        }
        return keys.stream().filter(k -> k.kid().equals(kidOrLabel)).findFirst();
    }

    /**
     * The current set; a due refresh runs in the background while the current set is served (single flight in the
     * fetcher). Only a caller that has no set yet, or needs a kid the set lacks ({@code force}), waits for the fetch,
     * at most the fetcher's deadline.
     */
    private List<Jwk> keys(boolean force) {
        Snapshot current = snapshot;
        Instant now = clock.instant();
        boolean stale = current == null || now.isAfter(current.fetchedAt().plus(refreshInterval));
        boolean mayTry = lastAttempt.equals(Instant.EPOCH) || now.isAfter(lastAttempt.plus(MIN_REFRESH_GAP));
        if (force || (stale && mayTry)) {
            CompletableFuture<Void> refresh = refresh();
            if (current == null || force) {
                refresh.join();
                current = snapshot;
            }
        }
        if (current == null) {
            throw new ReceiverKeysUnavailableException();
        }
        return current.keys();
    }

    private CompletableFuture<Void> refresh() {
        lastAttempt = clock.instant();
        return fetcher.fetchAsync()
                .thenAccept(set -> set.map(this::encryptionKeys)
                        .filter(keys -> !keys.isEmpty())
                        .ifPresent(keys -> snapshot = new Snapshot(keys, clock.instant())));
    }

    private List<Jwk> encryptionKeys(JwkSet set) {
        List<Jwk> keys = set.keys().stream().filter(k -> "enc".equals(k.use())).toList();
        if (keys.isEmpty()) {
            log.warn("receiver JWK Set from {} has no encryption key", fetcher.url());
        }
        return keys;
    }

    private static Recipient toRecipient(Jwk jwk) {
        return new Recipient(jwk.kid(), jwk.key());
    }
}
