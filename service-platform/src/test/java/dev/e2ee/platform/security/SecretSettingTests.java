package dev.e2ee.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretSettingTests {

    @TempDir
    Path dir;

    @Test
    void readWhenValueAndFileSetThenValueWinsTrimmed() throws IOException {
        Path file = Files.writeString(dir.resolve("kek"), "from-file", StandardCharsets.UTF_8);

        assertThat(SecretSetting.read("E2EE_KEK", " from-value \n", file.toString()))
                .contains("from-value");
    }

    @Test
    void readWhenOnlyFileSetThenItsContentTrimmed() throws IOException {
        Path file = Files.writeString(dir.resolve("kek"), "a,b\n", StandardCharsets.UTF_8);

        assertThat(SecretSetting.read("E2EE_KEK", " ", " " + file + " ")).contains("a,b");
    }

    @Test
    void readWhenNeitherSetThenEmpty() {
        assertThat(SecretSetting.read("E2EE_KEK", null, "")).isEmpty();
    }

    @Test
    void readWhenFileUnreadableThenFailsNamingTheFileVariableNotTheContent() {
        String missing = dir.resolve("missing").toString();

        assertThatThrownBy(() -> SecretSetting.read("E2EE_PEPPER", null, missing))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessage("E2EE_PEPPER_FILE cannot be read: " + missing);
    }
}
