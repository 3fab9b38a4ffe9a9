package dev.e2ee.vault.key;

import dev.e2ee.crypto.key.RsaKeys;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Development only ({@code e2ee.vault.keys.generate-missing=true}, set by the {@code dev} profile): fills every
 * missing key setting with a key generated once into a git-ignored folder and reused on later starts. Production
 * never gets here: a missing key fails startup.
 */
final class DevKeyGenerator {

    private static final Logger log = LoggerFactory.getLogger(DevKeyGenerator.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private DevKeyGenerator() {}

    static VaultKeyProperties fillMissing(VaultKeyProperties properties) {
        if (!properties.generateMissing()) {
            return properties;
        }
        Path dir = properties.devKeyDirectory().toAbsolutePath();
        try {
            Files.createDirectories(dir);
            String sender = VaultKeyProperties.present(properties.senderPrivateKeyPath())
                    ? properties.senderPrivateKeyPath()
                    : rsaPair(dir, "vault-sign").toString();
            String receiver = properties.receiverPublicKeyPath();
            if (!VaultKeyProperties.present(receiver)
                    && !VaultKeyProperties.present(properties.promptServiceJwksUrl())) {
                rsaPair(dir, "receiver");
                receiver = dir.resolve("receiver-public.pem").toString();
            }
            String kek = hasSecret(properties.kek(), properties.kekFile()) ? null : randomKey(dir.resolve("kek.b64"));
            String pepper = hasSecret(properties.pepper(), properties.pepperFile())
                    ? null
                    : randomKey(dir.resolve("pepper.b64"));
            log.warn(
                    "dev profile: using development keys from {} (generated when missing; never use them in production)",
                    dir);
            return properties.withGenerated(
                    sender,
                    receiver,
                    kek == null ? properties.kek() : kek,
                    pepper == null ? properties.pepper() : pepper,
                    kek == null ? properties.kekFile() : null,
                    pepper == null ? properties.pepperFile() : null);
        } catch (IOException e) {
            throw new KeyConfigurationException("dev keys cannot be written to " + dir, e);
        }
    }

    private static boolean hasSecret(String value, String file) {
        return VaultKeyProperties.present(value) || VaultKeyProperties.present(file);
    }

    private static Path rsaPair(Path dir, String name) throws IOException {
        Path privatePath = dir.resolve(name + "-private.pem");
        Path publicPath = dir.resolve(name + "-public.pem");
        if (!Files.exists(privatePath)) {
            KeyPair pair = RsaKeys.generate(2048);
            Files.writeString(
                    privatePath,
                    RsaKeys.toPem((java.security.interfaces.RSAPrivateKey) pair.getPrivate()),
                    StandardCharsets.US_ASCII);
            ownerOnly(privatePath);
            Files.writeString(publicPath, RsaKeys.toPem((RSAPublicKey) pair.getPublic()), StandardCharsets.US_ASCII);
            log.warn("dev profile: generated RSA key pair {}", privatePath);
        }
        return privatePath;
    }

    private static void ownerOnly(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            log.debug("file system without POSIX permissions: {}", file);
        }
    }

    private static String randomKey(Path file) throws IOException {
        if (!Files.exists(file)) {
            byte[] key = new byte[32];
            RANDOM.nextBytes(key);
            Files.writeString(file, Base64.getEncoder().encodeToString(key), StandardCharsets.US_ASCII);
            ownerOnly(file);
            log.warn("dev profile: generated {}", file);
        }
        return Files.readString(file, StandardCharsets.US_ASCII).trim();
    }
}
