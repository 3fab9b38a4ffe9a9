package dev.e2ee.crypto.envelope;

import static dev.e2ee.crypto.envelope.EnvelopeTamperTests.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.e2ee.crypto.CryptoException;
import dev.e2ee.crypto.CryptoProvider;
import dev.e2ee.crypto.TestProviders;
import dev.e2ee.crypto.key.Keyring;
import java.security.MessageDigest;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Audience and lifetime (docs/envelope-format.md#audience-and-lifetime): the signed {@code audience} (11th header element), the audience rules and the maximum age. */
class EnvelopeAudienceTests {

    private static final String ALICE = "alice";

    static Stream<Named<CryptoProvider>> providers() {
        return TestProviders.both();
    }

    private static Envelope sealFor(EnvelopeFixture fixture, String audience) {
        return fixture.sealer()
                .seal(fixture.recipient(), EnvelopeFixture.content(), EnvelopeFixture.NOW.plusSeconds(600), audience);
    }

    private static EnvelopeOpener opener(EnvelopeFixture fixture, OpeningPolicy policy, Clock clock) {
        return EnvelopeOpener.create(
                Keyring.single(
                        fixture.signerKid(), null, (RSAPublicKey) fixture.signer.getPublic(), EnvelopeFixture.NOW),
                Keyring.single(
                        fixture.receiverKid(),
                        null,
                        (RSAPrivateKey) fixture.receiver.getPrivate(),
                        EnvelopeFixture.NOW),
                policy,
                fixture.provider,
                clock);
    }

    @Test
    void headerWhenAudiencePresentThenElevenElementPaeKnownAnswer() throws Exception {
        Envelope envelope = new Envelope(
                2,
                UUID.fromString("3f1c9a52-7e4b-4d2a-9c61-0b8e5f7a1d23"),
                UUID.fromString("a0b1c2d3-e4f5-4a6b-8c7d-9e0f1a2b3c4d"),
                "AES-256-GCM",
                "RSA-OAEP-256",
                "RSA-PSS-SHA256",
                "recv-kid",
                "sign-kid",
                "2026-11-26T10:15:30.123Z",
                "2026-11-26T11:15:30.123Z",
                ALICE,
                new byte[0],
                new byte[0],
                new byte[0],
                new byte[0],
                new byte[0]);
        Envelope without = new Envelope(
                2,
                envelope.id(),
                envelope.promptId(),
                envelope.algorithm(),
                envelope.keyAlgorithm(),
                envelope.signatureAlgorithm(),
                envelope.receiverPublicKeyId(),
                envelope.senderPrivateKeyId(),
                envelope.createdAt(),
                envelope.expiresAt(),
                new byte[0],
                new byte[0],
                new byte[0],
                new byte[0],
                new byte[0]);

        byte[] header = EnvelopeBytes.header(envelope);
        byte[] legacy = EnvelopeBytes.header(without);

        // expected values computed independently (Python struct/hashlib) from the
        // docs/envelope-format.md#authenticated-bytes text
        assertThat(header).hasSize(290);
        assertThat(HexFormat.of().formatHex(header, 0, 8)).isEqualTo("0b00000000000000");
        assertThat(HexFormat.of().formatHex(header, header.length - 13, header.length))
                .isEqualTo("0500000000000000616c696365");
        assertThat(sha256(header)).isEqualTo("2c2e3a75875e7104bd7eef573099a488516fa6a90e13c6aadb60a7b3f5d15586");
        assertThat(legacy).hasSize(277);
        assertThat(sha256(legacy)).isEqualTo("b7a09af1627e8ab59594204689048736c2a178df6046c2c7faaf583a7be30a04");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("providers")
    void sealWhenAudienceGivenThenOpensOnlyForThatPrincipal(CryptoProvider provider) {
        EnvelopeFixture fixture = new EnvelopeFixture(provider);
        Envelope sealed = sealFor(fixture, ALICE);
        String json = EnvelopeJson.toJson(sealed);

        assertThat(json).contains("\"expiresAt\":\"2026-11-26T10:25:30.123Z\",\"audience\":\"alice\",\"iv\"");
        assertThat(EnvelopeJson.parse(json)).isEqualTo(sealed);
        assertThat(fixture.opener().open(json, ALICE).content().promptId()).isEqualTo(sealed.promptId());
        for (String other : List.of("bob", "Alice", "alice ", "")) {
            assertRejected(new Probe(fixture.opener(), other), json, EnumSet.of(RejectionReason.WRONG_AUDIENCE));
        }
        assertRejected(fixture.opener(), json, EnumSet.of(RejectionReason.WRONG_AUDIENCE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("providers")
    void openWhenAudienceChangedRemovedOrAddedThenRejectedAsBadSignature(CryptoProvider provider) {
        EnvelopeFixture fixture = new EnvelopeFixture(provider);
        Envelope withAudience = sealFor(fixture, ALICE);
        Envelope withoutAudience = sealFor(fixture, null);
        EnvelopeOpener opener = fixture.opener();

        for (String changed : List.of("mallory", "alicf", "alice\u00e9", "ALICE", "alice" + "x".repeat(250))) {
            Map<String, Object> map = EnvelopeFixture.editable(withAudience);
            map.put("audience", changed);
            assertRejected(
                    new Probe(opener, changed), EnvelopeFixture.json(map), EnumSet.of(RejectionReason.BAD_SIGNATURE));
        }
        Map<String, Object> removed = EnvelopeFixture.editable(withAudience);
        removed.remove("audience");
        assertRejected(
                new Probe(opener, ALICE), EnvelopeFixture.json(removed), EnumSet.of(RejectionReason.BAD_SIGNATURE));
        Map<String, Object> added = EnvelopeFixture.editable(withoutAudience);
        added.put("audience", "mallory");
        assertRejected(
                new Probe(opener, "mallory"), EnvelopeFixture.json(added), EnumSet.of(RejectionReason.BAD_SIGNATURE));
        assertThat(opener.open(EnvelopeJson.toJson(withoutAudience), "anyone").content())
                .isNotNull();
    }

    @Test
    void parseWhenAudienceNullEmptyTooLongControlOrNotAStringThenMalformed() {
        EnvelopeFixture fixture = new EnvelopeFixture(CryptoProvider.defaults());
        Envelope sealed = sealFor(fixture, ALICE);
        List<Object> bad =
                new java.util.ArrayList<>(List.of("", "a".repeat(256), "al\nice", "al\u0000ice", 7, List.of(ALICE)));
        bad.add(null);
        for (Object value : bad) {
            Map<String, Object> map = EnvelopeFixture.editable(sealed);
            map.put("audience", value);
            assertRejected(
                    new Probe(fixture.opener(), ALICE),
                    EnvelopeFixture.json(map),
                    EnumSet.of(RejectionReason.MALFORMED));
        }
        String duplicate = EnvelopeJson.toJson(sealed).replaceFirst("\\{", "{\"audience\":\"alice\",");
        assertRejected(new Probe(fixture.opener(), ALICE), duplicate, EnumSet.of(RejectionReason.MALFORMED));
    }

    @Test
    void sealWhenAudienceInvalidThenRefused() {
        EnvelopeFixture fixture = new EnvelopeFixture(CryptoProvider.defaults());
        for (String bad : List.of("", "a".repeat(256), "a\tb")) {
            assertThatThrownBy(() -> sealFor(fixture, bad)).isInstanceOf(CryptoException.class);
        }
    }

    @Test
    void openWhenPolicyRequiresAudienceThenEnvelopeWithoutOneRefused() {
        EnvelopeFixture fixture = new EnvelopeFixture(CryptoProvider.defaults());
        OpeningPolicy strict =
                new OpeningPolicy(Duration.ofSeconds(60), Duration.ofHours(1), Duration.ofHours(24), true);
        EnvelopeOpener opener = opener(fixture, strict, EnvelopeFixture.CLOCK);

        assertRejected(
                new Probe(opener, ALICE),
                EnvelopeJson.toJson(sealFor(fixture, null)),
                EnumSet.of(RejectionReason.MISSING_AUDIENCE));
        assertThat(opener.open(EnvelopeJson.toJson(sealFor(fixture, ALICE)), ALICE)
                        .content())
                .isNotNull();
    }

    @Test
    void openWhenOlderThanMaximumAgeThenTooOldWhateverItsExpiry() {
        EnvelopeFixture fixture = new EnvelopeFixture(CryptoProvider.defaults());
        Envelope longLived = fixture.sealer()
                .seal(
                        fixture.recipient(),
                        EnvelopeFixture.content(),
                        EnvelopeFixture.NOW.plus(Duration.ofDays(730)),
                        ALICE);
        String json = EnvelopeJson.toJson(longLived);
        Clock withinSkew =
                Clock.fixed(EnvelopeFixture.NOW.plus(Duration.ofHours(24)).plusSeconds(59), ZoneOffset.UTC);
        Clock beyond =
                Clock.fixed(EnvelopeFixture.NOW.plus(Duration.ofHours(24)).plusSeconds(61), ZoneOffset.UTC);

        OpenedEnvelope opened =
                opener(fixture, OpeningPolicy.defaults(), withinSkew).open(json, ALICE);

        assertThat(opened.rememberUntil())
                .isEqualTo(EnvelopeFixture.NOW.plus(Duration.ofHours(24)).plusSeconds(60));
        assertRejected(
                new Probe(opener(fixture, OpeningPolicy.defaults(), beyond), ALICE),
                json,
                EnumSet.of(RejectionReason.TOO_OLD));
        Instant shortExpiry = EnvelopeFixture.NOW.plusSeconds(300);
        assertThat(opener(fixture, OpeningPolicy.defaults(), EnvelopeFixture.CLOCK)
                        .open(
                                fixture.sealer()
                                        .seal(fixture.recipient(), EnvelopeFixture.content(), shortExpiry, ALICE),
                                ALICE)
                        .rememberUntil())
                .isEqualTo(shortExpiry.plusSeconds(60));
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    /** An opener bound to one principal, so the shared {@code assertRejected} helper can be used. */
    private record Probe(EnvelopeOpener opener, String principal) implements EnvelopeTamperTests.Opening {
        @Override
        public OpenedEnvelope open(String json) {
            return opener.open(json, principal);
        }
    }
}
