package dev.e2ee.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Issue 18: after real traffic (a prompt, an envelope opened once, replayed and tampered with, a sync and an async
 * process), both services' {@code /api/v1/metrics} hold every metric name the alert rules and the Grafana dashboard of
 * k8s/components/monitoring query, the operator meters moved as the traffic says, and no series carries an owner,
 * prompt or envelope id.
 */
@Order(26)
class MetricsScrapeTests {

    /** Names the rules and the dashboard take from kube-state-metrics, cAdvisor or Prometheus itself. */
    static final Set<String> EXTERNAL = Set.of(
            "kube_pod_container_status_restarts_total",
            "kube_pod_container_resource_limits",
            "container_memory_working_set_bytes");

    private static final Set<String> PROMQL_WORDS = Set.of(
            "sum",
            "min",
            "max",
            "avg",
            "count",
            "rate",
            "irate",
            "increase",
            "deriv",
            "histogram_quantile",
            "clamp_min",
            "clamp_max",
            "abs",
            "absent",
            "and",
            "or",
            "unless",
            "by",
            "without",
            "on",
            "ignoring",
            "group_left",
            "group_right",
            "offset",
            "bool",
            "e",
            "Inf",
            "NaN");
    private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w.$])[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern EXPR = Pattern.compile(
            "\"?expr\"?\\s*:\\s*(?:\\|\\s*\\n)?((?:.|\\n)*?)(?=\\n\\s*(?:for|labels|\"legendFormat\"|\"refId\")\\b|\"\\s*,?\\s*\\n)");

    private static Api api;
    private static Cluster cluster;
    private static Api.User user;
    private static UUID promptId;
    private static String envelopeId;
    private static Scrape vaultBefore;
    private static Scrape promptBefore;
    private static int promptInstance;

    @BeforeAll
    static void traffic() {
        cluster = Cluster.get();
        api = new Api(cluster);
        promptInstance = cluster.livePrompt();
        vaultBefore = Scrape.of(api.vault());
        promptBefore = Scrape.of(api.prompt(promptInstance));
        user = api.user();
        String secret = Sensitive.secret();
        promptId = api.newPrompt(user, Sensitive.promptText(), secret);
        Http.Response created = api.createEnvelope(user, promptId, secret);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode envelope = Api.wire(created.json());
        envelopeId = envelope.path("id").asString();
        assertThat(api.decrypt(promptInstance, user, envelope).status()).isEqualTo(200);
        assertThat(api.decrypt(promptInstance, user, envelope).status()).isEqualTo(409);
        ObjectNode tampered = (ObjectNode) envelope.deepCopy();
        tampered.put("id", UUID.randomUUID().toString());
        assertThat(api.decrypt(promptInstance, user, tampered).status()).isEqualTo(400);
        Http.Response sync = api.prompt(promptInstance, "POST", "/api/v1/prompts/process", user)
                .json(Map.of("promptText", Sensitive.promptText()))
                .send();
        assertThat(sync.status()).as(sync.toString()).isEqualTo(200);
        Http.Response async = api.prompt(promptInstance, "POST", "/api/v1/prompts/process", user)
                .json(Map.of("promptText", Sensitive.promptText(), "options", Map.of("async", true)))
                .send();
        assertThat(async.status()).as(async.toString()).isEqualTo(202);
        String jobId = async.json().path("id").asString();
        Faults.await("the async job finished", Duration.ofSeconds(60), Duration.ofMillis(500), () -> {
            return api.prompt(promptInstance, "GET", "/api/v1/responses/" + jobId, user)
                            .send()
                            .status()
                    == 200;
        });
    }

    @Test
    void bothServicesWhenScrapedAfterTrafficThenEveryNameTheRulesAndDashboardQueryExists() throws IOException {
        Set<String> names = new TreeSet<>();
        names.addAll(metricNames(Files.readString(repository("k8s/components/monitoring/prometheusrule.yaml"))));
        names.addAll(metricNames(Files.readString(repository("k8s/components/monitoring/e2ee-dashboard.json"))));
        names.removeAll(EXTERNAL);
        assertThat(names).as("names parsed from the rules and the dashboard").hasSizeGreaterThan(20);

        Scrape vault = Scrape.of(api.vault());
        Scrape prompt = Scrape.of(api.prompt(promptInstance));

        assertThat(names)
                .as("metric names queried by the rules/dashboard but absent from both scrapes")
                .allMatch(name -> vault.has(name) || prompt.has(name));
        System.out.println(
                "[system-test] " + names.size() + " metric names of the rules and dashboard found: " + names);
    }

    @Test
    void operatorMetersWhenTrafficSentThenMovedAsExpected() {
        Scrape vault = Scrape.of(api.vault());
        Scrape prompt = Scrape.of(api.prompt(promptInstance));

        assertThat(vault.sum("envelopes_created_total", "status=\"success\"")
                        - vaultBefore.sum("envelopes_created_total", "status=\"success\""))
                .isGreaterThanOrEqualTo(1);
        assertThat(prompt.sum("envelopes_rejected_total", "reason=\"replayed\"")
                        - promptBefore.sum("envelopes_rejected_total", "reason=\"replayed\""))
                .isEqualTo(1);
        assertThat(prompt.sum("envelopes_rejected_total", "reason=\"signature\"")
                        - promptBefore.sum("envelopes_rejected_total", "reason=\"signature\""))
                .as("an envelope whose signed id was changed")
                .isEqualTo(1);
        assertThat(prompt.sum("decryption_duration_seconds_count", "provider=")).isGreaterThanOrEqualTo(1);
        assertThat(vault.sum("encryption_duration_seconds_count", "provider=")).isGreaterThanOrEqualTo(1);
        assertThat(prompt.sum("jobs_timeout_seconds", "")).isEqualTo(Cluster.CLAIM_IDLE.toSeconds() * 5.0);
        assertThat(vault.sum("dependency_up", "dependency=\"postgresql\"")).isEqualTo(1);
        assertThat(vault.sum("dependency_up", "dependency=\"redis\"")).isEqualTo(1);
        assertThat(prompt.sum("dependency_up", "dependency=\"redis\"")).isEqualTo(1);
        assertThat(prompt.has("dependency_up{dependency=\"postgresql\"")).isFalse();
        assertThat(vault.sum("signing_keys", "status=\"primary\"")).isEqualTo(1);
        assertThat(vault.sum("signing_key_max_age_seconds", ""))
                .isEqualTo(Duration.ofDays(90).toSeconds());
        assertThat(vault.sum("signing_key_age_seconds", "")).isGreaterThanOrEqualTo(0);
    }

    @Test
    void scrapesWhenReadThenNoOwnerPromptOrEnvelopeIdAndNoConfidentialMarker() {
        for (Scrape scrape : List.of(Scrape.of(api.vault()), Scrape.of(api.prompt(promptInstance)))) {
            assertThat(scrape.text())
                    .doesNotContain(user.subject())
                    .doesNotContain(promptId.toString())
                    .doesNotContain(envelopeId)
                    .doesNotContainPattern("Mk[0-9a-f]{24}");
        }
    }

    /** Metric names in PromQL expressions of a rule file or dashboard: label matchers, ranges and words removed. */
    static Set<String> metricNames(String file) {
        Set<String> names = new TreeSet<>();
        Matcher expr = EXPR.matcher(file);
        while (expr.find()) {
            String promql = expr.group(1)
                    .replace("\\\"", "\"")
                    .replaceAll("\\{[^}]*}", " ")
                    .replaceAll("\\[[^]]*]", " ")
                    .replaceAll("\\b(by|without|on|ignoring)\\s*\\([^)]*\\)", " ");
            Matcher identifier = IDENTIFIER.matcher(promql);
            while (identifier.find()) {
                if (!PROMQL_WORDS.contains(identifier.group())) {
                    names.add(identifier.group());
                }
            }
        }
        return names;
    }

    private static Path repository(String relative) {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("k8s/components/monitoring"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new AssertionError("repository root not found");
        }
        return dir.resolve(relative);
    }

    /** One Prometheus text scrape: series lines by metric name. */
    record Scrape(String text, Map<String, List<String>> series) {

        static Scrape of(java.net.URI base) {
            Http.Response response = Http.call(base, "GET", "/api/v1/metrics").send();
            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            Map<String, List<String>> series = new LinkedHashMap<>();
            for (String line : response.body().split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    String name = line.split("[{ ]", 2)[0];
                    series.computeIfAbsent(name, n -> new java.util.ArrayList<>())
                            .add(line);
                }
            }
            return new Scrape(response.body(), series);
        }

        boolean has(String nameOrPrefix) {
            return nameOrPrefix.contains("{") ? text.contains(nameOrPrefix) : series.containsKey(nameOrPrefix);
        }

        /** The sum of the values of {@code name}'s series whose line contains {@code labelFragment}. */
        double sum(String name, String labelFragment) {
            return series.getOrDefault(name, List.of()).stream()
                    .filter(line -> line.contains(labelFragment))
                    .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                    .sum();
        }
    }
}
