package dev.e2ee.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The repository's deployment files, located from the module directory the tests run in. */
final class RepositoryFiles {

    private RepositoryFiles() {}

    static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.isDirectory(dir.resolve("k8s")) && Files.isRegularFile(dir.resolve("docker-compose.yml"))) {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("repository root (with k8s/ and docker-compose.yml) not found");
    }

    static Path path(String relative) {
        return root().resolve(relative);
    }

    static String read(String relative) {
        try {
            return Files.readString(path(relative), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses one YAML document with SnakeYAML's safe constructor (plain maps, lists and scalars). */
    @SuppressWarnings("unchecked")
    static Map<Object, Object> yaml(String relative) {
        return (Map<Object, Object>) new Yaml(new SafeConstructor(new LoaderOptions())).load(read(relative));
    }

    @SuppressWarnings("unchecked")
    static Map<Object, Object> map(Object value) {
        return value == null ? Map.of() : (Map<Object, Object>) value;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value) {
        return value == null ? List.of() : (List<Object>) value;
    }
}
