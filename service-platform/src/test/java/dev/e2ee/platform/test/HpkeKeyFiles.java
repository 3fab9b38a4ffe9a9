package dev.e2ee.platform.test;

import dev.e2ee.crypto.key.RsaKeys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** X25519 private keys generated at test time and written as PKCS#8 PEM files, as openssl writes them. */
public record HpkeKeyFiles(List<Path> files) {

    public static HpkeKeyFiles generate(int count) {
        try {
            List<Path> files = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                byte[] pkcs8 = KeyPairGenerator.getInstance("X25519")
                        .generateKeyPair()
                        .getPrivate()
                        .getEncoded();
                Path file = Files.createTempFile("hpke-", ".pem");
                file.toFile().deleteOnExit();
                Files.writeString(file, RsaKeys.pkcs8Pem(pkcs8));
                files.add(file);
            }
            return new HpkeKeyFiles(List.copyOf(files));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The comma-separated list {@code E2EE_HPKE_PRIVATE_KEY_PATH} takes. */
    public String paths() {
        return files.stream().map(Path::toString).collect(Collectors.joining(","));
    }
}
