package dev.e2ee.crypto.envelope;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.e2ee.crypto.CryptoProvider;
import dev.e2ee.crypto.StrictBase64;
import dev.e2ee.crypto.TestKeys;
import dev.e2ee.crypto.key.KeyLookup;
import dev.e2ee.crypto.key.Keyring;
import java.security.interfaces.RSAPublicKey;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EnvelopeSignatureTests {

    private final EnvelopeFixture fixture = new EnvelopeFixture(CryptoProvider.jdk());

    private KeyLookup<RSAPublicKey> signers() {
        return Keyring.single(
                fixture.signerKid(), null, (RSAPublicKey) fixture.signer.getPublic(), EnvelopeFixture.NOW);
    }

    @Test
    void verifyWhenSignedByATrustedSignerThenPasses() {
        Envelope sealed = fixture.seal();

        assertThatCode(() -> EnvelopeSignature.verify(sealed, signers(), fixture.provider))
                .doesNotThrowAnyException();
    }

    @Test
    void verifyWhenAnyFieldIsAlteredThenRejected() {
        Envelope sealed = fixture.seal();
        for (String field : new String[] {"encryptedData", "signature", "iv"}) {
            Map<String, Object> map = EnvelopeFixture.editable(sealed);
            byte[] bytes = StrictBase64.decode((String) map.get(field));
            bytes[0] ^= 1;
            map.put(field, StrictBase64.encode(bytes));
            Envelope altered = EnvelopeJson.parse(EnvelopeFixture.json(map));
            assertThatThrownBy(() -> EnvelopeSignature.verify(altered, signers(), fixture.provider))
                    .isInstanceOf(EnvelopeRejectedException.class);
        }
        Map<String, Object> map = EnvelopeFixture.editable(sealed);
        map.put("promptId", "11111111-1111-4111-8111-111111111111");
        Envelope otherPrompt = EnvelopeJson.parse(EnvelopeFixture.json(map));
        assertThatThrownBy(() -> EnvelopeSignature.verify(otherPrompt, signers(), fixture.provider))
                .isInstanceOf(EnvelopeRejectedException.class);
    }

    @Test
    void verifyWhenSignerIsNotTrustedThenRejected() {
        Envelope sealed = new EnvelopeFixture(CryptoProvider.jdk(), TestKeys.receiver(), TestKeys.receiver()).seal();

        assertThatThrownBy(() -> EnvelopeSignature.verify(sealed, kid -> Optional.empty(), fixture.provider))
                .isInstanceOf(EnvelopeRejectedException.class);
    }
}
