package dev.e2ee.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Issue 7 (11), run last: after everything else, nothing the suite sent as confidential — prompt texts, secrets,
 * API keys, tokens, private keys, KEKs, pepper, JWT secret — appears in PostgreSQL, Redis or any service log.
 * A canary (a value that must be stored) proves each source was actually read.
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
