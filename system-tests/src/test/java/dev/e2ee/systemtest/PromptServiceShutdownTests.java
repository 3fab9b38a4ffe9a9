package dev.e2ee.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Issue 7 (4), the prompt-response side: SIGTERM while async jobs run — the instance exits within its grace period
 * and every job (those it was running and those it had not started) is completed, the rest by the other instance.
 */
@Order(85)
class PromptServiceShutdownTests extends ClusterTest {

    @Test
    void promptServiceSigtermWithJobsRunningThenEveryJobCompletesOnTheOtherInstance() {
        Api.User user = api.user();
        cluster.llm.slowMillis(3000);
        List<String> jobIds = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        String batch = Sensitive.marker("batch");
        for (int i = 0; i < 6; i++) {
            String text = "Job " + i + " of " + batch + " " + Sensitive.marker("job") + " " + LlmStub.SLOW;
            Http.Response accepted = api.prompt(0, "POST", "/api/v1/prompts/process", user)
                    .json(Map.of("promptText", text, "options", Map.of("async", true)))
                    .send();
            assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
            jobIds.add(accepted.json().path("id").asString());
            texts.add(text);
        }
        Faults.await("jobs running", Duration.ofSeconds(60), () -> cluster.llm.callsFor(batch) >= 1);
        ServiceProcess stopping = cluster.prompts.get(0);
        ServiceProcess survivor = cluster.prompts.get(1);
        stopping.signalTerm();
        OptionalInt exit = stopping.awaitExit(GracefulShutdownTests.GRACE);
        assertThat(exit).as("exited within the grace period").isPresent();

        for (int i = 0; i < jobIds.size(); i++) {
            String jobId = jobIds.get(i);
            String text = texts.get(i);
            Faults.await("job " + i + " done", Duration.ofSeconds(90), () -> {
                Http.Response poll =
                        api.prompt(1, "GET", "/api/v1/responses/" + jobId, user).send();
                assertThat(poll.status()).as(poll.toString()).isIn(200, 202);
                return poll.status() == 200
                        && poll.json()
                                .path("response")
                                .path("result")
                                .asString()
                                .equals("answer:" + text);
            });
        }
        assertThat(survivor.alive()).isTrue();
        cluster.restartInBackground(stopping);
    }
}
