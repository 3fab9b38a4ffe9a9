package dev.e2ee.systemtest;

import dev.e2ee.crypto.CryptoProvider;
import dev.e2ee.crypto.key.RsaKeys;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.List;

/**
 * Keys and secrets generated for this run only (never committed): the vault's signing pair, the prompt-response
 * service's receiving pair (PEM files, mode 600), KEKs, pepper, JWT secret and bootstrap admin API key. Every value
 * is registered with {@link Sensitive} so the final scan looks for it.
 */
record KeyMaterial(
        Path signingPrivate,
        Path signingPublic,
        Path receivingPrivate,
        Path receivingPublic,
        String vaultKek,
        String promptKek,
        String pepper,
        String jwtSecret,
        String bootstrapApiKey,
        String llmApiKey) {

    private static final SecureRandom RANDOM = new SecureRandom();

    static KeyMaterial generate(Path directory) throws IOException {
        Files.createDirectories(directory);
        KeyPair signing = RsaKeys.generate(2048, CryptoProvider.jdk());
        KeyPair receiving = RsaKeys.generate(2048, CryptoProvider.jdk());
        return new KeyMaterial(
                writePrivate(directory.resolve("vault-signing-private.pem"), signing),
                writePublic(directory.resolve("vault-signing-public.pem"), signing),
                writePrivate(directory.resolve("prompt-receiving-private.pem"), receiving),
                writePublic(directory.resolve("prompt-receiving-public.pem"), receiving),
                randomKey(),
                randomKey(),
                randomKey(),
                Sensitive.marker("jwtsecret") + Sensitive.marker("jwt"),
                Sensitive.marker("bootstrap"),
                Sensitive.marker("llmkey"));
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return Sensitive.remember(Base64.getEncoder().encodeToString(key));
    }

    private static Path writePrivate(Path file, KeyPair pair) throws IOException {
        String pem = RsaKeys.toPem((RSAPrivateKey) pair.getPrivate());
        rememberBody(pem);
        Files.writeString(file, pem, StandardCharsets.US_ASCII);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }

    private static Path writePublic(Path file, KeyPair pair) throws IOException {
        Files.writeString(file, RsaKeys.toPem((RSAPublicKey) pair.getPublic()), StandardCharsets.US_ASCII);
        return file;
    }

    /** A private key leaks if any of its base64 lines shows up; remember a few lines from its secret middle. */
    private static void rememberBody(String pem) {
        List<String> lines = pem.lines()
                .filter(line -> !line.startsWith("-----") && line.length() >= 40)
                .toList();
        for (int i = 2; i < lines.size() - 1; i += 4) {
            Sensitive.remember(lines.get(i));
        }
    }
}
