package dev.e2ee.crypto.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.e2ee.crypto.CryptoProvider;
import dev.e2ee.crypto.StrictBase64;
import dev.e2ee.crypto.TestProviders;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Changes each field of a sealed envelope in turn — every header string, and bytes of iv, encryptedKey,
 * encryptedData, authTag and signature (sampled every 5th byte in the long ones) — and expects the same generic rejection each time.
 */
class EnvelopeTamperTests {

    private static final List<String> BINARY = List.of("iv", "encryptedKey", "encryptedData", "authTag", "signature");

    static Stream<Named<CryptoProvider>> providers() {
        return TestProviders.both();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("providers")
    void openWhenAnyByteOfAnyBinaryFieldFlippedThenRejectedAsBadSignature(CryptoProvider provider) {
        EnvelopeFixture fixture = new EnvelopeFixture(provider);
        Envelope sealed = fixture.seal();
        EnvelopeOpener opener = fixture.opener();
        int flips = 0;
        for (String field : BINARY) {
            byte[] original = StrictBase64.decode(
                    (String) EnvelopeFixture.editable(sealed).get(field));
            for (int i = 0; i < original.length; i += step(original.length, i)) {
                byte[] flipped = original.clone();
                flipped[i] ^= (byte) (1 << (i % 8));
                Map<String, Object> map = EnvelopeFixture.editable(sealed);
                map.put(field, StrictBase64.encode(flipped));
                assertRejected(opener, EnvelopeFixture.json(map), EnumSet.of(RejectionReason.BAD_SIGNATURE));
                flips++;
            }
        }
        assertThat(flips).isGreaterThan(12 + 16 + 3 * 50);
        assertThat(opener.open(sealed).content().promptId()).isEqualTo(sealed.promptId());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("providers")
    void openWhenAnyHeaderStringChangedThenRejected(CryptoProvider provider) {
        EnvelopeFixture fixture = new EnvelopeFixture(provider);
        Envelope sealed = fixture.seal();
        EnvelopeOpener opener = fixture.opener();
        Map<String, Object> changes = Map.of(
                "id", UUID.randomUUID().toString(),
                "promptId", UUID.randomUUID().toString(),
                "algorithm", "AES-128-GCM",
                "keyAlgorithm", "RSA-OAEP",
                "signatureAlgorithm", "RSA-PSS-SHA512",
                "receiverPublicKeyId", fixture.signerKid(),
                "senderPrivateKeyId", fixture.receiverKid(),
                "createdAt", "2026-11-26T10:15:30.124Z",
                "expiresAt", "2026-11-26T10:25:30.124Z");
        Set<RejectionReason> allowed = EnumSet.of(
                RejectionReason.BAD_SIGNATURE,
                RejectionReason.UNSUPPORTED_ALGORITHM,
                RejectionReason.UNKNOWN_SENDER_KEY,
                RejectionReason.UNKNOWN_RECEIVER_KEY);
        for (Map.Entry<String, Object> change : changes.entrySet()) {
            Map<String, Object> map = EnvelopeFixture.editable(sealed);
            map.put(change.getKey(), change.getValue());
            assertRejected(opener, EnvelopeFixture.json(map), allowed);
        }
        Map<String, Object> noExpiry = EnvelopeFixture.editable(sealed);
        noExpiry.put("expiresAt", null);
        assertRejected(opener, EnvelopeFixture.json(noExpiry), EnumSet.of(RejectionReason.BAD_SIGNATURE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("providers")
    void openWhenTamperedButResignedByTrustedSignerThenDecryptionFails(CryptoProvider provider) {
        EnvelopeFixture fixture = new EnvelopeFixture(provider);
        Envelope e = fixture.seal();
        byte[] tag = e.authTag();
        tag[0] ^= 1;
        byte[] data = e.encryptedData();
        data[data.length - 1] ^= 1;
        byte[] key = e.encryptedKey();
        key[7] ^= 1;
        List<Envelope> forged = List.of(
                copy(e, e.iv(), e.encryptedKey(), e.encryptedData(), tag, e.expiresAt()),
                copy(e, e.iv(), e.encryptedKey(), data, e.authTag(), e.expiresAt()),
                copy(e, e.iv(), key, e.encryptedData(), e.authTag(), e.expiresAt()),
                copy(e, e.iv(), e.encryptedKey(), e.encryptedData(), e.authTag(), "2026-11-26T10:25:31.000Z"));
        for (Envelope envelope : forged) {
            assertRejected(
                    fixture.opener(),
                    EnvelopeJson.toJson(fixture.resign(envelope)),
                    EnumSet.of(RejectionReason.DECRYPTION_FAILED));
        }
    }

    /** Every byte of short fields; of long ones the first and last 8 bytes and every 5th between. */
    private static int step(int length, int i) {
        return length <= 32 || i < 8 || i >= length - 9 ? 1 : 5;
    }

    static Envelope copy(Envelope e, byte[] iv, byte[] key, byte[] data, byte[] tag, String expiresAt) {
        return new Envelope(
                e.version(),
                e.id(),
                e.promptId(),
                e.algorithm(),
                e.keyAlgorithm(),
                e.signatureAlgorithm(),
                e.receiverPublicKeyId(),
                e.senderPrivateKeyId(),
                e.createdAt(),
                expiresAt,
                e.audience(),
                iv,
                key,
                data,
                tag,
                e.signature());
    }

    /** Something that opens envelope JSON (an opener, or an opener bound to a principal). */
    interface Opening {
        OpenedEnvelope open(String json);
    }

    static void assertRejected(EnvelopeOpener opener, String json, Set<RejectionReason> reasons) {
        assertRejected((Opening) opener::open, json, reasons);
    }

    static void assertRejected(Opening opener, String json, Set<RejectionReason> reasons) {
        EnvelopeRejectedException rejected =
                catchThrowableOfType(EnvelopeRejectedException.class, () -> opener.open(json));
        assertThat(rejected).as("rejected: %s", json).isNotNull();
        assertThat(rejected).hasMessage("envelope rejected").hasNoCause();
        assertThat(rejected.reason()).isIn(reasons);
    }
}
