package dev.e2ee.prs.key;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.e2ee.crypto.key.Jwk;
import dev.e2ee.crypto.key.RsaKeys;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReceiverKeysTests {

    @TempDir
    Path dir;

    @Test
    void loadWhenTwoKeysConfiguredThenFirstIsPrimaryAndBothOpen() throws IOException {
        KeyPair current = RsaKeys.generate(2048);
        KeyPair previous = RsaKeys.generate(2048);
        Path currentPem =
                Files.writeString(dir.resolve("current.pem"), RsaKeys.toPem((RSAPrivateKey) current.getPrivate()));
        Path previousPem =
                Files.writeString(dir.resolve("previous.pem"), pkcs1Pem((RSAPrivateCrtKey) previous.getPrivate()));

        ReceiverKeys keys = ReceiverKeys.load(List.of(currentPem, previousPem), Instant.now());

        String currentKid = Jwk.thumbprint((RSAPublicKey) current.getPublic());
        String previousKid = Jwk.thumbprint((RSAPublicKey) previous.getPublic());
        assertThat(keys.primaryKid()).isEqualTo(currentKid);
        assertThat(keys.find(currentKid)).isPresent();
        assertThat(keys.find(previousKid)).isPresent();
        assertThat(keys.find("someone-elses-kid")).isEmpty();
        List<Map<String, Object>> published =
                keys.publicKeys().keys().stream().map(Jwk::toMap).toList();
        assertThat(published).extracting(m -> m.get("kid")).containsExactly(currentKid, previousKid);
        assertThat(published).allSatisfy(m -> {
            assertThat(m).containsEntry("use", "enc").containsEntry("alg", "RSA-OAEP-256");
            assertThat(m).doesNotContainKeys("d", "p", "q");
        });
    }

    @Test
    void loadWhenNothingConfiguredThenStartupFailsNamingTheVariable() {
        assertThatThrownBy(() -> ReceiverKeys.load(List.of(), Instant.now()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("RECEIVER_PRIVATE_KEY_PATH");
    }

    @Test
    void signersWhenNoSourceConfiguredThenStartupFailsNamingTheVariables() {
        assertThatThrownBy(() -> new TrustedSigners(
                        List.of(), null, java.time.Duration.ofSeconds(1), java.time.Clock.systemUTC()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("SENDER_PUBLIC_KEY_PATH")
                .hasMessageContaining("VAULT_JWKS_URL");
    }

    @Test
    void devKeysWhenMissingThenGeneratedOnceAndReused() {
        DevKeys devKeys = new DevKeys(dir.resolve("dev-keys"));

        Path receiver = devKeys.receiverPrivateKey();
        String kek = devKeys.keyEncryptionKey();

        assertThat(RsaKeys.readPrivateKey(receiver).getModulus().bitLength()).isEqualTo(2048);
        assertThat(Base64.getDecoder().decode(kek)).hasSize(32);
        assertThat(devKeys.receiverPrivateKey()).isEqualTo(receiver);
        assertThat(devKeys.keyEncryptionKey()).isEqualTo(kek);
    }

    private static String pkcs1Pem(RSAPrivateCrtKey key) throws IOException {
        byte[] pkcs1 = PrivateKeyInfo.getInstance(key.getEncoded())
                .parsePrivateKey()
                .toASN1Primitive()
                .getEncoded();
        String label = "RSA " + "PRIVATE KEY"; // the key is generated above; no key banner literal in sources
        return "-----BEGIN " + label + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(pkcs1)
                + "\n-----END " + label + "-----\n";
    }
}
