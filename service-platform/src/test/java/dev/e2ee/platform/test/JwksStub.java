package dev.e2ee.platform.test;

import com.sun.net.httpserver.HttpServer;
import dev.e2ee.crypto.key.Jwk;
import dev.e2ee.crypto.key.JwkSet;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A local HTTP server standing in for a service's JWK Set endpoint: answers {@code GET path} with the body and status
 * the test sets (200 and an empty set at first) and counts the fetches. Close it to make the endpoint unreachable.
 */
public final class JwksStub implements AutoCloseable {

    private final AtomicReference<String> body = new AtomicReference<>("{\"keys\":[]}");
    private final AtomicInteger status = new AtomicInteger(200);
    private final AtomicInteger fetches = new AtomicInteger();
    private final HttpServer server;
    private final URI url;

    private JwksStub(String path) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext(path, exchange -> {
            fetches.incrementAndGet();
            byte[] bytes = body.get().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status.get(), bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
        url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    public static JwksStub start(String path) {
        try {
            return new JwksStub(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Serves these keys as a JWK Set from now on. */
    public void serve(Jwk... keys) {
        serve(new JwkSet(List.of(keys)).toJson());
    }

    /** Serves this body (any JSON, or garbage) from now on. */
    public void serve(String json) {
        body.set(json);
    }

    /** Answers with this status from now on. */
    public void status(int code) {
        status.set(code);
    }

    public int fetches() {
        return fetches.get();
    }

    public URI url() {
        return url;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
