package dev.e2ee.prs.key;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.sun.net.httpserver.HttpServer;
import dev.e2ee.crypto.key.Jwk;
import dev.e2ee.crypto.key.JwkSet;
import dev.e2ee.crypto.key.RsaKeys;
import dev.e2ee.platform.jwks.JwksFetcher;
import dev.e2ee.platform.test.DrippingBody;
import dev.e2ee.platform.test.MutableClock;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The vault's JWK Set served over real HTTP by a local server (rotation without restart, rate-limited refresh), and
 * file-based trust of several listed public keys (old and new during a rotation).
 */
class TrustedSignersTests {

    private static final RSAPublicKey FIRST =
            (RSAPublicKey) RsaKeys.generate(2048).getPublic();
    private static final RSAPublicKey SECOND =
            (RSAPublicKey) RsaKeys.generate(2048).getPublic();

    private final AtomicReference<String> served = new AtomicReference<>();
    private final AtomicInteger fetches = new AtomicInteger();
    private final AtomicBoolean drip = new AtomicBoolean();
    private final DrippingBody dripping = new DrippingBody();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T10:00:00Z"));
    private HttpServer server;

    @BeforeEach
    void serveJwks() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/v1/keys/jwks.json", exchange -> {
            fetches.incrementAndGet();
            byte[] body = served.get().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            if (drip.get()) {
                dripping.drip(exchange.getResponseBody(), body);
            } else {
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
    }

    @AfterEach
    void stop() {
        dripping.release();
        server.stop(0);
    }

    private TrustedSigners signers() {
        return signers(Duration.ofSeconds(15));
    }

    private TrustedSigners signers(Duration deadline) {
        URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api/v1/keys/jwks.json");
        return new TrustedSigners(List.of(), new JwksFetcher(url, deadline), Duration.ofSeconds(10), clock);
    }

    @Test
    void findWhenARefreshDripsItsBodyThenOtherCallersDoNotWaitAndTheRefreshEndsAtTheDeadline() {
        served.set(new JwkSet(List.of(Jwk.signing(FIRST))).toJson());
        TrustedSigners signers = signers(Duration.ofSeconds(2));
        signers.refresh();
        served.set(new JwkSet(List.of(Jwk.signing(SECOND), Jwk.signing(FIRST))).toJson());
        drip.set(true);
        clock.advance(Duration.ofMinutes(10));

        CompletableFuture<Void> scheduled =
                CompletableFuture.runAsync(() -> signers.refreshIfStale(Duration.ofMinutes(5)));
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(fetches).hasValue(2));

        assertTimeoutPreemptively(Duration.ofSeconds(1), () -> {
            assertThat(signers.find(Jwk.thumbprint(FIRST))).contains(FIRST);
            assertThat(signers.find(Jwk.thumbprint(SECOND)))
                    .as("not fetched yet")
                    .isEmpty();
        });
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> scheduled.join());
        assertThat(signers.find(Jwk.thumbprint(FIRST))).as("previous keys kept").contains(FIRST);
    }

    @Test
    void findWhenVaultPublishesSigningAndEncryptionKeysThenOnlySigningKeysTrusted() {
        served.set(new JwkSet(List.of(Jwk.signing(FIRST), Jwk.encryption(SECOND))).toJson());
        TrustedSigners signers = signers();

        signers.refresh();

        assertThat(signers.find(Jwk.thumbprint(FIRST))).contains(FIRST);
        assertThat(signers.find(Jwk.thumbprint(SECOND))).isEmpty();
        assertThat(signers.hasKeys()).isTrue();
    }

    @Test
    void findWhenVaultRotatedThenUnknownKidTriggersOneRateLimitedRefresh() {
        served.set(new JwkSet(List.of(Jwk.signing(FIRST))).toJson());
        TrustedSigners signers = signers();
        signers.refresh();
        served.set(new JwkSet(List.of(Jwk.signing(SECOND), Jwk.signing(FIRST))).toJson());

        assertThat(signers.find(Jwk.thumbprint(SECOND)))
                .as("within the minimum interval")
                .isEmpty();
        assertThat(signers.find("unknown-kid")).isEmpty();
        assertThat(fetches).hasValue(1);

        clock.advance(Duration.ofSeconds(11));
        assertThat(signers.find(Jwk.thumbprint(SECOND))).contains(SECOND);
        assertThat(signers.find(Jwk.thumbprint(FIRST))).contains(FIRST);
        assertThat(fetches).hasValue(2);
    }

    @Test
    void refreshIfStaleWhenNothingFetchedYetThenFetchesElseWaitsForTheInterval() {
        served.set(new JwkSet(List.of(Jwk.signing(FIRST))).toJson());
        TrustedSigners signers = signers();

        signers.refreshIfStale(Duration.ofMinutes(5));
        signers.refreshIfStale(Duration.ofMinutes(5));
        assertThat(fetches).hasValue(1);
        clock.advance(Duration.ofMinutes(6));
        signers.refreshIfStale(Duration.ofMinutes(5));

        assertThat(fetches).hasValue(2);
        assertThat(signers.hasKeys()).isTrue();
    }

    @Test
    void refreshWhenVaultUnreachableThenPreviousKeysKept() {
        served.set(new JwkSet(List.of(Jwk.signing(FIRST))).toJson());
        TrustedSigners signers = signers();
        signers.refresh();
        server.stop(0);

        signers.refresh();

        assertThat(signers.find(Jwk.thumbprint(FIRST))).contains(FIRST);
    }

    @Test
    void refreshWhenVaultServesGarbageThenPreviousKeysKept() {
        served.set(new JwkSet(List.of(Jwk.signing(FIRST))).toJson());
        TrustedSigners signers = signers();
        signers.refresh();
        assertThat(signers.hasKeys()).as("first fetch").isTrue();
        served.set("{\"keys\": \"nope\"}");

        signers.refresh();

        assertThat(signers.find(Jwk.thumbprint(FIRST))).contains(FIRST);
    }

    @Test
    void findWhenTwoPublicKeyFilesListedThenBothTrustedWithoutAJwkSet(@TempDir Path dir) throws IOException {
        Path current = Files.writeString(dir.resolve("vault-sign-new.pem"), RsaKeys.toPem(SECOND));
        Path previous = Files.writeString(dir.resolve("vault-sign-old.pem"), RsaKeys.toPem(FIRST));
        KeyProperties properties =
                new KeyProperties(null, current + " , " + previous, null, null, null, null, null, null, false, null);

        TrustedSigners signers = new TrustedSigners(properties.senderPaths(), null, Duration.ofSeconds(10), clock);

        assertThat(signers.find(Jwk.thumbprint(SECOND))).contains(SECOND);
        assertThat(signers.find(Jwk.thumbprint(FIRST))).contains(FIRST);
        assertThat(signers.find("unknown-kid")).isEmpty();
        assertThat(signers.size()).isEqualTo(2);
    }

    @Test
    void constructionWhenAListedFileIsNotAPublicKeyThenFailsNamingTheSettingAndPath(@TempDir Path dir)
            throws IOException {
        Path good = Files.writeString(dir.resolve("vault-sign-new.pem"), RsaKeys.toPem(SECOND));
        Path bad = Files.writeString(dir.resolve("vault-sign-old.pem"), "not a key");

        assertThatThrownBy(() -> new TrustedSigners(List.of(good, bad), null, Duration.ofSeconds(10), clock))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("SENDER_PUBLIC_KEY_PATH is not a usable RSA public key: " + bad);
    }
}
