package dev.e2ee.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Issue 7 (11), run last: after everything else, nothing the suite sent as confidential — prompt texts, secrets,
 * API keys, tokens, private keys, KEKs, pepper, JWT secret — appears in PostgreSQL, Redis, any service log (ECS JSON,
 * {@code LOG_FORMAT=json}) or any span the services exported (tracing on, every request sampled; issue 18).
 * A canary (a value that must be stored) proves each source was actually read; a positive control proves the scan
 * reports a value hidden in a span body or a JSON log line.
 */
@Order(1000)
class AtRestAndLogScanTests {

    private static Cluster cluster;
    private static Api api;
    private static String canarySubject;

    @BeforeAll
    static void cluster() {
        cluster = Cluster.current(); // as the other suites left it: no restart needed to scan
        api = new Api(cluster);
        int prompt = cluster.livePrompt();
        Api.User user = api.user();
        canarySubject = user.subject();
        String promptText = Sensitive.promptText();
        api.newPrompt(user, promptText, Sensitive.secret()); // the owner column holds the subject, the text must not
        Http.Response session =
                api.prompt(prompt, "POST", "/api/v1/sessions", user).send();
        api.prompt(prompt, "POST", "/api/v1/prompts/process", user)
                .json(java.util.Map.of(
                        "promptText",
                        promptText,
                        "sessionId",
                        session.json().path("id").asString()))
                .send();
    }

    @Test
    void postgresWhenScannedThenNoPlaintextSecretKeyOrToken() throws Exception {
        List<LeakScanner.Chunk> chunks = LeakScanner.postgres(cluster.postgres);
        assertThat(chunks)
                .as("canary: the owner subject is stored")
                .anyMatch(chunk -> chunk.text().contains(canarySubject));
        assertThat(leaks(chunks)).isEmpty();
        System.out.println("[system-test] PostgreSQL: " + chunks.size() + " values scanned for " + Sensitive.size()
                + " confidential values");
    }

    @Test
    void redisWhenScannedThenNoPlaintextSecretKeyOrToken() {
        List<LeakScanner.Chunk> chunks = LeakScanner.redis(cluster.redis);
        assertThat(chunks)
                .as("canary: the session of the canary user exists")
                .anyMatch(chunk -> chunk.source().startsWith("redis e2ee:session:"));
        assertThat(leaks(chunks)).isEmpty();
        System.out.println("[system-test] Redis: " + chunks.size() / 2 + " keys scanned");
    }

    @Test
    void serviceLogsWhenScannedThenNoPlaintextSecretKeyOrToken() throws Exception {
        List<LeakScanner.Chunk> chunks = LeakScanner.logs(cluster.logs());
        assertThat(chunks.size()).as("every process start has a log").isGreaterThanOrEqualTo(3);
        assertThat(chunks)
                .as("canary: the logs were written")
                .anyMatch(chunk -> chunk.text().contains("Started"));
        assertThat(leaks(chunks)).isEmpty();
    }

    @Test
    void exportedSpansWhenScannedThenNoPlaintextSecretKeyOrToken() throws Exception {
        List<LeakScanner.Chunk> chunks = LeakScanner.logs(List.of(cluster.otlp.file()));
        assertThat(chunks.get(0).text())
                .as("canary: server spans of both services were exported")
                .contains("http post /api/v1/prompts/process", "http post /api/v1/prompts", "job run");
        assertThat(leaks(chunks)).isEmpty();
        System.out.println(
                "[system-test] exported spans: " + chunks.get(0).text().length() + " bytes scanned");
    }

    @Test
    void scanWhenAConfidentialValueIsInASpanBodyOrAJsonLogLineThenReported() throws IOException {
        String secret = Sensitive.secret();
        String keyLine = Sensitive.remember("MC4CAQAwBQYDK2VuBCIEI+/control=" + secret.substring(6, 14));
        Path dir = Files.createTempDirectory(cluster.logDirectory.getParent(), "scan-control");
        Path span = dir.resolve("span.otlp");
        Files.write(span, new byte[] {0x0a, (byte) 0x80, 0x01, 0x12});
        Files.write(
                span,
                ("db.statement" + secret).getBytes(StandardCharsets.UTF_8),
                java.nio.file.StandardOpenOption.APPEND);
        Path log = dir.resolve("vault-control.log");
        Files.writeString(
                log, "{\"@timestamp\":\"x\",\"message\":\"key " + keyLine + "\",\"ecs\":{\"version\":\"8.11\"}}\n");

        assertThat(leaks(LeakScanner.logs(List.of(span, log))))
                .as("the scan reads span bodies and JSON log lines")
                .hasSize(2);
    }

    private static List<String> leaks(List<LeakScanner.Chunk> chunks) {
        List<String> leaks = new ArrayList<>();
        for (LeakScanner.Chunk chunk : chunks) {
            for (String found : Sensitive.findIn(chunk.text())) {
                leaks.add(chunk.source() + ": " + found);
            }
        }
        return leaks;
    }
}
