package dev.e2ee.crypto.envelope;

import static org.assertj.core.api.Assertions.assertThat;

import dev.e2ee.crypto.CryptoProvider;
import dev.e2ee.crypto.TestKeys;
import dev.e2ee.crypto.TestProviders;
import dev.e2ee.crypto.key.Jwk;
import dev.e2ee.crypto.key.Keyring;
import java.security.KeyPair;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EnvelopeRoundTripTests {

    static Stream<Arguments> providersAndSizes() {
        return TestProviders.both().flatMap(p -> Stream.of(2048, 3072, 4096).map(bits -> Arguments.of(p, bits)));
    }

    @ParameterizedTest(name = "{0} RSA-{1}")
    @MethodSource("providersAndSizes")
    void sealWhenOpenedThenSameContentWithEveryKeySize(CryptoProvider provider, int bits) {
        KeyPair sized = TestKeys.ofSize(bits);
        for (EnvelopeFixture fixture : new EnvelopeFixture[] {
            new EnvelopeFixture(provider, TestKeys.signer(), sized),
            new EnvelopeFixture(provider, sized, TestKeys.receiver())
        }) {
            EnvelopeContent content = EnvelopeFixture.content();
            Envelope sealed = fixture.sealer().seal(fixture.recipient(), content, EnvelopeFixture.NOW.plusSeconds(60));
            OpenedEnvelope opened = fixture.opener().open(EnvelopeJson.toJson(sealed));
            assertThat(opened.content()).isEqualTo(content);
            assertThat(opened.envelope()).isEqualTo(sealed);
            int modulusBytes =
                    ((RSAPublicKey) fixture.receiver.getPublic()).getModulus().bitLength() / 8;
            assertThat(sealed.encryptedKey()).hasSize(modulusBytes);
            assertThat(sealed.signature())
                    .hasSize(((RSAPublicKey) fixture.signer.getPublic())
                                    .getModulus()
                                    .bitLength()
                            / 8);
        }
    }

    @Test
    void sealWhenSerialisedThenSpecFieldOrderWireNamesAndTimestamps() {
        EnvelopeFixture fixture = new EnvelopeFixture(CryptoProvider.defaults());
        Envelope sealed = fixture.sealer().seal(fixture.recipient(), EnvelopeFixture.content(), null);
        Map<String, Object> map = EnvelopeJson.toMap(sealed);
        assertThat(map.keySet()).containsExactlyElementsOf(EnvelopeJson.FIELDS);
        assertThat(map)
                .containsEntry("version", 2)
                .containsEntry("algorithm", "AES-256-GCM")
                .containsEntry("keyAlgorithm", "RSA-OAEP-256")
                .containsEntry("signatureAlgorithm", "RSA-PSS-SHA256")
                .containsEntry("createdAt", "2026-11-26T10:15:30.123Z")
                .containsEntry("expiresAt", null)
                .containsEntry("senderPrivateKeyId", fixture.signerKid())
                .containsEntry("receiverPublicKeyId", fixture.receiverKid());
        assertThat(EnvelopeJson.toJson(sealed)).contains("\"expiresAt\":null");
        assertThat(EnvelopeJson.parse(EnvelopeJson.toJson(sealed))).isEqualTo(sealed);
    }

    @Test
    void openWhenNoExpiryThenRememberUntilIsMaxAgePlusSkew() {
        EnvelopeFixture fixture = new EnvelopeFixture(CryptoProvider.defaults());
        OpenedEnvelope opened =
                fixture.opener().open(fixture.sealer().seal(fixture.recipient(), EnvelopeFixture.content(), null));
        assertThat(opened.expiresAt()).isNull();
        assertThat(opened.createdAt()).isEqualTo(EnvelopeFixture.NOW);
        assertThat(opened.rememberUntil()).isEqualTo(EnvelopeFixture.NOW.plusSeconds(3600 + 60));
        Instant expiry = EnvelopeFixture.NOW.plusSeconds(300);
        OpenedEnvelope withExpiry =
                fixture.opener().open(fixture.sealer().seal(fixture.recipient(), EnvelopeFixture.content(), expiry));
        assertThat(withExpiry.rememberUntil()).isEqualTo(expiry.plusSeconds(60));
    }

    @Test
    void sealWhenSigningKeyringRotatedThenNewPrimarySignsAndOldEnvelopesStillOpen() {
        EnvelopeFixture fixture = new EnvelopeFixture(CryptoProvider.defaults());
        Envelope old = fixture.seal();
        KeyPair next = TestKeys.other();
        String nextKid = Jwk.thumbprint((RSAPublicKey) next.getPublic());
        Keyring<KeyPair> rotated = Keyring.single(fixture.signerKid(), null, fixture.signer, EnvelopeFixture.NOW)
                .rotate(nextKid, null, next, EnvelopeFixture.NOW);
        Envelope fresh = EnvelopeSealer.create(() -> rotated, fixture.provider, EnvelopeFixture.CLOCK)
                .seal(fixture.recipient(), EnvelopeFixture.content(), null);
        assertThat(fresh.senderPrivateKeyId()).isEqualTo(nextKid);
        Keyring<RSAPublicKey> trusted = Keyring.single(
                        fixture.signerKid(), null, (RSAPublicKey) fixture.signer.getPublic(), EnvelopeFixture.NOW)
                .rotate(nextKid, null, (RSAPublicKey) next.getPublic(), EnvelopeFixture.NOW);
        EnvelopeOpener opener = EnvelopeOpener.create(
                trusted,
                kid -> kid.equals(fixture.receiverKid())
                        ? java.util.Optional.of((java.security.interfaces.RSAPrivateKey) fixture.receiver.getPrivate())
                        : java.util.Optional.empty(),
                OpeningPolicy.defaults(),
                fixture.provider,
                EnvelopeFixture.CLOCK);
        assertThat(opener.open(old).content().promptId()).isEqualTo(old.promptId());
        assertThat(opener.open(fresh).content().promptId()).isEqualTo(fresh.promptId());
    }

    static Stream<Named<CryptoProvider>> providers() {
        return TestProviders.both();
    }
}
