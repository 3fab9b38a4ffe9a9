package dev.e2ee.prs.key;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.e2ee.crypto.key.Jwk;
import dev.e2ee.crypto.key.RsaKeys;
import dev.e2ee.platform.jwks.JwksFetcher;
import dev.e2ee.platform.test.JwksStub;
import dev.e2ee.platform.test.MutableClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T10:00:00Z"));
    private JwksStub jwks;

    @BeforeEach
    void serveJwks() {
        jwks = JwksStub.start("/api/v1/keys/jwks.json");
    }

    @AfterEach
    void stop() {
        jwks.close();
    }

    private TrustedSigners signers() {
        return new TrustedSigners(
                List.of(), new JwksFetcher(jwks.url(), Duration.ofSeconds(15)), Duration.ofSeconds(10), clock);
    }

    @Test
    void findWhenVaultPublishesSigningAndEncryptionKeysThenOnlySigningKeysTrusted() {
        jwks.serve(Jwk.signing(FIRST), Jwk.encryption(SECOND));
        TrustedSigners signers = signers();

        signers.refresh();

        assertThat(signers.find(Jwk.thumbprint(FIRST))).contains(FIRST);
        assertThat(signers.find(Jwk.thumbprint(SECOND))).isEmpty();
        assertThat(signers.hasKeys()).isTrue();
    }

    @Test
    void findWhenVaultRotatedThenUnknownKidTriggersOneRateLimitedRefresh() {
        jwks.serve(Jwk.signing(FIRST));
        TrustedSigners signers = signers();
        signers.refresh();
        jwks.serve(Jwk.signing(SECOND), Jwk.signing(FIRST));

        assertThat(signers.find(Jwk.thumbprint(SECOND)))
                .as("within the minimum interval")
                .isEmpty();
        assertThat(signers.find("unknown-kid")).isEmpty();
        assertThat(jwks.fetches()).isEqualTo(1);

        clock.advance(Duration.ofSeconds(11));
        assertThat(signers.find(Jwk.thumbprint(SECOND))).contains(SECOND);
        assertThat(signers.find(Jwk.thumbprint(FIRST))).contains(FIRST);
        assertThat(jwks.fetches()).isEqualTo(2);
    }

    @Test
    void refreshIfStaleWhenNothingFetchedYetThenFetchesElseWaitsForTheInterval() {
        jwks.serve(Jwk.signing(FIRST));
        TrustedSigners signers = signers();

        signers.refreshIfStale(Duration.ofMinutes(5));
        signers.refreshIfStale(Duration.ofMinutes(5));
        assertThat(jwks.fetches()).isEqualTo(1);
        clock.advance(Duration.ofMinutes(6));
        signers.refreshIfStale(Duration.ofMinutes(5));

        assertThat(jwks.fetches()).isEqualTo(2);
        assertThat(signers.hasKeys()).isTrue();
    }

    @Test
    void refreshWhenVaultUnreachableThenPreviousKeysKept() {
        jwks.serve(Jwk.signing(FIRST));
        TrustedSigners signers = signers();
        signers.refresh();
        jwks.close();

        signers.refresh();

        assertThat(signers.find(Jwk.thumbprint(FIRST))).contains(FIRST);
    }

    @Test
    void refreshWhenVaultServesGarbageThenPreviousKeysKept() {
        jwks.serve(Jwk.signing(FIRST));
        TrustedSigners signers = signers();
        signers.refresh();
        assertThat(signers.hasKeys()).as("first fetch").isTrue();
        jwks.serve("{\"keys\": \"nope\"}");

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
