package dev.e2ee.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import dev.e2ee.crypto.CryptoProvider.Operation;
import java.security.Security;
import org.junit.jupiter.api.Test;

/**
 * The per-operation decision: a candidate provider that lacks some operations gets only the ones it passes; the rest
 * fall back to the JDK with the reason in {@code describe()}. SunJCE stands in for a partial native provider (it has
 * AES-GCM, OAEP and HMAC but no RSA signatures, key generation or key factory).
 */
class NativeProviderProbeTests {

    @Test
    void selectWhenCandidateLacksOperationsThenThoseFallBackToJdkWithReason() {
        CryptoProvider partial = NativeProviderProbe.select(Security.getProvider("SunJCE"), "SunJCE as candidate");
        assertThat(partial.provider(Operation.AES_GCM).getName()).isEqualTo("SunJCE");
        assertThat(partial.provider(Operation.HMAC_SHA256).getName()).isEqualTo("SunJCE");
        assertThat(partial.provider(Operation.RSA_PSS).getName()).isEqualTo("SunRsaSign");
        assertThat(partial.provider(Operation.RSA_KEY_GENERATION).getName()).isEqualTo("SunRsaSign");
        assertThat(partial.describe())
                .contains("RSA-PSS-SHA256=SunRsaSign (native: NoSuchAlgorithmException")
                .contains("AES-GCM=SunJCE,")
                .doesNotContain("\n");
        byte[] secret = new byte[32];
        assertThat(RsaOaep.create(partial)
                        .unwrap(
                                (java.security.interfaces.RSAPrivateKey)
                                        TestKeys.signer().getPrivate(),
                                RsaOaep.create(CryptoProvider.jdk())
                                        .wrap(
                                                (java.security.interfaces.RSAPublicKey)
                                                        TestKeys.signer().getPublic(),
                                                secret)))
                .isEqualTo(secret);
    }
}
