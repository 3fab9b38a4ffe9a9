package dev.e2ee.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.e2ee.crypto.CryptoException;
import dev.e2ee.crypto.CryptoProvider;
import dev.e2ee.crypto.KeyValidationException;
import dev.e2ee.crypto.envelope.EnvelopeContent;
import dev.e2ee.crypto.envelope.EnvelopeJson;
import dev.e2ee.crypto.envelope.EnvelopeOpener;
import dev.e2ee.crypto.envelope.EnvelopeRejectedException;
import dev.e2ee.crypto.envelope.EnvelopeSealer;
import dev.e2ee.crypto.envelope.OpeningPolicy;
import dev.e2ee.crypto.envelope.Recipient;
import dev.e2ee.crypto.key.Jwk;
import dev.e2ee.crypto.key.JwkSet;
import dev.e2ee.crypto.key.Keyring;
import dev.e2ee.crypto.key.RsaKeys;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.node.ObjectNode;

/**
 * Issue 7 (7), in process through crypto-common: the envelope parser and opener and the PEM/DER/JWK key loaders
 * either accept an input or throw their documented rejection ({@link EnvelopeRejectedException} with the generic
 * message; {@link KeyValidationException}/{@link CryptoException} for keys) — never anything else.
 *
 * <p>In a normal build Jazzer runs these in regression mode over the committed corpus in
 * {@code src/test/resources/dev/e2ee/systemtest/CryptoFuzzTestsInputs/<method>/}. For a real fuzzing run see
 * {@code docs/security.md} ("Fuzzing").
 */
@Order(60)
class CryptoFuzzTests {

    private static final KeyPair SIGNER = RsaKeys.generate(2048, CryptoProvider.jdk());
    private static final KeyPair RECEIVER = RsaKeys.generate(2048, CryptoProvider.jdk());
    private static final String SIGNER_KID = Jwk.thumbprint((RSAPublicKey) SIGNER.getPublic());
    private static final String RECEIVER_KID = Jwk.thumbprint((RSAPublicKey) RECEIVER.getPublic());
    private static final EnvelopeOpener OPENER = EnvelopeOpener.create(
            kid -> SIGNER_KID.equals(kid) ? Optional.of((RSAPublicKey) SIGNER.getPublic()) : Optional.empty(),
            kid -> RECEIVER_KID.equals(kid) ? Optional.of((RSAPrivateKey) RECEIVER.getPrivate()) : Optional.empty(),
            OpeningPolicy.defaults(),
            CryptoProvider.jdk(),
            Clock.systemUTC());
    private static final String REAL = EnvelopeJson.toJson(EnvelopeSealer.create(
                    () -> Keyring.single(SIGNER_KID, "sign", SIGNER, Instant.now()),
                    CryptoProvider.jdk(),
                    Clock.systemUTC())
            .seal(
                    Recipient.of((RSAPublicKey) RECEIVER.getPublic()),
                    new EnvelopeContent(UUID.randomUUID(), "fuzz seed text", Map.of("k", "v")),
                    null));
    /** The wire fields plus the vault's tolerated-elsewhere `status` and an unknown one: both must be rejected here. */
    private static final List<String> FIELDS = java.util.stream.Stream.concat(
                    EnvelopeJson.FIELDS.stream(), java.util.stream.Stream.of("status", "extra"))
            .toList();

    @FuzzTest(maxDuration = "30s")
    void envelopeParserWhenGivenAnyBytesThenParsesOrRejectsGenerically(byte[] input) {
        String json = new String(input, StandardCharsets.UTF_8);
        try {
            String canonical = EnvelopeJson.toJson(EnvelopeJson.parse(json));
            assertThat(EnvelopeJson.toJson(EnvelopeJson.parse(canonical))).isEqualTo(canonical);
        } catch (EnvelopeRejectedException e) {
            assertThat(e.getMessage()).isEqualTo("envelope rejected");
        }
    }

    /** First byte picks a field of a real envelope, the rest replaces its value; nothing but the original opens. */
    @FuzzTest(maxDuration = "30s")
    void envelopeOpenerWhenOneFieldIsReplacedThenRejectsGenerically(byte[] input) {
        ObjectNode envelope = (ObjectNode) Http.JSON.readTree(REAL);
        String field = FIELDS.get(input.length == 0 ? 0 : Math.floorMod(input[0], FIELDS.size()));
        String value =
                new String(input, Math.min(1, input.length), Math.max(0, input.length - 1), StandardCharsets.UTF_8);
        if (value.equals(envelope.path(field).asString(null))) {
            return;
        }
        envelope.put(field, value);
        try {
            OPENER.open(envelope.toString());
            assertThat(field).as("only the unsigned vault status may change").isEqualTo("status");
        } catch (EnvelopeRejectedException e) {
            assertThat(e.getMessage()).isEqualTo("envelope rejected");
        }
    }

    /**
     * The PEM-shaped seeds of the key-loader fuzz test (an encrypted key, a garbage body, mismatched labels). They are
     * built here rather than committed to the corpus, so no file in the repository carries a key banner.
     */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "ENCRYPTED PRIVATE KEY|MIIBvTBXBgkqhkiG9w0BBQ0wSjApBgkqhkiG9w0BBQwwHAQI|ENCRYPTED PRIVATE KEY",
                "PRIVATE KEY|AAAA|PRIVATE KEY",
                "RSA PRIVATE KEY|MAA=|PUBLIC KEY"
            })
    void keyLoadersWhenGivenPemShapedSeedsThenLoadOrRejectWithKeyValidation(String seed) {
        String[] parts = seed.split("\\|");
        String dashes = "-".repeat(5);
        String pem = dashes + "BEGIN " + parts[0] + dashes + "\n" + parts[1] + "\n" + dashes + "END " + parts[2]
                + dashes + "\n";
        keyLoadersWhenGivenAnyBytesThenLoadOrRejectWithKeyValidation(pem.getBytes(StandardCharsets.UTF_8));
    }

    @FuzzTest(maxDuration = "30s")
    void keyLoadersWhenGivenAnyBytesThenLoadOrRejectWithKeyValidation(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        List<Runnable> loaders = List.of(
                () -> RsaKeys.parsePrivateKey(text),
                () -> RsaKeys.parsePublicKey(text),
                () -> RsaKeys.parsePrivateKey(input),
                () -> RsaKeys.parsePublicKey(input),
                () -> JwkSet.parse(text));
        for (Runnable loader : loaders) {
            try {
                loader.run();
            } catch (CryptoException e) {
                // the documented rejection (KeyValidationException is one); it names the problem, never the input
                if (text.strip().length() >= 16) {
                    assertThat(e.getMessage()).doesNotContain(text.strip());
                }
            }
        }
    }
}
