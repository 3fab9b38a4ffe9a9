package dev.e2ee.deploy;

import static dev.e2ee.deploy.RepositoryFiles.list;
import static dev.e2ee.deploy.RepositoryFiles.map;
import static org.assertj.core.api.Assertions.assertThat;

import dev.e2ee.deploy.SettingsList.Setting;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * {@code docs/settings.md} is the one list of settings: every variable the deployments set is in it (for the service
 * that gets it), every listed variable is read by the code, and every setting the docs name is listed. A failure says
 * which row to add or what to change where.
 */
class SettingsListTests {

    private static final Map<String, String> MODULES =
            Map.of(SettingsList.VAULT, "vault-service", SettingsList.PROMPT, "prompt-response-service");

    /** Where a documented name looks like a setting; error codes and test-harness variables are not settings. */
    private static final Pattern DOCUMENTED = Pattern.compile("`((?:E2EE|JWT|RATE_LIMIT|REDIS|DATABASE|OPENAI|API_KEY"
            + "|AUDIT|SENDER|RECEIVER|PROMPT_SERVICE|PROMPT_PROCESSOR|VAULT_JWKS|SIGNING_KEY|LOG|ALLOWED|SPRING|SERVER"
            + "|FORWARD|TRACING|OTEL|MANAGEMENT|LOGGING)[A-Z0-9_]*)`");

    private static final Pattern BENCH_ENV_ARRAY =
            Pattern.compile("\\b(?:COMMON|LAUNCH_ENV|VAULT_ENV|PROMPT_ENV)=\\(([^)]*)\\)");
    private static final Pattern ASSIGNMENT = Pattern.compile("(?<![A-Za-z0-9_$])([A-Z][A-Z0-9_]*)=");
    private static final Pattern CONFIGURATION_PROPERTIES = Pattern.compile(
            "@ConfigurationProperties\\(\"([a-z0-9.-]+)\"\\)\\s*(?:public\\s+)?record \\w+\\(([^{]*)\\)");
    private static final Pattern COMPONENT = Pattern.compile("(\\w+)\\s*,?\\s*$");

    private final SettingsList list = SettingsList.read();

    @Test
    void deploymentsWhenTheySetAVariableThenItIsListedForThatService() {
        List<String> problems = new ArrayList<>();
        deploymentVariables().forEach(variable -> {
            Setting setting = list.settings().get(variable.name());
            if (setting == null) {
                problems.add(variable.name() + " is set in " + variable.place() + " but not listed: add to "
                        + SettingsList.FILE + " the row "
                        + SettingsList.rowFor(
                                variable.name(), variable.service() == null ? SettingsList.BOTH : variable.service()));
            } else if (variable.service() != null && !setting.readBy(variable.service())) {
                problems.add(variable.name() + " is set for " + variable.service() + " in " + variable.place()
                        + " but " + SettingsList.FILE + " lists it for " + setting.service()
                        + " only: make its service column `both` or stop setting it there");
            }
        });
        assertThat(problems).as("settings the deployments set").isEmpty();
    }

    @Test
    void listWhenASettingIsListedThenTheCodeOfEachOfItsServicesReadsIt() {
        List<String> problems = new ArrayList<>();
        for (Setting setting : list.settings().values()) {
            for (String service : setting.services()) {
                if (!read(setting, service)) {
                    problems.add(SettingsList.FILE + " lists " + setting.name() + " for " + service
                            + " but nothing there reads it: map it in " + MODULES.get(service)
                            + "/src/main/resources/application.yml (`" + setting.property() + ": ${" + setting.name()
                            + ":}`), or correct or remove its row");
                }
            }
        }
        assertThat(problems).as("listed settings nobody reads").isEmpty();
    }

    @Test
    void docsWhenTheyNameASettingThenItIsListed() {
        Set<String> errorCodes = errorCodes();
        List<String> problems = new ArrayList<>();
        for (Path doc : docs()) {
            Matcher name = DOCUMENTED.matcher(text(doc));
            Set<String> seen = new TreeSet<>();
            while (name.find()) {
                String variable = name.group(1);
                if (!list.settings().containsKey(variable)
                        && !errorCodes.contains(variable)
                        && !variable.startsWith("E2EE_TEST_")
                        && seen.add(variable)) {
                    problems.add(RepositoryFiles.root().relativize(doc) + " names " + variable
                            + ", which is not a listed setting: add its row to " + SettingsList.FILE + " ("
                            + SettingsList.rowFor(variable, "<service>") + ") if the code reads it, else remove it"
                            + " from the doc");
                }
            }
        }
        assertThat(problems).as("settings the docs name").isEmpty();
    }

