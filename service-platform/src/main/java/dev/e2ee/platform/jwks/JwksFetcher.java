package dev.e2ee.platform.jwks;

import dev.e2ee.crypto.CryptoException;
import dev.e2ee.crypto.key.JwkSet;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches one JWK Set over HTTP for both services (the vault reads the prompt-response service's receiver keys, the
 * prompt-response service the vault's signing keys): connect and read timeouts, HTTP/1.1, no redirects followed (a
 * 3xx is a failure, so a compromised or misconfigured host cannot point the fetch elsewhere), at most
 * {@link #MAX_BODY_BYTES} read, status 200 only. Any failure is an empty result and one log line naming the URL and
 * the kind of failure.
 */
public final class JwksFetcher {

    private static final Logger log = LoggerFactory.getLogger(JwksFetcher.class);

    /** Largest JWK Set accepted (a set of a few RSA keys is ~1 KiB per key). */
    public static final int MAX_BODY_BYTES = 256 * 1024;

    private final URI url;
    private final Duration timeout;
    private final int maxBodyBytes;
    private final HttpClient http;

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
    }

    /** The JWK Set, or empty when the fetch failed for any reason (logged). */
    public Optional<JwkSet> fetch() {
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(timeout)
                .header("Accept", "application/json")
                .GET()
                .build();
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    log.warn("JWK Set {} answered {}", url, response.statusCode());
                    return Optional.empty();
                }
                byte[] bytes = body.readNBytes(maxBodyBytes + 1);
                if (bytes.length > maxBodyBytes) {
                    log.warn("JWK Set {} is larger than {} bytes", url, maxBodyBytes);
                    return Optional.empty();
                }
                return Optional.of(JwkSet.parse(new String(bytes, StandardCharsets.UTF_8)));
            }
        } catch (IOException | CryptoException | IllegalArgumentException e) {
            log.warn("JWK Set {} unavailable: {}", url, e.getClass().getSimpleName());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    public URI url() {
        return url;
    }
}
