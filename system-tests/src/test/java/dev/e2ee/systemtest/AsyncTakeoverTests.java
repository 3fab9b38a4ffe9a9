package dev.e2ee.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Issue 7 (5): an async job whose instance is killed ({@code kill -9}) in the middle of the (slow) LLM call is
 * taken over and completed by the other instance; the caller sees exactly one result, stable across reads.
 */
@Order(110)
class AsyncTakeoverTests {

    private static Cluster cluster;
    private static Api api;

    @BeforeAll
    static void cluster() {
        cluster = Cluster.get();
        api = new Api(cluster);
    }

    @Test
    void jobWhoseInstanceDiesMidCallWhenPolledThenCompletedOnceByTheOtherInstance() {
        Api.User user = api.user();
        String marker = Sensitive.marker("job");
        String text = "Slow job " + marker + " " + LlmStub.SLOW;
        cluster.llm.slowMillis(6000);
        Http.Response accepted = api.prompt(0, "POST", "/api/v1/prompts/process", user)
                .json(Map.of("promptText", text, "options", Map.of("async", true)))
                .send();
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        String jobId = accepted.json().path("id").asString();

        Faults.await("the LLM call started", Duration.ofSeconds(60), () -> cluster.llm.callsFor(marker) >= 1);
        int port = cluster.llm.callerPort(marker).orElseThrow();
        ServiceProcess worker = SocketOwner.of(port, cluster.prompts)
                .orElseThrow(() -> new AssertionError("no instance owns the LLM connection"));
        ServiceProcess survivor = cluster.prompts.get(0) == worker ? cluster.prompts.get(1) : cluster.prompts.get(0);
        int survivorIndex = cluster.prompts.indexOf(survivor);
        worker.kill();
        System.out.println("[system-test] killed " + worker.name() + " mid-call; " + survivor.name() + " takes over");

        AtomicReference<Http.Response> done = new AtomicReference<>();
        Faults.await("the job completed on " + survivor.name(), Duration.ofSeconds(90), () -> {
            Http.Response poll = api.prompt(survivorIndex, "GET", "/api/v1/responses/" + jobId, user)
                    .send();
            assertThat(poll.status()).as(poll.toString()).isIn(200, 202);
            done.set(poll);
            return poll.status() == 200;
        });
        JsonNode first = done.get().json().path("response");
        assertThat(first.path("result").asString()).isEqualTo("answer:" + text);
        JsonNode again = api.prompt(survivorIndex, "GET", "/api/v1/responses/" + jobId, user)
                .send()
                .json()
                .path("response");
        assertThat(again).as("one result, the same on every read").isEqualTo(first);
        System.out.println("[system-test] LLM calls for the job: " + cluster.llm.callsFor(marker)
                + " (at-least-once delivery; the caller sees one result)");
        cluster.restart(worker);
        assertThat(api.prompt(cluster.prompts.indexOf(worker), "GET", "/api/v1/responses/" + jobId, user)
                        .send()
                        .json()
                        .path("response"))
                .as("the restarted instance serves the same single result")
                .isEqualTo(first);
    }
}
