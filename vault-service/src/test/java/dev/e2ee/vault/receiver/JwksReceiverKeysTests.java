package dev.e2ee.vault.receiver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.sun.net.httpserver.HttpServer;
import dev.e2ee.crypto.key.Jwk;
import dev.e2ee.crypto.key.JwkSet;
import dev.e2ee.crypto.key.RsaKeys;
import dev.e2ee.platform.jwks.JwksFetcher;
import dev.e2ee.platform.test.DrippingBody;
import dev.e2ee.platform.test.MutableClock;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The receiver's JWK Set as served by a local stand-in for the prompt-response service. */
class JwksReceiverKeysTests {

    private static final RSAPublicKey FIRST =
            (RSAPublicKey) RsaKeys.generate(2048).getPublic();
    private static final RSAPublicKey SECOND =
            (RSAPublicKey) RsaKeys.generate(2048).getPublic();

    private final AtomicReference<String> served = new AtomicReference<>();
    private final AtomicInteger status = new AtomicInteger(200);
    private final AtomicInteger fetches = new AtomicInteger();
    private final AtomicBoolean drip = new AtomicBoolean();
    private final DrippingBody dripping = new DrippingBody();
    private final MutableClock clock = new MutableClock();
    private HttpServer server;
    private JwksReceiverKeys keys;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/jwks.json", exchange -> {
            fetches.incrementAndGet();
            byte[] body = served.get().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status.get(), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                if (drip.get()) {
                    dripping.drip(out, body);
                } else {
                    out.write(body);
                }
            }
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
        URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/jwks.json");
        keys = new JwksReceiverKeys(new JwksFetcher(url, Duration.ofSeconds(20)), Duration.ofMinutes(5), clock);
    }

    @AfterEach
    void stop() {
        dripping.release();
        server.stop(0);
    }

    @Test
    void currentWhenSetFetchedThenFirstEncryptionKeyAndCached() {
        serve(Jwk.signing(SECOND), Jwk.encryption(FIRST), Jwk.encryption(SECOND));

        assertThat(keys.current().kid()).isEqualTo(Jwk.thumbprint(FIRST));
        assertThat(keys.current().key()).isEqualTo(FIRST);
        assertThat(keys.find(Jwk.thumbprint(SECOND))).isPresent();
        assertThat(keys.find("prompt_response_enc_public"))
                .hasValueSatisfying(r -> assertThat(r.key()).isEqualTo(FIRST));
        assertThat(fetches.get()).isEqualTo(1);
    }

    @Test
    void findWhenUnknownKidThenOneEarlyRefreshPicksUpRotation() {
        serve(Jwk.encryption(FIRST));
        keys.current();
        serve(Jwk.encryption(SECOND), Jwk.encryption(FIRST));

        assertThat(keys.find(Jwk.thumbprint(SECOND))).isEmpty();
        clock.advance(JwksReceiverKeys.MIN_REFRESH_GAP.plusSeconds(1));
        assertThat(keys.find(Jwk.thumbprint(SECOND))).isPresent();
        assertThat(keys.find("caller-chosen-key")).isEmpty();
        assertThat(keys.current().kid()).isEqualTo(Jwk.thumbprint(SECOND));
    }

    @Test
    void refreshWhenServerFailsThenLastGoodSetKept() {
        serve(Jwk.encryption(FIRST));
        keys.current();
        status.set(503);
        clock.advance(Duration.ofMinutes(6));

        assertThat(keys.current().key()).isEqualTo(FIRST);
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(fetches.get()).isEqualTo(2));
        assertThat(keys.current().key()).isEqualTo(FIRST);
    }

    @Test
    void currentWhenARefreshDripsItsBodyThenCallersGetTheCurrentSetWithoutWaiting() {
        serve(Jwk.encryption(FIRST));
        keys = new JwksReceiverKeys(
                new JwksFetcher(
                        URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/jwks.json"),
                        Duration.ofSeconds(2)),
                Duration.ofMinutes(5),
                clock);
        keys.current();
        serve(Jwk.encryption(SECOND));
        drip.set(true);
        clock.advance(Duration.ofMinutes(6));

        assertTimeoutPreemptively(Duration.ofSeconds(1), () -> {
            assertThat(keys.current().key()).as("the refresh is due").isEqualTo(FIRST);
            assertThat(keys.current().key()).as("while it runs").isEqualTo(FIRST);
            assertThat(keys.find(Jwk.thumbprint(FIRST))).isPresent();
        });
        await().atMost(Duration.ofSeconds(10))
                .alias("the refresh was started")
                .untilAsserted(() -> assertThat(fetches.get()).isEqualTo(2));
    }

    @Test
    void currentWhenNeverFetchedThenUnavailable() {
        status.set(500);
        served.set("{}");

        assertThatThrownBy(keys::current).isInstanceOf(ReceiverKeysUnavailableException.class);
    }

    @Test
    void currentWhenSetHasNoEncryptionKeyThenUnavailable() {
        serve(Jwk.signing(FIRST));

        assertThatThrownBy(keys::current).isInstanceOf(ReceiverKeysUnavailableException.class);
    }

    private void serve(Jwk... jwks) {
        served.set(new JwkSet(List.of(jwks)).toJson());
    }
}
