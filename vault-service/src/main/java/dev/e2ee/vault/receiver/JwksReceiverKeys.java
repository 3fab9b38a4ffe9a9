package dev.e2ee.vault.receiver;

import dev.e2ee.crypto.CryptoException;
import dev.e2ee.crypto.envelope.Recipient;
import dev.e2ee.crypto.key.Jwk;
import dev.e2ee.crypto.key.JwkSet;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receiver keys fetched from the prompt-response service's JWK Set ({@code PROMPT_SERVICE_JWKS_URL}), with
 * connect/read timeouts. The set is cached and fetched again after the refresh interval; a failed fetch keeps the
 * last good set (rotation-safe: keys disappear only when the receiver stops publishing them). An unknown kid triggers
 * one early refresh; fetches are attempted at most every {@link #MIN_REFRESH_GAP}, so a receiver
 * outage does not cost a timeout on every request. The current key is the first {@code use=enc} key.
 */
public final class JwksReceiverKeys implements ReceiverKeys {

    private static final Logger log = LoggerFactory.getLogger(JwksReceiverKeys.class);
    static final Duration MIN_REFRESH_GAP = Duration.ofSeconds(30);

    private record Snapshot(List<Jwk> keys, Instant fetchedAt) {}

    private final URI url;
    private final Duration refreshInterval;
    private final Duration timeout;
    private final HttpClient client;
    private final Clock clock;
    private volatile Snapshot snapshot;
    private volatile Instant lastAttempt = Instant.EPOCH;

    public JwksReceiverKeys(URI url, Duration refreshInterval, Duration timeout, Clock clock) {
        this.url = url;
        this.refreshInterval = refreshInterval;
        this.timeout = timeout;
        this.clock = clock;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
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

    private synchronized List<Jwk> keys(boolean force) {
        Snapshot current = snapshot;
        Instant now = clock.instant();
        boolean stale = current == null || now.isAfter(current.fetchedAt().plus(refreshInterval));
        boolean mayTry = lastAttempt.equals(Instant.EPOCH) || now.isAfter(lastAttempt.plus(MIN_REFRESH_GAP));
        if (force || (stale && mayTry)) {
            fetch().ifPresent(keys -> snapshot = new Snapshot(keys, clock.instant()));
            current = snapshot;
        }
        if (current == null) {
            throw new ReceiverKeysUnavailableException();
        }
        return current.keys();
    }

    private Optional<List<Jwk>> fetch() {
        lastAttempt = clock.instant();
        HttpRequest request = HttpRequest.newBuilder(url).timeout(timeout).GET().build();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                log.warn("receiver JWK Set fetch from {} answered {}", url, response.statusCode());
                return Optional.empty();
            }
            List<Jwk> keys = JwkSet.parse(response.body()).keys().stream()
                    .filter(k -> "enc".equals(k.use()))
                    .toList();
            if (keys.isEmpty()) {
                log.warn("receiver JWK Set from {} has no encryption key", url);
                return Optional.empty();
            }
            return Optional.of(keys);
        } catch (IOException | CryptoException e) {
            log.warn(
                    "receiver JWK Set fetch from {} failed: {}",
                    url,
                    e.getClass().getSimpleName());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private static Recipient toRecipient(Jwk jwk) {
        return new Recipient(jwk.kid(), jwk.key());
    }
}
