package dev.e2ee.prs;

import dev.e2ee.crypto.CryptoProvider;
import dev.e2ee.crypto.envelope.Envelope;
import dev.e2ee.crypto.envelope.EnvelopeContent;
import dev.e2ee.crypto.envelope.EnvelopeJson;
import dev.e2ee.crypto.envelope.EnvelopeSealer;
import dev.e2ee.crypto.envelope.Recipient;
import dev.e2ee.crypto.key.Jwk;
import dev.e2ee.crypto.key.Keyring;
import dev.e2ee.crypto.key.RsaKeys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

/**
 * Keys generated at test time (once per JVM, written to a temp folder): this service's receiver key, a trusted
 * vault signing key, an untrusted signing key and a KEK; plus sealers that build envelopes like the vault does.
 */
public final class TestKeys {

    private static TestKeys instance;

    public final KeyPair receiver = RsaKeys.generate(2048);
    public final KeyPair vault = RsaKeys.generate(2048);
    public final KeyPair stranger = RsaKeys.generate(2048);
    public final String kek = randomKey();
    public final Path receiverPrivateKey;
    public final Path vaultPublicKey;

    private TestKeys() {
        try {
            Path dir = Files.createTempDirectory("prs-test-keys");
            dir.toFile().deleteOnExit();
            receiverPrivateKey =
                    write(dir.resolve("receiver.pem"), RsaKeys.toPem((RSAPrivateKey) receiver.getPrivate()));
            vaultPublicKey = write(dir.resolve("vault-sign.pub.pem"), RsaKeys.toPem((RSAPublicKey) vault.getPublic()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static synchronized TestKeys get() {
        if (instance == null) {
            instance = new TestKeys();
        }
        return instance;
    }

    /** A sealer signing with {@code signer}, its clock at {@code now}. */
    public static EnvelopeSealer sealer(KeyPair signer, Clock clock) {
        String kid = Jwk.thumbprint((RSAPublicKey) signer.getPublic());
        Keyring<KeyPair> keyring = Keyring.single(kid, "vault-sign", signer, Instant.now());
        return EnvelopeSealer.create(() -> keyring, CryptoProvider.jdk(), clock);
    }

    public Recipient recipient() {
        return Recipient.of((RSAPublicKey) receiver.getPublic());
    }

    /** An envelope from the trusted vault key for this service, expiring in an hour. */
    public Envelope seal(String promptText) {
        return seal(UUID.randomUUID(), promptText, Instant.now().plusSeconds(3600));
    }

    public Envelope seal(UUID promptId, String promptText, Instant expiresAt) {
        return sealer(vault, Clock.systemUTC())
                .seal(recipient(), new EnvelopeContent(promptId, promptText, Map.of("source", "test")), expiresAt);
    }

    /** An envelope from the trusted vault key for this service, issued to {@code audience} (docs/envelope-format.md#audience-and-lifetime). */
    public Envelope sealFor(String audience, String promptText) {
        return sealer(vault, Clock.systemUTC())
                .seal(
                        recipient(),
                        new EnvelopeContent(UUID.randomUUID(), promptText, Map.of("source", "test")),
                        Instant.now().plusSeconds(3600),
                        audience);
    }

    public static String json(Envelope envelope) {
        return EnvelopeJson.toJson(envelope);
    }

    private static Path write(Path file, String pem) throws IOException {
        Files.writeString(file, pem);
        file.toFile().deleteOnExit();
        return file;
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
