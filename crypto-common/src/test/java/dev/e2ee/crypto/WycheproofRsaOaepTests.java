package dev.e2ee.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import dev.e2ee.crypto.key.RsaKeys;
import java.security.interfaces.RSAPrivateCrtKey;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Wycheproof {@code rsa_oaep_2048_sha256_mgf1sha256_test.json} on both provider paths; keys are loaded from the
 * vectors' PKCS#8 PEM through {@link RsaKeys}. The envelope format fixes the empty label, so labelled valid vectors go through
 * the package-private labelled unwrap and must additionally be refused by the public (empty-label) unwrap. The file
 * has no "acceptable" cases. ACCP 2.5.0 supports only the empty label (a non-empty {@code PSource} raises
 * {@code InvalidAlgorithmParameterException}), so on the native path labelled vectors must be refused instead.
 */
class WycheproofRsaOaepTests {

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.e2ee.crypto.TestProviders#both")
    void unwrapWhenWycheproofVectorsThenValidAcceptedAndInvalidRejected(CryptoProvider provider) {
        RsaOaep oaep = RsaOaep.create(provider);
        boolean labelsSupported =
                !provider.provider(CryptoProvider.Operation.RSA_OAEP).getName().equals("AmazonCorrettoCryptoProvider");
        assertThat(Wycheproof.problems("rsa_oaep_2048_sha256_mgf1sha256_test.json", c -> true, 30, c -> {
                    assertThat(c.group().get("mgfSha").stringValue()).isEqualTo("SHA-256");
                    RSAPrivateCrtKey key = RsaKeys.parsePrivateKey(HexFormat.of()
                            .parseHex(c.group().get("privateKeyPkcs8").stringValue()));
                    byte[] label = c.hex("label");
                    byte[] ct = c.hex("ct");
                    Object labelled = WycheproofAesGcmTests.outcome(() -> oaep.unwrap(key, ct, label));
                    Object strict = WycheproofAesGcmTests.outcome(() -> oaep.unwrap(key, ct));
                    return problem(c, label, labelled, strict, labelsSupported);
                }))
                .isEmpty();
    }

    private static String problem(
            Wycheproof.Case c, byte[] label, Object labelled, Object strict, boolean labelsSupported) {
        byte[] msg = c.hex("msg");
        if (c.result().equals("invalid")) {
            return labelled instanceof CryptoException && strict instanceof CryptoException
                    ? null
                    : "invalid vector not rejected: " + labelled + " / " + strict;
        }
        if (!c.result().equals("valid")) {
            return labelled instanceof CryptoException || labelled instanceof byte[] ? null : "unexpected " + labelled;
        }
        if (label.length > 0 && !labelsSupported) {
            return labelled instanceof CryptoException && strict instanceof CryptoException
                    ? null
                    : "native provider was expected to refuse a non-empty label";
        }
        if (!(labelled instanceof byte[] plain) || !Arrays.equals(plain, msg)) {
            return "valid vector not unwrapped to msg: " + labelled;
        }
        if (label.length == 0) {
            return strict instanceof byte[] s && Arrays.equals(s, msg) ? null : "public unwrap refused a valid vector";
        }
        return strict instanceof CryptoException ? null : "public unwrap accepted a non-empty label";
    }
}
