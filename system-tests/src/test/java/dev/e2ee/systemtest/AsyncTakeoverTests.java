package dev.e2ee.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Issue 7 (5): an async job whose instance is killed ({@code kill -9}) in the middle of the (slow) LLM call is
 * taken over and completed by the other instance; the caller sees exactly one result, stable across reads.
 */
@Order(110)
class AsyncTakeoverTests extends ClusterTest {

    @BeforeAll
    static void allReady() {
        cluster.awaitAllReady();
    }

    /** Each test kills one instance: both must be up (restarted if needed) before the next one starts. */
    @BeforeEach
    void bothInstancesReady() {
        cluster.awaitAllReady();
    }

    @Test
    void jobWhoseInstanceDiesMidCallWhenPolledThenCompletedOnceByTheOtherInstance() {
        Api.User user = api.user();
        String marker = Sensitive.marker("job");
        String text = "Slow job " + marker + " " + LlmStub.SLOW;
        cluster.llm.slowMillis(Cluster.CLAIM_IDLE.toMillis() / 2); // shorter than the claim timeout
        Taken taken = submitAndKillTheWorker(user, marker, text);

        JsonNode first = awaitResult(taken, user);
        assertThat(first.path("result").asString()).isEqualTo("answer:" + text);
        // a late duplicate would show up within the claim timeout
        Faults.holds(
                "one result, the same on every read",
                Cluster.CLAIM_IDLE.plusSeconds(2),
                Duration.ofSeconds(1),
                () -> first.equals(result(taken.survivorIndex(), taken.jobId(), user)));
        System.out.println("[system-test] LLM calls for the job: " + cluster.llm.callsFor(marker)
                + " (at-least-once delivery; the caller sees one result)");
        cluster.restartInBackground(taken.worker());
    }

    @Test
    void jobOutlastingTheClaimTimeoutWhenPolledThenItsResultNeverChanges() {
        Api.User user = api.user();
        String marker = Sensitive.marker("longjob");
        String text = "Long job " + marker + " " + LlmStub.SLOW;
        cluster.llm.slowMillis(Cluster.CLAIM_IDLE.toMillis() + 4000);
        Taken taken = submitAndKillTheWorker(user, marker, text);
        JsonNode first = awaitResult(taken, user);
        Faults.holds(
                "the result never changes",
                Cluster.CLAIM_IDLE.multipliedBy(2).plusSeconds(6),
                Duration.ofSeconds(2),
                () -> first.equals(result(taken.survivorIndex(), taken.jobId(), user)));
        cluster.restartInBackground(taken.worker());
    }

    private record Taken(String jobId, ServiceProcess worker, int survivorIndex) {}

    private static Taken submitAndKillTheWorker(Api.User user, String marker, String text) {
        Http.Response accepted = api.prompt(0, "POST", "/api/v1/prompts/process", user)
                .json(Map.of("promptText", text, "options", Map.of("async", true)))
                .send();
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        Faults.await("the LLM call started", Duration.ofSeconds(60), () -> cluster.llm.callsFor(marker) >= 1);
        int port = cluster.llm.callerPort(marker).orElseThrow();
        ServiceProcess worker = SocketOwner.of(port, cluster.prompts)
                .orElseThrow(() -> new AssertionError("no instance owns the LLM connection"));
        ServiceProcess survivor = cluster.prompts.get(0) == worker ? cluster.prompts.get(1) : cluster.prompts.get(0);
        worker.kill();
        System.out.println("[system-test] killed " + worker.name() + " mid-call; " + survivor.name() + " takes over");
        return new Taken(accepted.json().path("id").asString(), worker, cluster.prompts.indexOf(survivor));
    }

    private static JsonNode awaitResult(Taken taken, Api.User user) {
        AtomicReference<JsonNode> done = new AtomicReference<>();
        // ~1 poll/s keeps a 20 s takeover far below the 100/min rate limit
        Faults.await("the job completed on the survivor", Duration.ofSeconds(90), Duration.ofMillis(800), () -> {
            Http.Response poll = api.prompt(taken.survivorIndex(), "GET", "/api/v1/responses/" + taken.jobId(), user)
                    .send();
            assertThat(poll.status()).as(poll.toString()).isIn(200, 202);
            done.set(poll.json().path("response"));
            return poll.status() == 200;
        });
        return done.get();
    }

    private static JsonNode result(int instance, String jobId, Api.User user) {
        return api.prompt(instance, "GET", "/api/v1/responses/" + jobId, user)
                .send()
                .json()
                .path("response");
    }
}
