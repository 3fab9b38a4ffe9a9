package dev.e2ee.platform.it;

import dev.e2ee.crypto.ehbp.Ehbp;
import dev.e2ee.crypto.ehbp.KeyConfig;
import dev.e2ee.crypto.ehbp.RequestSealer;
import dev.e2ee.crypto.ehbp.RequestSealer.SealedRequest;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** One encrypted exchange over real HTTP, for the platform's integration tests. */
record EhbpClientSupport(HttpClient http) {

    /** The response, its status and headers as sent, its body opened (or the raw body when it was not sealed). */
    record Exchange(HttpResponse<byte[]> response, String body) {

        boolean sealed() {
            return response.headers().firstValue(Ehbp.RESPONSE_NONCE_HEADER).isPresent();
        }

        int status() {
            return response.statusCode();
        }
    }

    Exchange send(HttpRequest.Builder request, String method, KeyConfig key, String json) throws Exception {
        SealedRequest sealed = RequestSealer.seal(key, json.getBytes(StandardCharsets.UTF_8));
        HttpRequest built = request.header(Ehbp.ENCAPSULATED_KEY_HEADER, sealed.encapsulatedKeyHex())
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofByteArray(sealed.body()))
                .build();
        HttpResponse<byte[]> response = http.send(built, HttpResponse.BodyHandlers.ofByteArray());
        String nonce = response.headers().firstValue(Ehbp.RESPONSE_NONCE_HEADER).orElse(null);
        byte[] body = nonce == null ? response.body() : sealed.openResponse(nonce, response.body());
        return new Exchange(response, new String(body, StandardCharsets.UTF_8));
    }
}
