package dev.e2ee.systemtest;

import dev.e2ee.crypto.key.RsaKeys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/** The origin's HPKE (X25519) private key for this run, PKCS#8 PEM as openssl writes it, mode 600; made once. */
final class HpkeKeyFile {

    private HpkeKeyFile() {}

    static synchronized Path in(Path directory) {
        Path file = directory.resolve("hpke-private.pem");
        if (Files.isRegularFile(file)) {
            return file;
        }
        try {
            byte[] pkcs8 = KeyPairGenerator.getInstance("X25519")
                    .generateKeyPair()
                    .getPrivate()
                    .getEncoded();
            String base64 = Base64.getEncoder().encodeToString(pkcs8);
            Sensitive.remember(base64.substring(base64.length() - 40));
            Files.writeString(file, RsaKeys.pkcs8Pem(pkcs8), StandardCharsets.US_ASCII);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
