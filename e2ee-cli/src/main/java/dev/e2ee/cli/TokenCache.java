package dev.e2ee.cli;

import dev.e2ee.client.Models.Token;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tokens by server URL in {@code $E2EE_CONFIG_DIR/tokens.json} (default {@code ~/.config/e2ee}), written with mode
 * 0600 in a 0700 folder, replaced atomically. Expired tokens are not returned.
 */
final class TokenCache {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private TokenCache() {}

    static Path configDir() {
        String configured = System.getenv("E2EE_CONFIG_DIR");
        return configured != null && !configured.isBlank()
                ? Path.of(configured)
                : Path.of(System.getProperty("user.home"), ".config", "e2ee");
    }

    static Optional<Token> load(URI url) {
        Map<String, Map<String, String>> all = read();
        Map<String, String> entry = all.get(url.toString());
        if (entry == null || entry.get("accessToken") == null) {
            return Optional.empty();
        }
        Instant expiresAt = entry.get("expiresAt") == null ? null : Instant.parse(entry.get("expiresAt"));
        if (expiresAt != null && !Instant.now().isBefore(expiresAt)) {
            return Optional.empty();
        }
        return Optional.of(new Token(entry.get("accessToken"), expiresAt));
    }

    static void store(URI url, Token token) {
        Map<String, Map<String, String>> all = read();
        Map<String, String> entry = new LinkedHashMap<>();
        entry.put("accessToken", token.accessToken());
        if (token.expiresAt() != null) {
            entry.put("expiresAt", token.expiresAt().toString());
        }
        all.put(url.toString(), entry);
        write(JSON.writeValueAsString(all));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, String>> read() {
        Path file = configDir().resolve("tokens.json");
        if (!Files.isRegularFile(file)) {
            return new LinkedHashMap<>();
        }
        try {
            return JSON.readValue(Files.readString(file), LinkedHashMap.class);
        } catch (IOException | JacksonException e) {
            return new LinkedHashMap<>();
        }
    }

    static void write(String content) {
        try {
            Path dir = Files.createDirectories(configDir());
            Private.restrict(dir, "rwx------");
            Path temp = Files.createTempFile(dir, "tokens", ".tmp");
            Private.restrict(temp, "rw-------");
            Files.writeString(temp, content, StandardCharsets.UTF_8);
            Files.move(
                    temp,
                    dir.resolve("tokens.json"),
                    StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the token cache in " + configDir(), e);
        }
    }

    /** Owner-only permissions where the file system has POSIX permissions. */
    static final class Private {
        private Private() {}

        static void restrict(Path path, String permissions) throws IOException {
            if (Files.getFileStore(path).supportsFileAttributeView("posix")) {
                Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
            }
        }
    }
}
