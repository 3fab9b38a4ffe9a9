package dev.e2ee.client;

import dev.e2ee.crypto.ehbp.Ehbp;
import dev.e2ee.crypto.ehbp.EhbpException;
import dev.e2ee.crypto.ehbp.KeyConfig;
import dev.e2ee.crypto.ehbp.RequestSealer;
import dev.e2ee.crypto.ehbp.RequestSealer.SealedRequest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One HTTP exchange with a service: sealed with EHBP unless plaintext was allowed and the server has no keys
 * (a bodyless read is sent as an encrypted POST naming its method, so nothing confidential crosses in plaintext),
 * retried on 429/503 (honouring {@code Retry-After}) and on connection failures, and once with fresh keys on a 422
 * key-config answer.
 */
final class Transport {

    static final String METHOD_OVERRIDE = "X-HTTP-Method-Override";
    private static final Duration MAX_RETRY_WAIT = Duration.ofSeconds(30);

    private final URI base;
    private final HttpClient http;
    private final boolean plaintextAllowed;
    private final int maxAttempts;
    private final Duration timeout;
    private final JsonMapper json;
    private volatile Optional<KeyConfig> key;

    Transport(URI base, HttpClient http, boolean plaintextAllowed, int maxAttempts, Duration timeout, JsonMapper json) {
        this.base = base;
        this.http = http;
        this.plaintextAllowed = plaintextAllowed;
        this.maxAttempts = maxAttempts;
        this.timeout = timeout;
        this.json = json;
    }

    /** A response whose body is already opened. */
    record Response(int status, String contentType, String body, Map<String, List<String>> headers) {

