package dev.e2ee.vault.signing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.e2ee.crypto.key.Jwk;
import dev.e2ee.crypto.key.Keyring;
import dev.e2ee.crypto.key.RsaKeys;
import dev.e2ee.vault.TestKeys;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How a stored state (statuses by kid) becomes the signing keyring: which key signs, which are published. */
class SigningKeysTests {

    private static final KeyPair first = TestKeys.get().sender;
    private static final KeyPair second = TestKeys.get().secondSender;
    private static final KeyPair third = TestKeys.get().thirdSender;

    @TempDir
    Path dir;

    @Test
    void resolveWhenNothingStoredThenFirstListedIsPrimaryAndAllArePublished() throws IOException {
        SigningKeys keys = keys(first, second, third);

        assertThat(keys.get().primary().kid()).isEqualTo(kid(first));
        assertThat(keys.publicJwks()).extracting(Jwk::kid).containsExactly(kid(first), kid(second), kid(third));
        assertThat(keys.publicJwks()).allSatisfy(j -> assertThat(j.use()).isEqualTo("sig"));
    }

    @Test
    void applyWhenStoredPrimaryIsNotFirstListedThenItSignsAndRetiredKeysAreNeitherPublishedNorFound()
            throws IOException {
        SigningKeys keys = keys(first, second, third);

        keys.apply(Map.of(
                kid(first), Keyring.Status.ACTIVE,
                kid(second), Keyring.Status.PRIMARY,
                kid(third), Keyring.Status.RETIRED));

        assertThat(keys.get().primary().kid()).isEqualTo(kid(second));
        assertThat(keys.publicJwks()).extracting(Jwk::kid).containsExactly(kid(second), kid(first));
        assertThat(keys.get().find(kid(third))).isEmpty();
        assertThat(keys.get().find(kid(first))).isPresent();
    }

    @Test
    void applyWhenNoLoadedKeyStoredAsPrimaryThenFirstListedNonRetiredKeySigns() throws IOException {
        SigningKeys keys = keys(first, second);

        keys.apply(Map.of(kid(first), Keyring.Status.RETIRED, "someone-elses-kid", Keyring.Status.PRIMARY));

        assertThat(keys.get().primary().kid()).isEqualTo(kid(second));
        assertThat(keys.publicJwks()).extracting(Jwk::kid).containsExactly(kid(second));
    }

    @Test
    void applyWhenTwoLoadedKeysStoredAsPrimaryThenTheFirstListedOfThemSigns() throws IOException {
        SigningKeys keys = keys(first, second, third);

        keys.apply(Map.of(kid(second), Keyring.Status.PRIMARY, kid(third), Keyring.Status.PRIMARY));

        assertThat(keys.get().primary().kid()).isEqualTo(kid(second));
        assertThat(keys.publicJwks()).extracting(Jwk::kid).containsExactly(kid(second), kid(first), kid(third));
    }

    @Test
    void applyWhenEveryLoadedKeyIsRetiredThenTheLastStateIsKept() throws IOException {
        SigningKeys keys = keys(first, second);
        keys.apply(Map.of(kid(second), Keyring.Status.PRIMARY));

        assertThat(keys.apply(Map.of(kid(first), Keyring.Status.RETIRED, kid(second), Keyring.Status.RETIRED)))
                .isEmpty();

        assertThat(keys.get().primary().kid()).isEqualTo(kid(second));
    }

    private SigningKeys keys(KeyPair... newestFirst) throws IOException {
        StringBuilder setting = new StringBuilder();
        for (KeyPair pair : newestFirst) {
            setting.append(setting.isEmpty() ? "" : ",").append(write(kid(pair) + ".pem", pair));
        }
        return new SigningKeys(SigningKeyFiles.load(setting.toString()), Instant.now());
    }

    private Path write(String name, KeyPair pair) throws IOException {
        return Files.writeString(
                dir.resolve(name), RsaKeys.toPem((RSAPrivateKey) pair.getPrivate()), StandardCharsets.US_ASCII);
    }

    private static String kid(KeyPair pair) {
        return Jwk.thumbprint((RSAPublicKey) pair.getPublic());
    }
}
