package dev.e2ee.vault.key;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a secret given either directly ({@code NAME}) or as a file ({@code NAME_FILE}, e.g. a mounted Secret). */
final class ConfiguredSecret {

    private ConfiguredSecret() {}

    static String read(String value, String file, String name) {
        if (VaultKeyProperties.present(value)) {
            return value.trim();
        }
        if (VaultKeyProperties.present(file)) {
            try {
                return Files.readString(Path.of(file.trim()), StandardCharsets.UTF_8)
                        .trim();
            } catch (IOException e) {
                throw new KeyConfigurationException(name + "_FILE cannot be read: " + file, e);
            }
        }
        throw new KeyConfigurationException(name + " or " + name + "_FILE must be set (base64 of a 32-byte key). "
                + "Start with the 'dev' profile to generate local development keys.");
    }
}