        Optional<String> header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream())
                    .findFirst();
        }
    }

    /** Sends a request; a non-2xx answer becomes a {@link ProblemException}. */
    Response send(String method, String path, String body, Map<String, String> headers) {
        Response response = exchange(method, path, body, headers);
        if (response.status() >= 400) {
            throw problem(response, response.header(Ehbp.RESPONSE_NONCE_HEADER).isPresent() || !encrypting());
        }
        return response;
    }

    private boolean encrypting() {
        return currentKey().isPresent();
    }

    private Response exchange(String method, String path, String body, Map<String, String> headers) {
        boolean refreshedKeys = false;
        for (int attempt = 1; ; attempt++) {
            Response response;
            try {
                response = once(method, path, body, headers);
            } catch (IOException e) {
                if (attempt >= maxAttempts) {
                    throw new ConnectionFailedException(
                            "cannot reach " + base + " (" + e.getClass().getSimpleName() + ")", e);
                }
                pause(backoff(attempt));
                continue;
            }
            if (response.status() == 422 && isKeyConfigProblem(response) && !refreshedKeys) {
                key = null;
                refreshedKeys = true;
                continue;
            }
            if ((response.status() == 429 || response.status() == 503) && attempt < maxAttempts) {
                pause(retryAfter(response).orElse(backoff(attempt)));
                continue;
            }
            return response;
        }
    }

    private Response once(String method, String path, String body, Map<String, String> headers) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(timeout);
        headers.forEach(request::header);
        Optional<KeyConfig> config = currentKey();
        if (config.isEmpty()) {
            request.method(
                    method,
                    body == null
                            ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
            if (body != null) {
                request.header("Content-Type", "application/json");
            }
            HttpResponse<byte[]> response = send(request.build());
            return response(response, response.body());
        }
        byte[] plaintext = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        SealedRequest sealed = RequestSealer.seal(config.get(), plaintext);
        request.header(Ehbp.ENCAPSULATED_KEY_HEADER, sealed.encapsulatedKeyHex())
                .header("Content-Type", "application/json");
        if (body == null && !"POST".equals(method)) {
            request.header(METHOD_OVERRIDE, method).POST(HttpRequest.BodyPublishers.ofByteArray(sealed.body()));
        } else {
            request.method(method, HttpRequest.BodyPublishers.ofByteArray(sealed.body()));
        }
        HttpResponse<byte[]> response = send(request.build());
        return opened(sealed, response);
    }

    private Response opened(SealedRequest sealed, HttpResponse<byte[]> response) {
        Optional<String> nonce = response.headers().firstValue(Ehbp.RESPONSE_NONCE_HEADER);
        if (nonce.isEmpty()) {
            if (response.statusCode() < 300) {
                throw new ConnectionFailedException("a success answer to an encrypted request was not sealed");
            }
            return response(response, response.body()); // unauthenticated: reported as such
        }
        try {
            return response(response, sealed.openResponse(nonce.get(), response.body()));
        } catch (EhbpException e) {
            throw new ConnectionFailedException("the encrypted response could not be opened");
        }
    }

    private HttpResponse<byte[]> send(HttpRequest request) throws IOException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectionFailedException("interrupted");
        }
    }

    private static Response response(HttpResponse<byte[]> response, byte[] body) {
        return new Response(
                response.statusCode(),
                response.headers().firstValue("Content-Type").orElse(""),
                new String(body, StandardCharsets.UTF_8),
                response.headers().map());
    }

    /** The server's current key, fetched once (and again after a 422 key-config); empty when plaintext is allowed. */
    Optional<KeyConfig> currentKey() {
        Optional<KeyConfig> known = key;
        if (known == null) {
            known = fetchKey();
            key = known;
        }
        return known;
    }

    private Optional<KeyConfig> fetchKey() {
        HttpResponse<byte[]> response;
        try {
            response = send(HttpRequest.newBuilder(base.resolve(Ehbp.KEYS_PATH))
                    .timeout(timeout)
                    .GET()
                    .build());
        } catch (IOException e) {
            throw new ConnectionFailedException(
                    "cannot reach " + base + " (" + e.getClass().getSimpleName() + ")", e);
        }
        List<KeyConfig> keys = List.of();
        if (response.statusCode() == 200) {
            try {
                keys = KeyConfig.decodeList(response.body());
            } catch (IllegalArgumentException e) {
                throw new ConnectionFailedException("the server's HPKE key list is malformed");
            }
        }
        if (!keys.isEmpty()) {
            return Optional.of(keys.get(0));
        }
        if (plaintextAllowed) {
            return Optional.empty();
        }
        throw new ConnectionFailedException("the server publishes no HPKE keys (" + Ehbp.KEYS_PATH + " answered "
                + response.statusCode() + "); refusing to send in plaintext unless plaintext is explicitly allowed");
    }

    private boolean isKeyConfigProblem(Response response) {
        return node(response)
                .map(n -> Ehbp.KEY_CONFIG_PROBLEM_TYPE.equals(n.path("type").asString(null)))
                .orElse(false);
    }

    ProblemException problem(Response response, boolean authenticated) {
        JsonNode node = node(response).orElse(null);
        if (node == null) {
            return new ProblemException(response.status(), null, "HTTP " + response.status(), null, authenticated);
        }
        return new ProblemException(
                response.status(),
                node.path("code").asString(null),
                node.path("title").asString(null),
                node.path("detail").asString(null),
                authenticated);
    }

    private Optional<JsonNode> node(Response response) {
        try {
            JsonNode node = json.readTree(response.body());
            return node != null && node.isObject() ? Optional.of(node) : Optional.empty();
        } catch (JacksonException e) {
            return Optional.empty();
        }
    }

    private static Optional<Duration> retryAfter(Response response) {
        try {
            return response.header("Retry-After")
                    .map(v -> Duration.ofSeconds(Long.parseLong(v.trim())))
                    .map(d -> d.compareTo(MAX_RETRY_WAIT) > 0 ? MAX_RETRY_WAIT : d);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** 200 ms, 400 ms, 800 ms … with up to 50 % jitter. */
    private static Duration backoff(int attempt) {
        long millis = 200L << Math.min(attempt - 1, 6);
        return Duration.ofMillis(millis + ThreadLocalRandom.current().nextLong(millis / 2 + 1));
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectionFailedException("interrupted");
        }
    }
}
