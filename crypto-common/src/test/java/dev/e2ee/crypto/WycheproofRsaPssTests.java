package dev.e2ee.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import dev.e2ee.crypto.key.Jwk;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
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

    static Stream<Named<CryptoProvider>> providers() {
        return TestProviders.both();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("providers")
    void verifyWhenWycheproofVectorsThenValidAcceptedAndInvalidRejected(CryptoProvider provider) {
        RsaPss pss = RsaPss.create(provider);
        List<String> failures = new ArrayList<>();
        List<Wycheproof.Case> cases = Wycheproof.cases("rsa_pss_2048_sha256_mgf1_32_test.json");
        for (Wycheproof.Case c : cases) {
            assertThat(c.group().get("sLen").intValue()).isEqualTo(32);
            @SuppressWarnings("unchecked")
            Map<String, Object> jwk = new HashMap<>(JSON.treeToValue(c.group().get("publicKeyJwk"), Map.class));
            jwk.remove("kid"); // Wycheproof's kid is a name, not an RFC 7638 thumbprint
            RSAPublicKey key = Jwk.fromMap(jwk).key();
            boolean verified = pss.verify(key, c.hex("msg"), c.hex("sig"));
            boolean expected = c.result().equals("valid");
            if (!c.result().equals("acceptable") && verified != expected) {
                failures.add(c.describe() + ": verify returned " + verified);
            }
        }
        assertThat(cases).hasSizeGreaterThan(100);
        assertThat(failures).isEmpty();
    }
}
