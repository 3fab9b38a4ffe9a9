package dev.e2ee.crypto.envelope;

import static dev.e2ee.crypto.envelope.EnvelopeTamperTests.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.e2ee.crypto.CryptoException;
import dev.e2ee.crypto.CryptoProvider;
import dev.e2ee.crypto.TestKeys;
import dev.e2ee.crypto.key.Jwk;
import dev.e2ee.crypto.key.Keyring;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Every opening rule of docs/envelope-format.md#opening-rules refuses with the same generic rejection; the reason is kept for audit. */
class EnvelopeOpenerTests {

    private final EnvelopeFixture fixture = new EnvelopeFixture(CryptoProvider.defaults());

    private static EnumSet<RejectionReason> only(RejectionReason reason) {
        return EnumSet.of(reason);
    }

    private EnvelopeOpener openerWith(Keyring<RSAPublicKey> signers, Keyring<RSAPrivateKey> receivers, Clock clock) {
        return EnvelopeOpener.create(signers, receivers, OpeningPolicy.defaults(), fixture.provider, clock);
    }

    private Keyring<RSAPublicKey> trustedSigners() {
        return Keyring.single(
                fixture.signerKid(), null, (RSAPublicKey) fixture.signer.getPublic(), EnvelopeFixture.NOW);
    }

    @Test
    void openWhenWrongReceiverKeyUnderTheRightKidThenDecryptionFails() {
        Keyring<RSAPrivateKey> wrong = Keyring.single(
                fixture.receiverKid(), null, (RSAPrivateKey) TestKeys.other().getPrivate(), EnvelopeFixture.NOW);
        String json = EnvelopeJson.toJson(fixture.seal());
        assertRejected(
                openerWith(trustedSigners(), wrong, EnvelopeFixture.CLOCK),
                json,
                only(RejectionReason.DECRYPTION_FAILED));
    }

    @Test
    void openWhenReceiverKidUnknownOrRetiredThenRejected() {
        String json = EnvelopeJson.toJson(fixture.seal());
        RSAPrivateKey other = (RSAPrivateKey) TestKeys.other().getPrivate();
        Keyring<RSAPrivateKey> unknown = Keyring.single("someone-else", null, other, EnvelopeFixture.NOW);
        assertRejected(
                openerWith(trustedSigners(), unknown, EnvelopeFixture.CLOCK),
                json,
                only(RejectionReason.UNKNOWN_RECEIVER_KEY));
        Keyring<RSAPrivateKey> retired = Keyring.single(
                        fixture.receiverKid(), null, (RSAPrivateKey) fixture.receiver.getPrivate(), EnvelopeFixture.NOW)
                .rotate("next", null, other, EnvelopeFixture.NOW);
        assertThat(openerWith(trustedSigners(), retired, EnvelopeFixture.CLOCK)
                        .open(json)
                        .content())
                .isNotNull();
        assertRejected(
                openerWith(trustedSigners(), retired.retire(fixture.receiverKid()), EnvelopeFixture.CLOCK),
                json,
                only(RejectionReason.UNKNOWN_RECEIVER_KEY));
    }

    @Test
    void openWhenSignedByUntrustedKeyThenRejected() {
        KeyPair untrusted = TestKeys.other();
        String ownKid = Jwk.thumbprint((RSAPublicKey) untrusted.getPublic());
        Envelope byStranger =
                fixture.sealer(untrusted, ownKid).seal(fixture.recipient(), EnvelopeFixture.content(), null);
        assertRejected(fixture.opener(), EnvelopeJson.toJson(byStranger), only(RejectionReason.UNKNOWN_SENDER_KEY));
        Envelope impersonating = fixture.sealer(untrusted, fixture.signerKid())
                .seal(fixture.recipient(), EnvelopeFixture.content(), null);
        assertRejected(fixture.opener(), EnvelopeJson.toJson(impersonating), only(RejectionReason.BAD_SIGNATURE));
    }

