package dev.e2ee.prs.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.e2ee.crypto.CryptoProvider;
import dev.e2ee.prs.key.KeyProperties;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class StorageConfigurationTests {

    private static final String KEK = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

    private static KeyProperties keys(boolean devKeys, Path dir) {
        return new KeyProperties(
                null,
                null,
                null,
                Duration.ofMinutes(5),
                Duration.ofSeconds(10),
                Duration.ofSeconds(3),
                Duration.ofSeconds(60),
                Duration.ofHours(1),
                devKeys,
                dir);
    }

    @Test
    void kekWhenMissingOutsideDevThenStartupFailsNamingTheVariables() {
        StorageConfiguration configuration = new StorageConfiguration();

        assertThatThrownBy(() -> configuration.keyEncryptionKeys(
                        new StorageProperties(null, ""), keys(false, Path.of("unused")), CryptoProvider.jdk()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("E2EE_KEK")
                .hasMessageContaining("E2EE_KEK_FILE");
    }

    @Test
    void kekWhenFileUnreadableThenStartupFailsNamingTheFileVariable() {
        StorageConfiguration configuration = new StorageConfiguration();

        assertThatThrownBy(() -> configuration.keyEncryptionKeys(
                        new StorageProperties(null, "/nonexistent/kek"),
                        keys(false, Path.of("unused")),
                        CryptoProvider.jdk()))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("E2EE_KEK_FILE")
                .hasMessageContaining("/nonexistent/kek");
    }

    @Test
    void encryptedValuesWhenSealedThenOpenOnlyUnderSameKindIdAndOwner() {
        StorageConfiguration configuration = new StorageConfiguration();
        EncryptedValues values = configuration.encryptedValues(
                configuration.keyEncryptionKeys(
                        new StorageProperties("primary:" + KEK, null),
                        keys(false, Path.of("unused")),
                        CryptoProvider.jdk()),
                CryptoProvider.jdk());

        String sealed = values.seal("session", "id-1", "alice", "top secret turn".getBytes(StandardCharsets.UTF_8));

        assertThat(sealed).doesNotContain("secret");
        assertThat(new String(values.open("session", "id-1", "alice", sealed), StandardCharsets.UTF_8))
                .isEqualTo("top secret turn");
        assertThatThrownBy(() -> values.open("session", "id-2", "alice", sealed))
                .isInstanceOf(EncryptedValues.CorruptValueException.class);
        assertThatThrownBy(() -> values.open("session", "id-1", "bob", sealed))
                .isInstanceOf(EncryptedValues.CorruptValueException.class);
        assertThatThrownBy(() -> values.open("session", "id-1/alice", "", sealed))
                .isInstanceOf(EncryptedValues.CorruptValueException.class);
        assertThatThrownBy(() -> values.open("cache", "id-1", "alice", sealed))
                .isInstanceOf(EncryptedValues.CorruptValueException.class);
        assertThatThrownBy(() -> values.open("session", "id-1", "alice", "not base64!"))
                .isInstanceOf(EncryptedValues.CorruptValueException.class);
    }
}