    @Test
    void listWhenReadThenHasTheContractSettingsOfBothServices() {
        assertThat(list.settings())
                .containsKeys("PORT", "JWT_SECRET", "E2EE_KEK", "E2EE_PEPPER", "DATABASE_HOST", "VAULT_JWKS_URL");
        assertThat(list.settings().get("E2EE_PEPPER").service()).isEqualTo(SettingsList.VAULT);
        assertThat(list.settings().get("JWT_SECRET").service()).isEqualTo(SettingsList.BOTH);
    }

    // --- where the deployments set variables ---

    record Variable(String name, String service, String place) {}

    private static List<Variable> deploymentVariables() {
        List<Variable> variables = new ArrayList<>();
        Map<Object, Object> compose =
                map(RepositoryFiles.yaml("docker-compose.yml").get("services"));
        MODULES.forEach((service, module) -> map(map(compose.get(module)).get("environment"))
                .keySet()
                .forEach(
                        name -> variables.add(new Variable(name.toString(), service, "docker-compose.yml " + module))));
        for (String configMap : List.of("k8s/base/configmap.yaml", "k8s/overlays/prod/configmap-endpoints.yaml")) {
            map(RepositoryFiles.yaml(configMap).get("data"))
                    .keySet()
                    .forEach(name -> variables.add(new Variable(name.toString(), null, configMap)));
        }
        MODULES.forEach((service, module) -> deploymentEnv("k8s/base/" + module + ".yaml", module)
                .forEach(name -> variables.add(new Variable(name, service, "k8s/base/" + module + ".yaml"))));
        String runLocal = RepositoryFiles.read("scripts/run-local.sh");
        Map.of(
                        "export_common_env",
                        SettingsList.BOTH,
                        "exec_vault",
                        SettingsList.VAULT,
                        "exec_prompt",
                        SettingsList.PROMPT)
                .forEach((function, service) -> exported(shellFunction(runLocal, function))
                        .forEach(name -> variables.add(new Variable(
                                name,
                                service.equals(SettingsList.BOTH) ? null : service,
                                "scripts/run-local.sh " + function))));
        benchEnvironment().forEach(name -> variables.add(new Variable(name, null, "bench/bench.sh")));
        return variables;
    }

    /** The {@code env} names of the service's own container in a Deployment manifest (a multi-document file). */
    private static Set<String> deploymentEnv(String file, String container) {
        Set<String> names = new TreeSet<>();
        for (Object document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(RepositoryFiles.read(file))) {
            Map<Object, Object> resource = map(document);
            if (!"Deployment".equals(resource.get("kind"))) {
                continue;
            }
            Map<Object, Object> pod =
                    map(map(map(resource.get("spec")).get("template")).get("spec"));
            for (Object each : list(pod.get("containers"))) {
                if (container.equals(map(each).get("name"))) {
                    list(map(each).get("env"))
                            .forEach(env -> names.add(map(env).get("name").toString()));
                }
            }
        }
        assertThat(names).as(file + ": env of container " + container).isNotEmpty();
        return names;
    }

    private static String shellFunction(String script, String name) {
        int start = script.indexOf("\n" + name + "() {");
        assertThat(start).as("function " + name).isNotNegative();
        return script.substring(start, script.indexOf("\n}", start));
    }

    /** Variables a shell function exports: {@code export A=x B=y} and {@code export A B}. */
    private static Set<String> exported(String function) {
        Set<String> names = new TreeSet<>();
        String joined = function.replace("\\\n", " ");
        for (String line : joined.lines().toList()) {
            String trimmed = line.trim();
            if (trimmed.startsWith("export ")) {
                for (String word : trimmed.substring("export ".length()).split("\\s+")) {
                    Matcher name = Pattern.compile("^([A-Z][A-Z0-9_]*)(=|$)").matcher(word);
                    if (name.find()) {
                        names.add(name.group(1));
                    }
                }
            }
        }
        return names;
    }

