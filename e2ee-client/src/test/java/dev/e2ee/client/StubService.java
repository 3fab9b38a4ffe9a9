package dev.e2ee.client;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.e2ee.crypto.ehbp.Ehbp;
import dev.e2ee.crypto.ehbp.RequestOpener;
import dev.e2ee.crypto.ehbp.RequestOpener.OpenedRequest;
import dev.e2ee.crypto.ehbp.RequestOpener.SealedResponse;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A stand-in for a service on a real socket, speaking EHBP with crypto-common's server side: the test decides what
 * each request gets; every request is recorded with its raw and its opened body.
 */
final class StubService implements AutoCloseable {

    record Seen(String method, String path, Map<String, List<String>> headers, byte[] raw, String plaintext) {}

    record Answer(int status, String body, Map<String, String> headers, boolean seal) {
        static Answer json(int status, String body) {
            return new Answer(status, body, Map.of("Content-Type", "application/json"), true);
        }
    }

    final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final HttpServer server;
    private final RequestOpener keys = RequestOpener.fromRawPrivateKeys(List.of(randomKey()));
    volatile boolean publishKeys = true;
    volatile Function<Seen, Answer> handler = s -> Answer.json(200, "{}");

    StubService() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (exchange.getRequestURI().getPath().equals(Ehbp.KEYS_PATH)) {
                byte[] body = publishKeys ? keys.keysBody() : new byte[0];
                exchange.sendResponseHeaders(publishKeys ? 200 : 404, body.length == 0 ? -1 : body.length);
                exchange.getResponseBody().write(body);
                return;
            }
            byte[] raw = exchange.getRequestBody().readAllBytes();
            String enc = exchange.getRequestHeaders().getFirst(Ehbp.ENCAPSULATED_KEY_HEADER);
            OpenedRequest opened = enc == null ? null : keys.open(enc, raw);
            String plaintext = new String(opened == null ? raw : opened.plaintext(), StandardCharsets.UTF_8);
            Seen request = new Seen(
                    exchange.getRequestMethod(),
                    exchange.getRequestURI().toString(),
                    Map.copyOf(exchange.getRequestHeaders()),
                    raw,
                    plaintext);
            seen.add(request);
            Answer answer = handler.apply(request);
            answer.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
            if (opened != null && answer.seal()) {
                SealedResponse sealed = opened.sealResponse(body);
                exchange.getResponseHeaders().add(Ehbp.RESPONSE_NONCE_HEADER, sealed.nonceHex());
                body = sealed.body();
            }
            exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
            exchange.getResponseBody().write(body);
        }
    }

    private static byte[] randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
