package dev.e2ee.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class KeyedHasherTests {

    private static final byte[] KEY = AesGcmTests.random(32);

    static byte[] hmac(byte[] key, byte[] data) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(data);
    }

    @Test
    void hashWhenComputedThenHmacOfPaeOfDomainAndParts() throws Exception {
        byte[] expected = hmac(KEY, Pae.encode("domain", "a", "b"));
        assertThat(KeyedHasher.create(KEY).hash("domain", "a", "b")).isEqualTo(expected);
        assertThat(KeyedHasher.create(KEY)
                        .hash("domain", "a".getBytes(StandardCharsets.UTF_8), "b".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(expected);
    }

    @Test
    void hashWhenDomainOrBoundaryDiffersThenDifferent() {
        KeyedHasher hasher = KeyedHasher.create(KEY);
        assertThat(hasher.hash("d1", "x")).isNotEqualTo(hasher.hash("d2", "x"));
        assertThat(hasher.hash("d", "ab", "c")).isNotEqualTo(hasher.hash("d", "a", "bc"));
    }

    @Test
    void deriveWhenPurposeGivenThenSubKeyIsHmacOfDerivationLabel() throws Exception {
        byte[] subKey = hmac(KEY, Pae.encode("e2ee-derive-v1", "blind-index"));
        assertThat(KeyedHasher.create(KEY).derive("blind-index").hash("d", "word"))
                .isEqualTo(hmac(subKey, Pae.encode("d", "word")));
        assertThat(KeyedHasher.create(KEY).derive("a").hash("d", "w"))
                .isNotEqualTo(KeyedHasher.create(KEY).derive("b").hash("d", "w"));
    }

    @Test
    void createWhenKeyShortThenRefused() {
        assertThatThrownBy(() -> KeyedHasher.create(new byte[16])).isInstanceOf(CryptoException.class);
    }

    @Test
    void secretVerifierWhenSameSecretThenMatchesElseNot() throws Exception {
        SecretVerifier verifier = SecretVerifier.create(KEY);
        UUID promptId = UUID.randomUUID();
        byte[] stored = verifier.verifier(promptId, "s3cret");
        assertThat(stored).isEqualTo(hmac(KEY, Pae.encode("e2ee-secret-v1", promptId.toString(), "s3cret")));
        assertThat(verifier.matches(promptId, "s3cret", stored)).isTrue();
        assertThat(verifier.matches(promptId, "s3cret!", stored)).isFalse();
        assertThat(verifier.matches(UUID.randomUUID(), "s3cret", stored)).isFalse();
        assertThat(verifier.matches(promptId, "s3cret", new byte[32])).isFalse();
        assertThat(verifier.matches(promptId, "s3cret", null)).isFalse();
        assertThat(SecretVerifier.create(AesGcmTests.random(32)).matches(promptId, "s3cret", stored))
                .isFalse();
    }

    @Test
    void secretVerifierWhenPepperNot32BytesThenRefused() {
        assertThatThrownBy(() -> SecretVerifier.create(new byte[31]))
                .isInstanceOf(CryptoException.class)
                .hasMessage("secret-verifier pepper must be 32 bytes");
    }

    @Test
    void expandWhenRfc5869TestCase1ThenKnownOkm() {
        byte[] prk = HexFormat.of().parseHex("077709362c2e32df0ddc3f0dc47bba6390b6c73bb50f9c3122ec844ad7c2b3e5");
        byte[] info = HexFormat.of().parseHex("f0f1f2f3f4f5f6f7f8f9");
        assertThat(HexFormat.of().formatHex(KeyedHasher.create(prk).expand(info, 42)))
                .isEqualTo("3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865");
    }

    @Test
    void expandWhenInfoDiffersThenIndependentKeys() {
        KeyedHasher hasher = KeyedHasher.create(KEY);
        byte[] a = hasher.expand("a".getBytes(StandardCharsets.UTF_8), 32);
        assertThat(a).hasSize(32).isNotEqualTo(hasher.expand("b".getBytes(StandardCharsets.UTF_8), 32));
        assertThat(hasher.expand("a".getBytes(StandardCharsets.UTF_8), 64)).startsWith(a);
        assertThatThrownBy(() -> hasher.expand(new byte[0], 255 * 32 + 1)).isInstanceOf(CryptoException.class);
    }
}
