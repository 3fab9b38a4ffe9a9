package dev.e2ee.deploy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one list of settings, {@code docs/settings.md}: one table row per environment variable, with the service(s)
 * that read it, the property it sets, its default, whether it is secret, and what it does.
 */
record SettingsList(Map<String, Setting> settings) {

    static final String FILE = "docs/settings.md";

    static final String VAULT = "vault";
    static final String PROMPT = "prompt-response";
    static final String BOTH = "both";

    /** {@code property} is a Spring property, {@code entrypoint} or {@code run-local}. */
    record Setting(String name, String service, String property) {

        boolean readBy(String oneService) {
            return service.equals(BOTH) || service.equals(oneService);
        }

        Set<String> services() {
            return service.equals(BOTH) ? Set.of(VAULT, PROMPT) : Set.of(service);
        }
    }

    private static final Pattern ROW = Pattern.compile("^\\| `([A-Z][A-Z0-9_]*)` \\| ([a-z-]+) \\| ([^|]+) \\|.*$");
    private static final Pattern CODE = Pattern.compile("`([^`]+)`");

    static SettingsList read() {
        Map<String, Setting> settings = new LinkedHashMap<>();
        for (String line : RepositoryFiles.read(FILE).lines().toList()) {
            Matcher row = ROW.matcher(line);
            if (row.matches()) {
                Matcher property = CODE.matcher(row.group(3));
                String value =
                        property.find() ? property.group(1) : row.group(3).trim();
                Setting setting = new Setting(row.group(1), row.group(2), value);
                if (settings.put(setting.name(), setting) != null) {
                    throw new IllegalStateException(FILE + " lists " + setting.name() + " twice");
                }
                if (!List.of(VAULT, PROMPT, BOTH).contains(setting.service())) {
                    throw new IllegalStateException(FILE + ": the service of " + setting.name() + " must be " + VAULT
                            + ", " + PROMPT + " or " + BOTH + ", not " + setting.service());
                }
            }
        }
        return new SettingsList(Map.copyOf(settings));
    }

    /** The row to add for a variable that is missing, with what is known filled in. */
    static String rowFor(String name, String service) {
        return "| `" + name + "` | " + service + " | `<property>` | <default> | <yes|no> | <what it does> |";
    }
}
