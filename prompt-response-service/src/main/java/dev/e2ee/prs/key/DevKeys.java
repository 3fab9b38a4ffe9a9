package dev.e2ee.prs.key;

import dev.e2ee.crypto.key.RsaKeys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.interfaces.RSAPrivateKey;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Generates missing keys for the {@code dev} profile into a local, git-ignored folder and says where. Never used
 * outside that profile: production fails at startup when a key is missing.
 */
public final class DevKeys {

    private static final Logger log = LoggerFactory.getLogger(DevKeys.class);

    private final Path directory;

    public DevKeys(Path directory) {
        this.directory = directory.toAbsolutePath();
    }

    /** The dev receiver private key (PKCS#8 PEM), generated on first use. */
    Path receiverPrivateKey() {
        Path file = directory.resolve("prompt-response-receiver-private.pem");
        if (!Files.exists(file)) {
            KeyPair pair = RsaKeys.generate(2048);
            write(file, RsaKeys.toPem((RSAPrivateKey) pair.getPrivate()));
            log.warn("dev profile: generated a receiver key pair into {}", file);
        }
        return file;
    }

    /** A base64 32-byte dev key-encryption key, generated on first use. */
    public String keyEncryptionKey() {
        Path file = directory.resolve("prompt-response-kek.b64");
        try {
            if (!Files.exists(file)) {
                byte[] key = new byte[32];
                new SecureRandom().nextBytes(key);
                write(file, Base64.getEncoder().encodeToString(key));
                log.warn("dev profile: generated a key-encryption key into {}", file);
            }
            return Files.readString(file, StandardCharsets.US_ASCII).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the dev key-encryption key " + file, e);
        }
    }

    private void write(Path file, String content) {
        try {
            Files.createDirectories(directory);
            Files.writeString(file, content, StandardCharsets.US_ASCII);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                log.debug("no POSIX permissions on {}", file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write dev key " + file, e);
        }
    }
}
