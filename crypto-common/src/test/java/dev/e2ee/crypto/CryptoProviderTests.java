package dev.e2ee.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import dev.e2ee.crypto.CryptoProvider.Operation;
import dev.e2ee.crypto.key.RsaKeys;
import java.security.KeyPair;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import org.junit.jupiter.api.Test;

class CryptoProviderTests {

    private static final byte[] SECRET = AesGcmTests.random(32);

    @Test
    void jdkWhenDescribedThenNamesJdkProvidersPerOperation() {
        CryptoProvider jdk = CryptoProvider.jdk();
        assertThat(jdk.name()).isEqualTo("jdk");
        assertThat(jdk.provider(Operation.AES_GCM).getName()).isEqualTo("SunJCE");
        assertThat(jdk.provider(Operation.RSA_PSS).getName()).isEqualTo("SunRsaSign");
        assertThat(jdk.describe()).startsWith("crypto provider jdk: ").contains("AES-GCM=SunJCE");
    }

    @Test
    void defaultsWhenForcedBySystemPropertyThenJdk() {
        String previous = System.getProperty(CryptoProvider.PROPERTY);
        System.setProperty(CryptoProvider.PROPERTY, "JDK");
        try {
            CryptoProvider forced = CryptoProvider.defaults();
            assertThat(forced.name()).isEqualTo("jdk");
            assertThat(forced.describe()).contains("forced by e2ee.crypto.provider");
            for (Operation operation : Operation.values()) {
                assertThat(forced.provider(operation).getName()).startsWith("Sun");
            }
        } finally {
            if (previous == null) {
                System.clearProperty(CryptoProvider.PROPERTY);
            } else {
                System.setProperty(CryptoProvider.PROPERTY, previous);
            }
        }
    }

    @Test
    void nativeWhenAvailableThenAccpBoundAndDescribedOnOneLine() {
        CryptoProvider nativeProvider = TestProviders.nativeOrSkip();
        assertThat(nativeProvider.name()).isEqualTo("native");
        assertThat(nativeProvider.describe()).doesNotContain("\n").contains("AmazonCorrettoCryptoProvider");
        for (Operation operation : Operation.values()) {
            assertThat(nativeProvider.provider(operation).getName())
                    .as(operation.label())
                    .isEqualTo("AmazonCorrettoCryptoProvider");
        }
        if (System.getProperty(CryptoProvider.PROPERTY) == null && System.getenv(CryptoProvider.ENVIRONMENT) == null) {
            assertThat(CryptoProvider.defaults().name()).isEqualTo("native");
        }
    }

    @Test
    void rsaWhenWrappedOnJdkThenUnwrapsOnNativeAndReverse() {
        CryptoProvider jdk = CryptoProvider.jdk();
        CryptoProvider nativeProvider = TestProviders.nativeOrSkip();
        KeyPair nativeKeys = RsaKeys.generate(2048, nativeProvider);
        KeyPair jdkKeys = RsaKeys.generate(2048, jdk);
        for (KeyPair keys : new KeyPair[] {nativeKeys, jdkKeys}) {
            RSAPublicKey pub = (RSAPublicKey) keys.getPublic();
            RSAPrivateKey priv = (RSAPrivateKey) keys.getPrivate();
            assertThat(RsaOaep.create(nativeProvider)
                            .unwrap(priv, RsaOaep.create(jdk).wrap(pub, SECRET)))
                    .isEqualTo(SECRET);
            assertThat(RsaOaep.create(jdk)
                            .unwrap(priv, RsaOaep.create(nativeProvider).wrap(pub, SECRET)))
                    .isEqualTo(SECRET);
        }
    }

    @Test
    void rsaPssWhenSignedOnOnePathThenVerifiesOnTheOther() {
        CryptoProvider jdk = CryptoProvider.jdk();
        CryptoProvider nativeProvider = TestProviders.nativeOrSkip();
        KeyPair keys = TestKeys.signer();
        RSAPublicKey pub = (RSAPublicKey) keys.getPublic();
        RSAPrivateKey priv = (RSAPrivateKey) keys.getPrivate();
        byte[] data = SECRET;
        assertThat(RsaPss.create(jdk)
                        .verify(pub, data, RsaPss.create(nativeProvider).sign(priv, data)))
                .isTrue();
        assertThat(RsaPss.create(nativeProvider)
                        .verify(pub, data, RsaPss.create(jdk).sign(priv, data)))
                .isTrue();
        byte[] signature = RsaPss.create(jdk).sign(priv, data);
        signature[0] ^= 1;
        assertThat(RsaPss.create(nativeProvider).verify(pub, data, signature)).isFalse();
        assertThat(RsaPss.create(jdk).verify(pub, data, new byte[10])).isFalse();
    }

    @Test
    void aesGcmWhenEncryptedOnOnePathThenDecryptsOnTheOther() {
        AesGcm jdk = AesGcm.create(SECRET, CryptoProvider.jdk());
        AesGcm nativeAes = AesGcm.create(SECRET, TestProviders.nativeOrSkip());
        byte[] aad = {1, 2, 3};
        AesGcm.Sealed fromJdk = jdk.encrypt(SECRET, aad);
        AesGcm.Sealed fromNative = nativeAes.encrypt(SECRET, aad);
        assertThat(nativeAes.decrypt(fromJdk.iv(), fromJdk.ciphertext(), fromJdk.tag(), aad))
                .isEqualTo(SECRET);
        assertThat(jdk.decrypt(fromNative.iv(), fromNative.ciphertext(), fromNative.tag(), aad))
                .isEqualTo(SECRET);
    }

    @Test
    void hmacWhenComputedOnBothPathsThenEqual() {
        KeyedHasher jdk = KeyedHasher.create(SECRET, CryptoProvider.jdk());
        KeyedHasher nativeHasher = KeyedHasher.create(SECRET, TestProviders.nativeOrSkip());
        assertThat(nativeHasher.hash("d", "x")).isEqualTo(jdk.hash("d", "x"));
    }
}
