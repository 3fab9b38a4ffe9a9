package dev.e2ee.prs.key;

import dev.e2ee.crypto.CryptoException;
import dev.e2ee.crypto.key.JwkSet;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Fetches the vault's JWK Set with connect and read timeouts; any failure is an empty result (and a log line). */
final class VaultJwksClient {

    private static final Logger log = LoggerFactory.getLogger(VaultJwksClient.class);
    private static final int MAX_BODY_CHARS = 256 * 1024;

    private final URI url;
    private final Duration timeout;
    private final HttpClient http;

    VaultJwksClient(URI url, Duration timeout) {
        this.url = url;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    Optional<JwkSet> fetch() {
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(timeout)
                .header("Accept", "application/json")
                .GET()
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200 || response.body().length() > MAX_BODY_CHARS) {
                log.warn("Vault JWK Set {} answered {}", url, response.statusCode());
                return Optional.empty();
            }
            return Optional.of(JwkSet.parse(response.body()));
        } catch (IOException | CryptoException e) {
            log.warn("Vault JWK Set {} unavailable: {}", url, e.getClass().getSimpleName());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    URI url() {
        return url;
    }
}
