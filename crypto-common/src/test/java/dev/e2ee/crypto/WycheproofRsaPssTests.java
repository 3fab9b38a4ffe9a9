package dev.e2ee.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import dev.e2ee.crypto.key.Jwk;
import java.security.interfaces.RSAPublicKey;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * Wycheproof {@code rsa_pss_2048_sha256_mgf1_32_test.json} on both provider paths; the public key is loaded from the
 * vectors' JWK (minus its non-thumbprint kid) through
 * {@link Jwk#fromMap}. Every valid signature verifies, every invalid one does not (and nothing
 * throws). The file has no "acceptable" cases; any that appear may verify either way.
 */
class WycheproofRsaPssTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.e2ee.crypto.TestProviders#both")
    void verifyWhenWycheproofVectorsThenValidAcceptedAndInvalidRejected(CryptoProvider provider) {
        RsaPss pss = RsaPss.create(provider);
        assertThat(Wycheproof.problems("rsa_pss_2048_sha256_mgf1_32_test.json", c -> true, 100, c -> {
                    assertThat(c.group().get("sLen").intValue()).isEqualTo(32);
                    @SuppressWarnings("unchecked")
                    Map<String, Object> jwk =
                            new HashMap<>(JSON.treeToValue(c.group().get("publicKeyJwk"), Map.class));
                    jwk.remove("kid"); // Wycheproof's kid is a name, not an RFC 7638 thumbprint
                    RSAPublicKey key = Jwk.fromMap(jwk).key();
                    boolean verified = pss.verify(key, c.hex("msg"), c.hex("sig"));
                    boolean expected = c.result().equals("valid");
                    return c.result().equals("acceptable") || verified == expected
                            ? null
                            : "verify returned " + verified;
                }))
                .isEmpty();
    }
}