    @Test
    void openWhenAlgorithmNamesWrongThenRejectedBeforeAnyKeyIsUsed() {
        Envelope sealed = fixture.seal();
        Map<String, String> wrong = Map.of(
                "algorithm", "aes-256-gcm",
                "keyAlgorithm", "RSA-OAEP-256 ",
                "signatureAlgorithm", "RS256");
        EnvelopeOpener noKeys = openerWith(
                Keyring.single("x", null, (RSAPublicKey) fixture.signer.getPublic(), EnvelopeFixture.NOW),
                Keyring.single("y", null, (RSAPrivateKey) fixture.receiver.getPrivate(), EnvelopeFixture.NOW),
                EnvelopeFixture.CLOCK);
        for (Map.Entry<String, String> entry : wrong.entrySet()) {
            Map<String, Object> map = EnvelopeFixture.editable(sealed);
            map.put(entry.getKey(), entry.getValue());
            assertRejected(noKeys, EnvelopeFixture.json(map), only(RejectionReason.UNSUPPORTED_ALGORITHM));
        }
    }

    @Test
    void openWhenExpiredBeyondSkewThenRejectedButWithinSkewOpens() {
        Instant expiry = EnvelopeFixture.NOW.plusSeconds(300);
        String json =
                EnvelopeJson.toJson(fixture.sealer().seal(fixture.recipient(), EnvelopeFixture.content(), expiry));
        assertThat(fixture.opener(at(expiry.plusSeconds(60))).open(json)).isNotNull();
        assertRejected(fixture.opener(at(expiry.plusSeconds(60).plusMillis(1))), json, only(RejectionReason.EXPIRED));
    }

    @Test
    void openWhenCreatedInTheFutureOrTooOldThenRejected() {
        String json = EnvelopeJson.toJson(fixture.sealer().seal(fixture.recipient(), EnvelopeFixture.content(), null));
        assertRejected(
                fixture.opener(at(EnvelopeFixture.NOW.minusSeconds(61))), json, only(RejectionReason.NOT_YET_VALID));
        Instant lastAccepted = EnvelopeFixture.NOW.plus(Duration.ofHours(1)).plusSeconds(60);
        assertThat(fixture.opener(at(lastAccepted)).open(json)).isNotNull();
        assertRejected(fixture.opener(at(lastAccepted.plusMillis(1))), json, only(RejectionReason.TOO_OLD));
    }

    @Test
    void openWhenDecryptedPromptIdDiffersFromHeaderThenRejected() {
        Envelope template = fixture.seal();
        EnvelopeContent other = new EnvelopeContent(UUID.randomUUID(), "text", Map.of());
        byte[] dek = EnvelopeFixture.randomKey();
        Envelope forged = fixture.forge(template, ContentJson.toBytes(other), dek, dek);
        assertRejected(fixture.opener(), EnvelopeJson.toJson(forged), only(RejectionReason.PROMPT_ID_MISMATCH));
    }

    @Test
    void openWhenDecryptedPlaintextIsNotTheContentObjectThenRejected() {
        Envelope template = fixture.seal();
        byte[] dek = EnvelopeFixture.randomKey();
        String[] plaintexts = {
            "not json",
            "{\"promptId\":\"" + template.promptId() + "\",\"promptText\":\"t\"}",
            "{\"promptId\":\"" + template.promptId() + "\",\"promptText\":7,\"metadata\":{}}",
            "{\"promptId\":\"" + template.promptId() + "\",\"promptText\":\"t\",\"metadata\":{},\"x\":1}"
        };
        for (String plaintext : plaintexts) {
            Envelope forged = fixture.forge(template, plaintext.getBytes(StandardCharsets.UTF_8), dek, dek);
            assertRejected(fixture.opener(), EnvelopeJson.toJson(forged), only(RejectionReason.MALFORMED));
        }
        Envelope shortKey = fixture.forge(template, ContentJson.toBytes(EnvelopeFixture.content()), dek, new byte[16]);
        assertRejected(fixture.opener(), EnvelopeJson.toJson(shortKey), only(RejectionReason.DECRYPTION_FAILED));
    }

    @Test
    void sealWhenExpiryNotInFutureOrContentTooLargeThenRefused() {
        assertThatThrownBy(() ->
                        fixture.sealer().seal(fixture.recipient(), EnvelopeFixture.content(), EnvelopeFixture.NOW))
                .isInstanceOf(CryptoException.class);
        EnvelopeContent huge = new EnvelopeContent(UUID.randomUUID(), "x".repeat(800_000), Map.of());
        assertThatThrownBy(() -> fixture.sealer().seal(fixture.recipient(), huge, null))
                .isInstanceOf(CryptoException.class)
                .hasMessage("envelope content is too large");
    }

    private static Clock at(Instant instant) {
        return Clock.fixed(instant, ZoneOffset.UTC);
    }
}
