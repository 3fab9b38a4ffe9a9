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
 * Keys generated once per test JVM (never committed): the vault's signing key, the receiver's key pair (the test
 * keeps the private half to open envelopes), two KEKs (the current one first) and the pepper.
 */
public final class TestKeys {

    private static TestKeys instance;

    public final KeyPair sender;
    public final KeyPair receiver;
    public final String currentKek;
    public final String oldKek;
    public final String pepper;
    public final Path directory;

    private TestKeys() {
        this.sender = RsaKeys.generate(2048);
        this.receiver = RsaKeys.generate(2048);
        this.currentKek = random32();
        this.oldKek = random32();
        this.pepper = random32();
        try {
            this.directory = Files.createTempDirectory("vault-test-keys");
            Files.writeString(
                    senderPath(), RsaKeys.toPem((RSAPrivateKey) sender.getPrivate()), StandardCharsets.US_ASCII);
            Files.writeString(
                    receiverPublicPath(),
                    RsaKeys.toPem((RSAPublicKey) receiver.getPublic()),
                    StandardCharsets.US_ASCII);
            senderPath().toFile().deleteOnExit();
            receiverPublicPath().toFile().deleteOnExit();
            directory.toFile().deleteOnExit();
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
