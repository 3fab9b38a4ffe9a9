package dev.e2ee.bench.http;

import dev.e2ee.crypto.ehbp.Ehbp;
import dev.e2ee.crypto.ehbp.KeyConfig;
import dev.e2ee.crypto.ehbp.RequestSealer;
import dev.e2ee.crypto.ehbp.RequestSealer.SealedRequest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One authenticated JSON POST as a client sends it: plaintext, or with the body sealed to the server's key and the
 * answer opened (EHBP) when {@code key} is set. Answers the status and the (opened) body.
 */
record Exchange(HttpClient http, URI base, String token, KeyConfig key) {

    private static final Pattern CODE = Pattern.compile("\"code\"\\s*:\\s*\"([^\"]+)\"");

    /**
     * The answer; {@code sealed} is false when an encrypted request got an answer without {@code Ehbp-Response-Nonce}.
     */
    record Answer(int status, String body, boolean sealed) {

        /** The error class: status and problem {@code code}, and whether an encrypted request got a plain answer. */
        String errorClass() {
            Matcher code = CODE.matcher(body);
            return status + (code.find() ? " " + code.group(1) : "") + (sealed ? "" : " (answer not sealed)");
        }
    }

    static Exchange connect(HttpClient http, URI base, String token, boolean encrypted)
            throws IOException, InterruptedException {
        KeyConfig key = null;
        if (encrypted) {
            HttpResponse<byte[]> keys = http.send(
                    HttpRequest.newBuilder(base.resolve(Ehbp.KEYS_PATH)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            key = KeyConfig.decodeList(keys.body()).get(0);
        }
        return new Exchange(http, base, token, key);
    }

    Answer post(String path, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json");
        if (key == null) {
            HttpResponse<String> response = http.send(
                    request.POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body(), true);
        }
        SealedRequest sealed = RequestSealer.seal(key, body.getBytes(StandardCharsets.UTF_8));
        HttpResponse<byte[]> response = http.send(
                request.header(Ehbp.ENCAPSULATED_KEY_HEADER, sealed.encapsulatedKeyHex())
                        .POST(HttpRequest.BodyPublishers.ofByteArray(sealed.body()))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        String nonce = response.headers().firstValue(Ehbp.RESPONSE_NONCE_HEADER).orElse(null);
        if (nonce == null) {
            return new Answer(response.statusCode(), new String(response.body(), StandardCharsets.UTF_8), false);
        }
        return new Answer(
                response.statusCode(),
                new String(sealed.openResponse(nonce, response.body()), StandardCharsets.UTF_8),
                true);
    }
}
