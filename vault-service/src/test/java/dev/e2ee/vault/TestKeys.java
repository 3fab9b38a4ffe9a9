package dev.e2ee.vault;

import dev.e2ee.crypto.key.RsaKeys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;

/**
 * Keys generated once per test JVM (never committed): the vault's signing keys (listed newest first: the first
 * signs, the second is published for rotation tests, the third is there to be retired), the receiver's key pair (the
 * test keeps the private half to open envelopes), two KEKs (the current one first) and the pepper.
 */
public final class TestKeys {

    private static TestKeys instance;

    public final KeyPair sender;
    public final KeyPair secondSender;
    public final KeyPair thirdSender;
    public final KeyPair receiver;
    public final String currentKek;
    public final String oldKek;
    public final String pepper;
    public final Path directory;

    private TestKeys() {
        this.sender = RsaKeys.generate(2048);
        this.secondSender = RsaKeys.generate(2048);
        this.thirdSender = RsaKeys.generate(2048);
        this.receiver = RsaKeys.generate(2048);
        this.currentKek = random32();
        this.oldKek = random32();
        this.pepper = random32();
        try {
            this.directory = Files.createTempDirectory("vault-test-keys");
            directory.toFile().deleteOnExit(); // registered first: deleted last, once its files are gone
            writePrivate(senderPath(), sender);
            writePrivate(directory.resolve("sender-2-private.pem"), secondSender);
            writePrivate(directory.resolve("sender-3-private.pem"), thirdSender);
            Files.writeString(
                    receiverPublicPath(),
                    RsaKeys.toPem((RSAPublicKey) receiver.getPublic()),
                    StandardCharsets.US_ASCII);
            receiverPublicPath().toFile().deleteOnExit();
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

    public Path senderPath() {
        return directory.resolve("sender-private.pem");
    }

    /** {@code SENDER_PRIVATE_KEY_PATH} of the shared context: the three signing keys, newest first. */
    public String senderPaths() {
        return senderPath() + "," + directory.resolve("sender-2-private.pem") + ","
                + directory.resolve("sender-3-private.pem");
    }

    private static void writePrivate(Path path, KeyPair pair) throws IOException {
        Files.writeString(path, RsaKeys.toPem((RSAPrivateKey) pair.getPrivate()), StandardCharsets.US_ASCII);
        path.toFile().deleteOnExit();
    }

    public Path receiverPublicPath() {
        return directory.resolve("receiver-public.pem");
    }

    /** The configured KEK list: current first, the old one still accepted for unwrapping. */
    public String kekConfig() {
        return currentKek + "," + oldKek;
    }

    static String random32() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
