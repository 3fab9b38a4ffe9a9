package dev.e2ee.platform.jwks;

import dev.e2ee.crypto.CryptoException;
import dev.e2ee.crypto.key.JwkSet;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches one JWK Set over HTTP for both services (the vault reads the prompt-response service's receiver keys, the
 * prompt-response service the vault's signing keys): one deadline for the whole fetch (connect, headers and body: a
 * server that sends its body one byte at a time is cut off at the deadline and the connection dropped), HTTP/1.1, no
 * redirects followed (a 3xx is a failure, so a compromised or misconfigured host cannot point the fetch elsewhere), at
 * most {@link #MAX_BODY_BYTES} read, status 200 only. Any failure is an empty result and one log line naming the URL
 * and the kind of failure. Single flight: while a fetch runs, every caller gets that fetch's result instead of starting
 * another one.
 */
public final class JwksFetcher {

    private static final Logger log = LoggerFactory.getLogger(JwksFetcher.class);

    /** Largest JWK Set accepted (a set of a few RSA keys is ~1 KiB per key). */
    public static final int MAX_BODY_BYTES = 256 * 1024;

    private final URI url;
    private final Duration timeout;
    private final int maxBodyBytes;
    private final HttpClient http;
    private final HttpRequest request;
    private final AtomicReference<CompletableFuture<Optional<JwkSet>>> inFlight = new AtomicReference<>();

    /** {@code timeout} is the deadline of one whole fetch, from connecting to the last byte of the body. */
    public JwksFetcher(URI url, Duration timeout) {
        this(url, timeout, MAX_BODY_BYTES);
    }

    JwksFetcher(URI url, Duration timeout, int maxBodyBytes) {
        this.url = Objects.requireNonNull(url, "url");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.maxBodyBytes = maxBodyBytes;
        this.http = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.request = HttpRequest.newBuilder(url)
                .timeout(timeout)
                .header("Accept", "application/json")
                .GET()
                .build();
    }

    /**
     * The JWK Set, or empty when the fetch failed for any reason (logged). Waits at most the deadline; joins the fetch
     * already running, if any.
     */
    public Optional<JwkSet> fetch() {
        return fetchAsync().join();
    }

    /**
     * Starts a fetch, or returns the one already running. The future completes with the set or empty (never
     * exceptionally) by the deadline; callers that hold a previous set can keep serving it meanwhile.
     */
    public CompletableFuture<Optional<JwkSet>> fetchAsync() {
        CompletableFuture<Optional<JwkSet>> mine = new CompletableFuture<>();
        CompletableFuture<Optional<JwkSet>> running = inFlight.compareAndExchange(null, mine);
        if (running != null) {
            return running;
        }
        exchange().whenComplete((set, failure) -> {
            inFlight.compareAndSet(mine, null);
            mine.complete(set == null ? Optional.empty() : set);
        });
        return mine;
    }

    private CompletableFuture<Optional<JwkSet>> exchange() {
        CompletableFuture<HttpResponse<byte[]>> exchange = http.sendAsync(
                request,
                info -> info.statusCode() == 200
                        ? new LimitedBody(maxBodyBytes)
                        : HttpResponse.BodySubscribers.replacing(new byte[0]));
        CompletableFuture<HttpResponse<byte[]>> bounded =
                exchange.thenApply(response -> response).orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
        // past the deadline: abort the exchange, so a server that drips its body loses the connection
        bounded.whenComplete((response, failure) -> exchange.cancel(true));
        return bounded.handle(this::outcome);
    }

    private Optional<JwkSet> outcome(HttpResponse<byte[]> response, Throwable failure) {
        if (failure != null) {
            Throwable cause =
                    failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
            if (tooLarge(cause)) {
                log.warn("JWK Set {} is larger than {} bytes", url, maxBodyBytes);
            } else {
                log.warn("JWK Set {} unavailable: {}", url, cause.getClass().getSimpleName());
            }
            return Optional.empty();
        }
        if (response.statusCode() != 200) {
            log.warn("JWK Set {} answered {}", url, response.statusCode());
            return Optional.empty();
        }
        try {
            return Optional.of(JwkSet.parse(new String(response.body(), StandardCharsets.UTF_8)));
        } catch (CryptoException | IllegalArgumentException e) {
            log.warn("JWK Set {} unavailable: {}", url, e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    public URI url() {
        return url;
    }

    private static boolean tooLarge(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof LimitedBody.TooLargeException) {
                return true;
            }
        }
        return false;
    }
}
