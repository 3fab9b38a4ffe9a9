package dev.e2ee.vault;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * One persistence path (docs/architecture.md "Persistence"): each table is named in SQL only by its feature's
 * package, and the audit package's API takes no SQL text (features hand it typed events, never statements).
 */
class PersistenceBoundaryTests {

    private static final Path MAIN = Path.of("src/main/java/dev/e2ee/vault");
    private static final Map<String, String> OWNERS = Map.of(
            "prompts", "prompt",
            "prompt_versions", "prompt",
            "prompt_search_tokens", "prompt",
            "envelopes", "envelope",
            "envelope_decryptions", "envelope",
            "api_keys", "apikey",
            "audit_logs", "audit",
            "audit_chain", "audit");
    private static final Pattern TABLE_IN_SQL =
            Pattern.compile("(?i)\\b(?:from|into|update|join|exists \\(select 1 from)\\s+([a-z_]+)\\b");

    @Test
    void tablesWhenNamedInSqlThenOnlyByTheirOwningPackage() throws IOException {
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String pkg = MAIN.relativize(file).getParent() == null
                        ? ""
                        : MAIN.relativize(file).getParent().toString();
                Matcher sql = TABLE_IN_SQL.matcher(Files.readString(file));
                while (sql.find()) {
                    String owner = OWNERS.get(sql.group(1).toLowerCase());
                    if (owner != null && !owner.equals(pkg)) {
                        violations.add(file + ": " + sql.group());
                    }
                }
            }
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void auditApiWhenInspectedThenNoMethodTakesSqlText() throws IOException, ClassNotFoundException {
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.list(MAIN.resolve("audit"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String name = file.getFileName().toString().replace(".java", "");
                for (Method method :
                        Class.forName("dev.e2ee.vault.audit." + name).getDeclaredMethods()) {
                    if (Modifier.isPrivate(method.getModifiers())) {
                        continue;
                    }
                    for (Parameter parameter : method.getParameters()) {
                        if (parameter.getType() == String.class
                                && parameter.getName().toLowerCase().matches(".*(sql|select|statement|query).*")) {
                            violations.add(name + "." + method.getName() + "(" + parameter.getName() + ")");
                        }
                    }
                }
            }
        }
        assertThat(violations).isEmpty();
        assertThat(Stream.of(Class.forName("dev.e2ee.vault.audit.AuditRecorder").getDeclaredClasses())
                        .map(Class::getSimpleName))
                .as("no statement-carrying nested types such as the old AuditRecorder.Change")
                .isEmpty();
    }
}
