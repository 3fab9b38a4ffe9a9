package dev.e2ee.vault.signing;

import dev.e2ee.crypto.CryptoException;
import dev.e2ee.crypto.key.Jwk;
import dev.e2ee.crypto.key.RsaKeys;
import dev.e2ee.vault.key.KeyConfigurationException;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads {@code SENDER_PRIVATE_KEY_PATH}: one PKCS#8 PEM RSA private key file, or a comma-separated list of them,
 * newest first. Every file must load; a failure names the setting and the path, never key material.
 */
public final class SigningKeyFiles {

    public static final String SETTING = "SENDER_PRIVATE_KEY_PATH";

    /** One loaded signing key: its RFC 7638 kid, the file's name (a label for operators) and the pair. */
    public record SigningKeyFile(String kid, String fileName, KeyPair pair) {

        @Override
        public String toString() {
            return "SigningKeyFile[kid=" + kid + ", fileName=" + fileName + "]";
        }
    }

    private SigningKeyFiles() {}

    public static List<SigningKeyFile> load(String setting) {
        List<String> paths = setting == null
                ? List.of()
                : Arrays.stream(setting.split(","))
                        .map(String::trim)
                        .filter(s -> !s.isEmpty())
                        .toList();
        if (paths.isEmpty()) {
            throw new KeyConfigurationException(SETTING + " must name the vault's PKCS#8 PEM RSA signing key, or a"
                    + " comma-separated list of them, newest first (start with the 'dev' profile to generate a"
                    + " development key)");
        }
        List<SigningKeyFile> keys = new ArrayList<>(paths.size());
        Set<String> kids = new HashSet<>();
        for (String path : paths) {
            SigningKeyFile key = read(path);
            if (!kids.add(key.kid())) {
                throw new KeyConfigurationException(SETTING + " lists the same key twice: " + path);
            }
            keys.add(key);
        }
        return List.copyOf(keys);
    }

    private static SigningKeyFile read(String path) {
        try {
            Path file = Path.of(path);
            RSAPrivateCrtKey key = RsaKeys.readPrivateKey(file);
            KeyPair pair = RsaKeys.pair(key, RsaKeys.publicKeyOf(key));
            Path name = file.getFileName();
            return new SigningKeyFile(
                    Jwk.thumbprint((RSAPublicKey) pair.getPublic()), name == null ? path : name.toString(), pair);
        } catch (CryptoException | IllegalArgumentException e) {
            throw new KeyConfigurationException(SETTING + " is not a usable RSA private key: " + path, e);
        }
    }
}