    /** The variables bench.sh starts the services with: its {@code COMMON}, {@code LAUNCH_ENV}, {@code VAULT_ENV} and {@code PROMPT_ENV} arrays. */
    private static Set<String> benchEnvironment() {
        String script = RepositoryFiles.read("bench/bench.sh");
        StringBuilder arrays = new StringBuilder();
        Matcher array = BENCH_ENV_ARRAY.matcher(script);
        while (array.find()) {
            arrays.append(array.group(1)).append('\n');
        }
        Set<String> names = new TreeSet<>();
        Matcher assignment = ASSIGNMENT.matcher(arrays);
        while (assignment.find()) {
            names.add(assignment.group(1));
        }
        assertThat(names).as("bench.sh environment arrays").contains("PORT", "JWT_SECRET");
        return names;
    }

    // --- whether the code reads a listed variable ---

    private static boolean read(Setting setting, String service) {
        String module = MODULES.get(service);
        return switch (setting.property()) {
            case "entrypoint" ->
                RepositoryFiles.read("scripts/lib/container-entrypoint.sh")
                        .matches("(?s).*\\nfor name in [^;]*\\b"
                                + setting.name().replaceFirst("_FILE$", "") + "\\b[^;]*;.*");
            case "run-local" -> RepositoryFiles.read("scripts/run-local.sh").contains("${" + setting.name());
            default ->
                mappedInYaml(module, setting.name())
                        || relaxedForm(setting.property()).contains(setting.name()) && bound(setting.property(), module)
                        || readByName(setting.name(), module);
        };
    }

    private static boolean mappedInYaml(String module, String name) {
        return resources(module)
                .anyMatch(yml ->
                        text(yml).contains("${" + name + ":") || text(yml).contains("${" + name + "}"));
    }

    /** The environment variable names Spring's relaxed binding maps to a property. */
    private static Set<String> relaxedForm(String property) {
        String upper = property.toUpperCase(java.util.Locale.ROOT).replace('.', '_');
        return new HashSet<>(List.of(upper.replace("-", ""), upper.replace('-', '_')));
    }

    /** Boot reads its own properties; an {@code e2ee.*} one must be a component of a configuration record. */
    private static boolean bound(String property, String module) {
        if (!property.startsWith("e2ee.")) {
            return Stream.of("spring.", "server.", "logging.", "management.").anyMatch(property::startsWith);
        }
        return configurationProperties(module).contains(property);
    }

    private static Set<String> configurationProperties(String module) {
        Set<String> properties = new HashSet<>();
        for (Path source : javaSources(module)) {
            Matcher record = CONFIGURATION_PROPERTIES.matcher(text(source));
            while (record.find()) {
                for (String component : record.group(2).split(",(?![^(]*\\))")) {
                    Matcher name = COMPONENT.matcher(component.trim());
                    if (name.find()) {
                        properties.add(record.group(1) + "." + kebab(name.group(1)));
                    }
                }
            }
        }
        return properties;
    }

    private static boolean readByName(String name, String module) {
        return javaSources(module).stream().anyMatch(source -> text(source).contains("\"" + name + "\""));
    }

    /** Upper-case string literals of the main code (problem codes such as RATE_LIMITED), except where it reads the
     * environment by name. */
    private static Set<String> errorCodes() {
        Set<String> codes = new HashSet<>();
        Pattern literal = Pattern.compile("\"([A-Z][A-Z0-9_]+)\"");
        for (String module : MODULES.values()) {
            for (Path source : javaSources(module)) {
                String code = text(source);
                Matcher each = literal.matcher(code);
                while (!code.contains("getenv") && each.find()) {
                    codes.add(each.group(1));
                }
            }
        }
        return codes;
    }

    // --- files ---

    private static List<Path> javaSources(String module) {
        List<Path> sources = new ArrayList<>();
        for (String each : List.of(module, "service-platform", "crypto-common")) {
            sources.addAll(files(RepositoryFiles.path(each + "/src/main/java"), ".java"));
        }
        return sources;
    }

    private static Stream<Path> resources(String module) {
        return files(RepositoryFiles.path(module + "/src/main/resources"), ".yml").stream();
    }

    private static List<Path> docs() {
        List<Path> docs = new ArrayList<>(files(RepositoryFiles.path("docs"), ".md"));
        docs.add(RepositoryFiles.path("README.md"));
        return docs;
    }

    private static List<Path> files(Path dir, String suffix) {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }
}
