package dev.e2ee.platform.jwks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.e2ee.crypto.key.Jwk;
import dev.e2ee.crypto.key.JwkSet;
import dev.e2ee.crypto.key.RsaKeys;
import dev.e2ee.platform.test.DrippingBody;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** The one JWK Set fetcher against a local HTTP server that misbehaves in each of the ways the limits cover. */
@ExtendWith(OutputCaptureExtension.class)
class JwksFetcherTests {

    private static final RSAPublicKey KEY =
            (RSAPublicKey) RsaKeys.generate(2048).getPublic();
    private static final String SET = new JwkSet(List.of(Jwk.signing(KEY))).toJson();

    private final AtomicInteger redirectTargetHits = new AtomicInteger();
    private final AtomicInteger slowHits = new AtomicInteger();
    private final CountDownLatch release = new CountDownLatch(1);
    private final DrippingBody dripping = new DrippingBody();
    private HttpServer server;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/jwks.json", exchange -> send(exchange, 200, SET));
        server.createContext("/redirect", exchange -> {
            exchange.getResponseHeaders().add("Location", url("/elsewhere").toString());
            send(exchange, 302, "");
        });
        server.createContext("/elsewhere", exchange -> {
            redirectTargetHits.incrementAndGet();
            send(exchange, 200, SET);
        });
        server.createContext(
                "/oversized", exchange -> send(exchange, 200, SET + " ".repeat(JwksFetcher.MAX_BODY_BYTES)));
        server.createContext("/error", exchange -> send(exchange, 500, SET));
        server.createContext("/not-a-set", exchange -> send(exchange, 200, "{\"keys\": 3}"));
        server.createContext("/slow", exchange -> {
            slowHits.incrementAndGet();
            awaitRelease();
            send(exchange, 200, SET);
        });
        server.createContext("/drip", this::drip);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
    }

    @AfterEach
    void stop() {
        release.countDown();
        dripping.release();
        server.stop(0);
    }

    @Test
    void fetchWhenServedThenTheKeys() {
        assertThat(fetcher("/jwks.json").fetch())
                .hasValueSatisfying(
                        set -> assertThat(set.keys()).extracting(Jwk::key).containsExactly(KEY));
    }

    @Test
    void fetchWhenRedirectedThenEmptyAndTheTargetIsNeverAsked() {
        assertThat(fetcher("/redirect").fetch()).isEmpty();
        assertThat(redirectTargetHits).hasValue(0);
    }

    @Test
    void fetchWhenBodyLargerThanTheLimitThenEmpty() {
        assertThat(fetcher("/oversized").fetch()).isEmpty();
        assertThat(new JwksFetcher(url("/jwks.json"), Duration.ofSeconds(5), SET.length() - 1).fetch())
                .isEmpty();
        assertThat(new JwksFetcher(url("/jwks.json"), Duration.ofSeconds(5), SET.length()).fetch())
                .isPresent();
    }

    @Test
    void fetchWhenNot200OrNotAJwkSetThenEmpty() {
        assertThat(fetcher("/error").fetch()).isEmpty();
        assertThat(fetcher("/not-a-set").fetch()).isEmpty();
    }

    @Test
    void fetchWhenServerDoesNotAnswerWithinTheTimeoutThenEmpty() {
        assertThat(new JwksFetcher(url("/slow"), Duration.ofMillis(200)).fetch())
                .isEmpty();
    }

    @Test
    void fetchWhenBodyDripsPastTheDeadlineThenEmptyByTheDeadlineWithTheGenericError(CapturedOutput output) {
        JwksFetcher fetcher = new JwksFetcher(url("/drip"), Duration.ofMillis(500));

        Optional<JwkSet> set = assertTimeoutPreemptively(Duration.ofSeconds(10), fetcher::fetch);

        assertThat(set).isEmpty();
        assertThat(output).contains("JWK Set " + url("/drip") + " unavailable: TimeoutException");
    }

    @Test
    void fetchAsyncWhenAFetchIsRunningThenCallersShareItAndTheServerIsAskedOnce() {
        JwksFetcher fetcher = new JwksFetcher(url("/slow"), Duration.ofSeconds(10));

        CompletableFuture<Optional<JwkSet>> first = fetcher.fetchAsync();
        CompletableFuture<Optional<JwkSet>> second = fetcher.fetchAsync();
        release.countDown();

        assertThat(second).isSameAs(first);
        assertThat(first.join()).isPresent();
        assertThat(slowHits).hasValue(1);
        assertThat(fetcher.fetch()).as("a later fetch asks again").isPresent();
        assertThat(slowHits).hasValue(2);
    }

    @Test
    void fetchWhenNothingListensThenEmpty() {
        URI closed = url("/jwks.json");
        server.stop(0);
        assertThat(new JwksFetcher(closed, Duration.ofSeconds(2)).fetch()).isEmpty();
    }

    private JwksFetcher fetcher(String path) {
        return new JwksFetcher(url(path), Duration.ofSeconds(5));
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    /** Sends the headers of a 200 with a body of the set's length, then one byte every 100 ms until released. */
    private void drip(HttpExchange exchange) throws IOException {
        byte[] body = SET.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            dripping.drip(out, body);
        }
    }

    private void awaitRelease() {
        try {
            release.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
