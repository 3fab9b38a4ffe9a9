package dev.e2ee.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * k8s/components/monitoring as rendered in the prod overlay: ServiceMonitors on the services' own port, the
 * PrometheusRule checked and unit-tested with promtool (skipped without promtool, failing in CI mode like the nginx
 * tests), runbook links that resolve, and the Grafana dashboard ConfigMap.
 */
class MonitoringComponentTests {

    private static final Pattern ANCHOR = Pattern.compile("docs/runbook\\.md#([a-z0-9-]+)$");

    @TempDir
    Path dir;

    @Test
    void prodOverlayWhenRenderedThenOneServiceMonitorPerServiceOnItsOwnPortAndMetricsPath() {
        RenderedOverlay prod = Overlays.kustomized("prod", "kubectl is needed to render components");
        for (String service : Overlays.SERVICES) {
            GenericKubernetesResource monitor = custom(prod, "ServiceMonitor", service);
            Map<String, Object> spec = map(monitor.getAdditionalProperties().get("spec"));
            assertThat(map(map(spec.get("selector")).get("matchLabels")))
                    .containsEntry("app.kubernetes.io/name", service);
            assertThat(list(spec.get("endpoints"))).singleElement().satisfies(endpoint -> {
                assertThat(map(endpoint)).containsEntry("port", "http").containsEntry("path", "/api/v1/metrics");
            });
            assertThat(monitor.getMetadata().getNamespace()).isEqualTo("e2ee");
        }
    }

    @Test
    void devOverlayWhenRenderedThenHasNoMonitoringObjects() {
        RenderedOverlay dev = Overlays.get("dev");
        assertThat(dev.all(GenericKubernetesResource.class)).isEmpty();
    }

    @Test
    void prometheusRuleWhenRenderedThenEveryAlertHasASeverityAndARunbookSectionThatExists() {
        String runbook = RepositoryFiles.read("docs/runbook.md");
        List<Map<String, Object>> alerts = alerts(ruleSpec());
        assertThat(alerts).hasSizeGreaterThanOrEqualTo(12);
        for (Map<String, Object> alert : alerts) {
            String name = (String) alert.get("alert");
            assertThat(map(alert.get("labels"))).as(name).containsKey("severity");
            String url = (String) map(alert.get("annotations")).get("runbook_url");
            Matcher anchor = ANCHOR.matcher(url == null ? "" : url);
            assertThat(anchor.find()).as(name + " runbook_url " + url).isTrue();
            assertThat(anchor.group(1)).isEqualTo(name.toLowerCase(java.util.Locale.ROOT));
            assertThat(runbook).as("docs/runbook.md heading for " + name).contains("\n## " + name + "\n");
        }
    }

    @Test
    void prometheusRuleWhenCheckedAndUnitTestedWithPromtoolThenPasses() throws Exception {
        Path promtool = HostTools.required("promtool", "prometheus", "alert rule tests");
        Files.writeString(
                dir.resolve("rules.yaml"), YAMLMapper.builder().build().writeValueAsString(ruleSpec()));
        Files.copy(
                RepositoryFiles.path("deploy-checks/src/test/resources/promtool/alerts-test.yaml"),
                dir.resolve("alerts-test.yaml"));

        String check = run(promtool, "check", "rules", "rules.yaml");
        String test = run(promtool, "test", "rules", "alerts-test.yaml");

        assertThat(check).contains("SUCCESS: " + alerts(ruleSpec()).size() + " rules found");
        assertThat(test).contains("SUCCESS");
    }

    @Test
    void promtoolTestsWhenReadThenEveryAlertIsTestedFiringAndQuiet() {
        String tests = RepositoryFiles.read("deploy-checks/src/test/resources/promtool/alerts-test.yaml");
        for (Map<String, Object> alert : alerts(ruleSpec())) {
            String name = (String) alert.get("alert");
            Matcher cases = Pattern.compile("alertname: " + name + "\\n\\s+exp_alerts:( \\[\\])?")
                    .matcher(tests);
            List<Boolean> quiet = new ArrayList<>();
            while (cases.find()) {
                quiet.add(cases.group(1) != null);
            }
            assertThat(quiet)
                    .as(name + ": firing (false) and quiet (true) cases")
                    .contains(true, false);
        }
    }

    @Test
    void dashboardWhenRenderedThenShippedAsOneSidecarConfigMapHoldingTheComponentFile() {
        RenderedOverlay prod = Overlays.kustomized("prod", "kubectl is needed to render components");
        ConfigMap dashboard = prod.all(ConfigMap.class).stream()
                .filter(c -> c.getMetadata().getName().startsWith("e2ee-grafana-dashboard"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no dashboard ConfigMap"));
        assertThat(dashboard.getMetadata().getLabels()).containsEntry("grafana_dashboard", "1");
        assertThat(dashboard.getData())
                .containsEntry(
                        "e2ee-dashboard.json", RepositoryFiles.read("k8s/components/monitoring/e2ee-dashboard.json"));
        assertThat(RepositoryFiles.path("docs/grafana/e2ee-dashboard.json"))
                .as("one copy only: docs/grafana/README.md links to the component's file")
                .doesNotExist();
    }

    /** The PrometheusRule's spec from the rendered prod overlay, or the component file without kubectl. */
    private static Map<String, Object> ruleSpec() {
        RenderedOverlay prod = Overlays.get("prod");
        if (prod.kustomized()) {
            return map(custom(prod, "PrometheusRule", "e2ee-alerts")
                    .getAdditionalProperties()
                    .get("spec"));
        }
        HasMetadata file = StrictKubernetesModel.typedAll(
                        RepositoryFiles.read("k8s/components/monitoring/prometheusrule.yaml"))
                .get(0);
        return map(((GenericKubernetesResource) file).getAdditionalProperties().get("spec"));
    }

    private static List<Map<String, Object>> alerts(Map<String, Object> spec) {
        return list(spec.get("groups")).stream()
                .flatMap(group -> list(map(group).get("rules")).stream())
                .map(MonitoringComponentTests::map)
                .filter(rule -> rule.containsKey("alert"))
                .toList();
    }

    private static GenericKubernetesResource custom(RenderedOverlay overlay, String kind, String name) {
        return overlay.all(GenericKubernetesResource.class).stream()
                .filter(r ->
                        kind.equals(r.getKind()) && name.equals(r.getMetadata().getName()))
                .findFirst()
                .orElseThrow(() -> new AssertionError(overlay.name() + ": no " + kind + " " + name));
    }

    private String run(Path promtool, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(promtool.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        System.out.println("promtool " + String.join(" ", args) + ":\n" + out);
        assertThat(process.exitValue()).as(out).isZero();
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value == null ? Map.of() : (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        return value == null ? List.of() : (List<Object>) value;
    }
}
