package dev.e2ee.vault.receiver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.e2ee.crypto.key.Jwk;
import dev.e2ee.crypto.key.RsaKeys;
import dev.e2ee.platform.jwks.JwksFetcher;
import dev.e2ee.platform.test.JwksStub;
import dev.e2ee.platform.test.MutableClock;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The receiver's JWK Set as served by a local stand-in for the prompt-response service. */
class JwksReceiverKeysTests {

    private static final RSAPublicKey FIRST =
            (RSAPublicKey) RsaKeys.generate(2048).getPublic();
    private static final RSAPublicKey SECOND =
            (RSAPublicKey) RsaKeys.generate(2048).getPublic();

    private final MutableClock clock = new MutableClock();
    private JwksStub jwks;
    private JwksReceiverKeys keys;

    @BeforeEach
    void start() {
        jwks = JwksStub.start("/jwks.json");
        keys = new JwksReceiverKeys(new JwksFetcher(jwks.url(), Duration.ofSeconds(20)), Duration.ofMinutes(5), clock);
    }

    @AfterEach
    void stop() {
        jwks.close();
    }

    @Test
    void currentWhenSetFetchedThenFirstEncryptionKeyAndCached() {
        jwks.serve(Jwk.signing(SECOND), Jwk.encryption(FIRST), Jwk.encryption(SECOND));

        assertThat(keys.current().kid()).isEqualTo(Jwk.thumbprint(FIRST));
        assertThat(keys.current().key()).isEqualTo(FIRST);
        assertThat(keys.find(Jwk.thumbprint(SECOND))).isPresent();
        assertThat(keys.find("prompt_response_enc_public"))
                .hasValueSatisfying(r -> assertThat(r.key()).isEqualTo(FIRST));
        assertThat(jwks.fetches()).isEqualTo(1);
    }

    @Test
    void findWhenUnknownKidThenOneEarlyRefreshPicksUpRotation() {
        jwks.serve(Jwk.encryption(FIRST));
        keys.current();
        jwks.serve(Jwk.encryption(SECOND), Jwk.encryption(FIRST));

        assertThat(keys.find(Jwk.thumbprint(SECOND))).isEmpty();
        clock.advance(JwksReceiverKeys.MIN_REFRESH_GAP.plusSeconds(1));
        assertThat(keys.find(Jwk.thumbprint(SECOND))).isPresent();
        assertThat(keys.find("caller-chosen-key")).isEmpty();
        assertThat(keys.current().kid()).isEqualTo(Jwk.thumbprint(SECOND));
    }

    @Test
    void refreshWhenServerFailsThenLastGoodSetKept() {
        jwks.serve(Jwk.encryption(FIRST));
        keys.current();
        jwks.status(503);
        clock.advance(Duration.ofMinutes(6));

        assertThat(keys.current().key()).isEqualTo(FIRST);
        assertThat(jwks.fetches()).isEqualTo(2);
    }

    @Test
    void currentWhenNeverFetchedThenUnavailable() {
        jwks.status(500);
        jwks.serve("{}");

        assertThatThrownBy(keys::current).isInstanceOf(ReceiverKeysUnavailableException.class);
    }

    @Test
    void currentWhenSetHasNoEncryptionKeyThenUnavailable() {
        jwks.serve(Jwk.signing(FIRST));

        assertThatThrownBy(keys::current).isInstanceOf(ReceiverKeysUnavailableException.class);
    }
}
