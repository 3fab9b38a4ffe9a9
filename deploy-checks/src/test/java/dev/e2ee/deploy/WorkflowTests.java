package dev.e2ee.deploy;

import static dev.e2ee.deploy.RepositoryFiles.list;
import static dev.e2ee.deploy.RepositoryFiles.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The GitHub workflows parse, pin every action to a commit, and do what docs/deployment.md says. */
class WorkflowTests {

    @ParameterizedTest
    @ValueSource(strings = {".github/workflows/ci.yml", ".github/workflows/deploy.yml"})
    void workflowWhenParsedThenEveryActionIsPinnedToAFullCommitSha(String file) {
        Map<Object, Object> workflow = RepositoryFiles.yaml(file);
        // YAML 1.1 reads the key `on` as boolean true.
        assertThat(workflow.containsKey("on") || workflow.containsKey(Boolean.TRUE))
                .isTrue();
        List<String> uses = steps(workflow).stream()
                .map(step -> step.get("uses"))
                .filter(u -> u != null)
                .map(Object::toString)
                .toList();
        assertThat(uses).isNotEmpty().allSatisfy(u -> assertThat(u).matches("[\\w.-]+/[\\w.-]+@[0-9a-f]{40}"));
    }

    @Test
    void ciWhenParsedThenVerifiesWithPostgresAndRedisBuildsImagesAndSmokeTestsCompose() {
        Map<Object, Object> jobs =
                map(RepositoryFiles.yaml(".github/workflows/ci.yml").get("jobs"));
        Map<Object, Object> verify = map(jobs.get("verify"));
        assertThat(map(verify.get("services"))).containsKeys("postgres", "redis");
        assertThat(map(verify.get("env")))
                .containsKeys("E2EE_TEST_DATABASE_URL", "E2EE_TEST_REDIS_HOST", "E2EE_TEST_REDIS_PORT");
        assertThat(runs(verify)).anyMatch(r -> r.contains("mvn -B -ntp verify"));
        assertThat(RepositoryFiles.read(".github/workflows/ci.yml"))
                .contains("file: ${{ matrix.dockerfile }}", "Dockerfile.vault", "Dockerfile.prompt");
        assertThat(runs(map(jobs.get("compose-smoke"))))
                .anyMatch(r -> r.contains("docker compose up --build"))
                .anyMatch(r -> r.contains("scripts/e2e.sh --no-start"));
    }

    @Test
    void deployWhenParsedThenPushesShaTagsAppliesProdAndRollsBackOnFailure() {
        Map<Object, Object> workflow = RepositoryFiles.yaml(".github/workflows/deploy.yml");
        assertThat(map(workflow.containsKey("on") ? workflow.get("on") : workflow.get(Boolean.TRUE)))
                .containsKey("push");
        String text = RepositoryFiles.read(".github/workflows/deploy.yml");
        assertThat(text)
                .contains("TAG: ${{ github.sha }}")
                .contains("kubectl apply -k k8s/overlays/prod")
                .contains("kubectl -n e2ee rollout status deployment/vault-service")
                .contains("kubectl -n e2ee rollout status deployment/prompt-response-service")
                .contains("kubectl -n e2ee rollout undo deployment/vault-service")
                .contains("kubectl -n e2ee rollout undo deployment/prompt-response-service")
                .doesNotContain(":latest");
    }

    private static List<Map<Object, Object>> steps(Map<Object, Object> workflow) {
        List<Map<Object, Object>> steps = new ArrayList<>();
        for (Object job : map(workflow.get("jobs")).values()) {
            list(map(job).get("steps")).forEach(step -> steps.add(map(step)));
        }
        return steps;
    }

    private static List<String> runs(Map<Object, Object> job) {
        return list(job.get("steps")).stream()
                .map(step -> map(step).get("run"))
                .filter(r -> r != null)
                .map(Object::toString)
                .toList();
    }
}
