package dev.e2ee.systemtest;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

/** HTTP calls against a running service (JDK client, JSON through Jackson 3). */
final class Http {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final HttpClient CLIENT = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(3))
            .version(HttpClient.Version.HTTP_1_1)
            .build();
    /** Upper bound for one call: a service that hangs longer than this fails the test (no timing assertion). */
    static final Duration CALL_TIMEOUT = Duration.ofSeconds(20);

    private Http() {}

    /** A response; {@code status} -1 means no HTTP answer (connection refused/reset, timeout). */
    record Response(int status, Map<String, String> headers, byte[] bodyBytes, String failure) {

        String body() {
            return new String(bodyBytes, StandardCharsets.UTF_8);
        }

        /** The body as JSON; a missing node when there is no body or it is not JSON. */
        JsonNode json() {
            if (bodyBytes.length == 0) {
                return MissingNode.getInstance();
            }
            try {
                return JSON.readTree(body());
            } catch (JacksonException e) {
                return MissingNode.getInstance();
            }
        }

        Optional<String> header(String name) {
            return Optional.ofNullable(headers.get(name.toLowerCase(java.util.Locale.ROOT)));
        }

        boolean is2xx() {
            return status >= 200 && status < 300;
        }

        @Override
        public String toString() {
            return "HTTP " + status + (failure != null ? " (" + failure + ")" : "") + " " + body();
        }
    }

    static Call call(URI base, String method, String path) {
        return new Call(base, method, path);
    }

    static String json(Object value) {
        return JSON.writeValueAsString(value);
    }

    /** A request being built. */
    static final class Call {
        private final HttpRequest.Builder builder;
        private final String method;
        private HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.noBody();
        private boolean contentTypeSet;

        private Call(URI base, String method, String path) {
            this.builder =
                    HttpRequest.newBuilder(URI.create(base.toString() + path)).timeout(CALL_TIMEOUT);
            this.method = method;
        }

        Call bearer(String token) {
            return header("Authorization", "Bearer " + token);
        }

        Call apiKey(String key) {
            return header("X-API-Key", key);
        }

        Call header(String name, String value) {
            builder.header(name, value);
            if ("content-type".equalsIgnoreCase(name)) {
                contentTypeSet = true;
            }
            return this;
        }

        Call json(Object value) {
            return raw(value instanceof String s ? s : Http.json(value));
        }

        /** A JSON body given verbatim (content type application/json unless set). */
        Call raw(String value) {
            return bytes(value.getBytes(StandardCharsets.UTF_8));
        }

        Call bytes(byte[] value) {
            body = HttpRequest.BodyPublishers.ofByteArray(value);
            return this;
        }

        Call timeout(Duration timeout) {
            builder.timeout(timeout);
            return this;
        }

        Response send() {
            if (!contentTypeSet && java.util.Set.of("POST", "PUT", "PATCH").contains(method)) {
                builder.header("Content-Type", "application/json");
            }
            HttpRequest request = builder.method(method, body).build();
            try {
                HttpResponse<byte[]> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofByteArray());
                Map<String, String> headers = new LinkedHashMap<>();
                response.headers()
                        .map()
                        .forEach((name, values) ->
                                headers.put(name.toLowerCase(java.util.Locale.ROOT), String.join(",", values)));
                return new Response(response.statusCode(), headers, response.body(), null);
            } catch (IOException e) {
                return new Response(-1, Map.of(), new byte[0], e.getClass().getSimpleName() + ": " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Response(-1, Map.of(), new byte[0], "interrupted");
            }
        }
    }
}
