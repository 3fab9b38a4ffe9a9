package dev.e2ee.crypto.envelope;

import static org.assertj.core.api.Assertions.assertThat;

import dev.e2ee.crypto.CryptoProvider;
import dev.e2ee.crypto.TestProviders;
import dev.e2ee.crypto.key.RsaKeys;
import org.junit.jupiter.api.Test;

/** Envelopes sealed on the JDK path open on the native path and the reverse, with keys from either provider. */
class EnvelopeInteropTests {

    @Test
    void sealWhenJdkThenOpensOnNative() {
        CryptoProvider nativeProvider = TestProviders.nativeOrSkip();
        EnvelopeFixture jdk = new EnvelopeFixture(
                CryptoProvider.jdk(),
                RsaKeys.generate(2048, CryptoProvider.jdk()),
                RsaKeys.generate(2048, nativeProvider));
        EnvelopeFixture nativeSide = new EnvelopeFixture(nativeProvider, jdk.signer, jdk.receiver);
        EnvelopeContent content = EnvelopeFixture.content();
        String json = EnvelopeJson.toJson(jdk.sealer().seal(jdk.recipient(), content, null));
        assertThat(nativeSide.opener().open(json).content()).isEqualTo(content);
    }

    @Test
    void sealWhenNativeThenOpensOnJdk() {
        CryptoProvider nativeProvider = TestProviders.nativeOrSkip();
        EnvelopeFixture nativeSide = new EnvelopeFixture(
                nativeProvider, RsaKeys.generate(2048, nativeProvider), RsaKeys.generate(2048, CryptoProvider.jdk()));
        EnvelopeFixture jdk = new EnvelopeFixture(CryptoProvider.jdk(), nativeSide.signer, nativeSide.receiver);
        EnvelopeContent content = EnvelopeFixture.content();
        String json = EnvelopeJson.toJson(nativeSide.sealer().seal(nativeSide.recipient(), content, null));
        assertThat(jdk.opener().open(json).content()).isEqualTo(content);
    }
}
