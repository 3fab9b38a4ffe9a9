package dev.e2ee.vault.key;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.e2ee.crypto.CryptoProvider;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The KEK and pepper settings: value or file, and a startup failure naming the setting otherwise. */
class VaultKeyConfigurationTests {

    private static final String KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

    private final VaultKeyConfiguration configuration = new VaultKeyConfiguration();

    private static VaultKeyConfiguration.EffectiveKeySettings settings(
            String kek, String kekFile, String pepper, String pepperFile) {
        return new VaultKeyConfiguration.EffectiveKeySettings(new VaultKeyProperties(
                null,
                null,
                null,
                Duration.ofMinutes(5),
                Duration.ofSeconds(2),
                kek,
                kekFile,
                pepper,
                pepperFile,
                false,
                Path.of("unused"),
                Duration.ofSeconds(10)));
    }

    @Test
    void kekWhenSetThenKeyringHasIt() {
        assertThat(configuration
                        .keyEncryptionKeys(settings(KEY, null, null, null), CryptoProvider.jdk())
                        .currentKeyId())
                .startsWith("kek2-");
    }

    @Test
    void kekWhenMissingThenStartupFailsNamingBothVariables() {
        assertThatThrownBy(() -> configuration.keyEncryptionKeys(settings(null, " ", null, null), CryptoProvider.jdk()))
                .isInstanceOf(KeyConfigurationException.class)
                .hasMessageStartingWith("E2EE_KEK or E2EE_KEK_FILE must be set");
    }

    @Test
    void kekWhenFileUnreadableThenStartupFailsNamingTheFileVariable() {
        assertThatThrownBy(() -> configuration.keyEncryptionKeys(
                        settings(null, "/nonexistent/kek", null, null), CryptoProvider.jdk()))
                .isInstanceOf(KeyConfigurationException.class)
                .hasMessage("E2EE_KEK_FILE cannot be read: /nonexistent/kek");
    }

    @Test
    void kekWhenNotBase64KeysThenStartupFailsWithoutEchoingIt() {
        assertThatThrownBy(() ->
                        configuration.keyEncryptionKeys(settings("not-a-key", null, null, null), CryptoProvider.jdk()))
                .isInstanceOf(KeyConfigurationException.class)
                .hasMessage("E2EE_KEK is not a list of base64 32-byte keys");
    }

    @Test
    void pepperWhenMissingOrWrongLengthThenStartupFailsNamingIt() {
        assertThatThrownBy(() -> configuration.secretVerifier(settings(KEY, null, null, null), CryptoProvider.jdk()))
                .isInstanceOf(KeyConfigurationException.class)
                .hasMessageStartingWith("E2EE_PEPPER or E2EE_PEPPER_FILE must be set");
        assertThatThrownBy(() -> configuration.secretVerifier(settings(KEY, null, "AAEC", null), CryptoProvider.jdk()))
                .isInstanceOf(KeyConfigurationException.class)
                .hasMessage("E2EE_PEPPER must be base64 of exactly 32 bytes");
    }
}
