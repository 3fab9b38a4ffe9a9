package dev.e2ee.crypto.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.e2ee.crypto.CryptoProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Structure (docs/envelope-format.md#opening-rules step 1): anything but exactly the 15 well-typed fields is MALFORMED. */
class EnvelopeJsonTests {

    private static final EnvelopeFixture FIXTURE = new EnvelopeFixture(CryptoProvider.defaults());
    private static final Envelope SEALED = FIXTURE.seal();

    private static void assertMalformed(String json) {
        EnvelopeRejectedException rejected = catchThrowableOfType(
                EnvelopeRejectedException.class, () -> FIXTURE.opener().open(json));
        assertThat(rejected)
                .as("rejected: %s", json.length() > 300 ? json.substring(0, 300) : json)
                .isNotNull();
        assertThat(rejected).hasMessage("envelope rejected").hasNoCause();
        assertThat(rejected.reason()).isEqualTo(RejectionReason.MALFORMED);
    }

    private static String with(String field, Object value) {
        Map<String, Object> map = EnvelopeFixture.editable(SEALED);
        map.put(field, value);
        return EnvelopeFixture.json(map);
    }

    @Test
    void parseWhenEachFieldMissingThenMalformed() {
        for (String field : EnvelopeJson.FIELDS) {
            Map<String, Object> map = EnvelopeFixture.editable(SEALED);
            map.remove(field);
            assertMalformed(EnvelopeFixture.json(map));
        }
    }

    @Test
    void parseWhenUnknownOrDuplicateFieldThenMalformed() {
        assertMalformed(with("extra", "x"));
        String json = EnvelopeJson.toJson(SEALED);
        assertMalformed(json.replaceFirst("\\{", "{\"version\":2,"));
        assertMalformed(json + " {}");
    }

    @Test
    void parseWhenWrongJsonTypesThenMalformed() {
        List<String> cases = new ArrayList<>(List.of(
                with("version", "2"),
                with("version", 2.0),
                with("version", 3),
                with("version", null),
                with("id", 12),
                with("promptId", List.of()),
                with("expiresAt", 1764152130),
                with("iv", List.of(1, 2)),
                with("signature", Map.of()),
                with("algorithm", null),
                with("receiverPublicKeyId", true),
                "[]",
                "null",
                "\"envelope\"",
                "{",
                ""));
        cases.forEach(EnvelopeJsonTests::assertMalformed);
    }

    @Test
    void parseWhenIdsOrTimestampsNotCanonicalThenMalformed() {
        assertMalformed(with("id", SEALED.id().toString().toUpperCase()));
        assertMalformed(with("promptId", "not-a-uuid"));
        assertMalformed(with("promptId", "{" + SEALED.promptId() + "}"));
        assertMalformed(with("createdAt", "2026-11-26T10:15:30Z"));
        assertMalformed(with("createdAt", "2026-11-26T10:15:30.123+00:00"));
        assertMalformed(with("createdAt", "2026-02-30T10:15:30.123Z"));
        assertMalformed(with("expiresAt", "2026-11-26T10:15:30.123Z"));
        assertMalformed(with("senderPrivateKeyId", "../../etc/passwd"));
        assertMalformed(with("senderPrivateKeyId", ""));
    }

    @Test
    void parseWhenBase64InvalidOrNonCanonicalThenMalformed() {
        String tag = (String) EnvelopeFixture.editable(SEALED).get("authTag");
        char last = tag.charAt(tag.length() - 3);
        char nonCanonical = (char) (last == 'A' ? 'B' : last - 1);
        assertMalformed(with("authTag", tag.substring(0, tag.length() - 3) + nonCanonical + "=="));
        assertMalformed(with("authTag", tag.substring(0, tag.length() - 2)));
        assertMalformed(with("authTag", " " + tag));
        assertMalformed(with("authTag", tag.replace(tag.charAt(0), '*')));
        String data = (String) EnvelopeFixture.editable(SEALED).get("encryptedData");
        assertMalformed(with("encryptedData", data.replace('+', '-').replace('/', '_') + "-_"));
        assertMalformed(with("iv", "AAAAAAAAAAAAAAAA" + "AAAA"));
        assertMalformed(with("authTag", "AAAAAAAAAAAAAAAAAAAAAAAA" + "AAAA"));
        assertMalformed(with("encryptedKey", "AAAA"));
    }

    @Test
    void parseWhenLargerThanOneMebibyteThenMalformed() {
        String json = EnvelopeJson.toJson(SEALED);
        String padded = json.substring(0, json.length() - 1) + " ".repeat(EnvelopeJson.MAX_BYTES) + "}";
        assertMalformed(padded);
        assertMalformed(with("encryptedData", "A".repeat(EnvelopeJson.MAX_BYTES)));
        assertThat(FIXTURE.opener().open(json).content()).isNotNull();
    }
}
