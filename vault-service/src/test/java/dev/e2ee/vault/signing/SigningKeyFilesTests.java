package dev.e2ee.vault.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.e2ee.crypto.key.Jwk;
import dev.e2ee.crypto.key.RsaKeys;
import dev.e2ee.vault.TestKeys;
import dev.e2ee.vault.key.KeyConfigurationException;
import dev.e2ee.vault.signing.SigningKeyFiles.SigningKeyFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code SENDER_PRIVATE_KEY_PATH}: one path or a list, newest first; every failure names the setting and path. */
class SigningKeyFilesTests {

    private static final KeyPair first = TestKeys.get().sender;
    private static final KeyPair second = TestKeys.get().secondSender;

    @TempDir
    Path dir;

    @Test
    void loadWhenSinglePathThenOneKeyAsBefore() throws IOException {
        List<SigningKeyFile> keys =
                SigningKeyFiles.load(write("only.pem", first).toString());

        assertThat(keys).singleElement().satisfies(k -> {
            assertThat(k.kid()).isEqualTo(kid(first));
            assertThat(k.fileName()).isEqualTo("only.pem");
        });
    }

    @Test
    void loadWhenCommaSeparatedListThenAllKeysInListedOrder() throws IOException {
        String setting = write("new.pem", first) + " , " + write("old.pem", second) + ",";

        List<SigningKeyFile> keys = SigningKeyFiles.load(setting);

        assertThat(keys).extracting(SigningKeyFile::kid).containsExactly(kid(first), kid(second));
        assertThat(keys.get(0).toString()).doesNotContain("modulus").contains(kid(first));
    }

    @Test
    void loadWhenSecondFileIsNotAPrivateKeyThenFailsNamingTheSettingAndPath() throws IOException {
        Path good = write("new.pem", first);
        Path publicOnly = dir.resolve("old.pem");
        String publicPem = RsaKeys.toPem((RSAPublicKey) second.getPublic());
        Files.writeString(publicOnly, publicPem, StandardCharsets.US_ASCII);

        assertThatThrownBy(() -> SigningKeyFiles.load(good + "," + publicOnly))
                .isInstanceOf(KeyConfigurationException.class)
                .hasMessageContaining("SENDER_PRIVATE_KEY_PATH")
                .hasMessageContaining(publicOnly.toString())
                .hasMessageNotContaining(publicPem.lines().skip(1).findFirst().orElseThrow());
    }

    @Test
    void loadWhenSecondFileIsMissingOrGarbageThenFailsNamingTheSettingAndPath() throws IOException {
        Path good = write("new.pem", first);
        Path missing = dir.resolve("missing.pem");
        Path garbage = Files.writeString(dir.resolve("garbage.pem"), "not a key", StandardCharsets.US_ASCII);

        assertThatThrownBy(() -> SigningKeyFiles.load(good + "," + missing))
                .isInstanceOf(KeyConfigurationException.class)
                .hasMessage("SENDER_PRIVATE_KEY_PATH is not a usable RSA private key: " + missing);
        assertThatThrownBy(() -> SigningKeyFiles.load(good + "," + garbage))
                .isInstanceOf(KeyConfigurationException.class)
                .hasMessage("SENDER_PRIVATE_KEY_PATH is not a usable RSA private key: " + garbage);
    }

    @Test
    void loadWhenSameKeyListedTwiceOrNothingListedThenFails() throws IOException {
        Path key = write("new.pem", first);
        Path copy = Files.copy(key, dir.resolve("copy.pem"));

        assertThatThrownBy(() -> SigningKeyFiles.load(key + "," + copy))
                .isInstanceOf(KeyConfigurationException.class)
                .hasMessageContaining("SENDER_PRIVATE_KEY_PATH lists the same key twice")
                .hasMessageContaining(copy.toString());
        assertThatThrownBy(() -> SigningKeyFiles.load(" , "))
                .isInstanceOf(KeyConfigurationException.class)
                .hasMessageContaining("SENDER_PRIVATE_KEY_PATH must name");
        assertThatThrownBy(() -> SigningKeyFiles.load(null)).isInstanceOf(KeyConfigurationException.class);
    }

    private Path write(String name, KeyPair pair) throws IOException {
        return Files.writeString(
                dir.resolve(name), RsaKeys.toPem((RSAPrivateKey) pair.getPrivate()), StandardCharsets.US_ASCII);
    }

    private static String kid(KeyPair pair) {
        return Jwk.thumbprint((RSAPublicKey) pair.getPublic());
    }
}
