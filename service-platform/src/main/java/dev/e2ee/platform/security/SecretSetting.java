package dev.e2ee.platform.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads a secret setting given either directly ({@code NAME}, e.g. {@code E2EE_KEK}) or as a file ({@code NAME_FILE},
 * e.g. a mounted Kubernetes Secret), the one way both services do it. The value wins over the file; the file is read
 * as UTF-8 and both are trimmed. Messages name the setting and the path, never the secret.
 */
public final class SecretSetting {

    private SecretSetting() {}

    /**
     * The value, else the file's content, else empty (whether that is an error, and what to say, is the caller's).
     *
     * @param name the variable's name ({@code E2EE_KEK}); the file variable is {@code name + "_FILE"}
     * @throws UncheckedIOException when the file is named but cannot be read
     */
    public static Optional<String> read(String name, String value, String file) {
        if (present(value)) {
            return Optional.of(value.trim());
        }
        if (present(file)) {
            try {
                return Optional.of(Files.readString(Path.of(file.trim()), StandardCharsets.UTF_8)
                        .trim());
            } catch (IOException e) {
                throw new UncheckedIOException(name + "_FILE cannot be read: " + file, e);
            }
        }
        return Optional.empty();
    }

    private static boolean present(String setting) {
        return setting != null && !setting.isBlank();
    }
}
