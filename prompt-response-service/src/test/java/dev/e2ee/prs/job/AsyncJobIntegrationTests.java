package dev.e2ee.prs.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.e2ee.prs.IntegrationTestBase;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.connection.stream.Consumer;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.ReadOffset;
import org.springframework.data.redis.connection.stream.StreamOffset;
import org.springframework.data.redis.connection.stream.StreamReadOptions;
import org.springframework.data.redis.core.RedisOperations;
import org.springframework.data.redis.core.SessionCallback;

class AsyncJobIntegrationTests extends IntegrationTestBase {

    @Autowired
    JobStore queue;

    @Autowired
    JobProperties properties;

    private HttpResponse<String> awaitResponse(String location, String token, Predicate<HttpResponse<String>> done) {
        return await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> get(location, token), done);
    }

    @Test
    void asyncWhenRedisLostTheJobStreamAndItsGroupThenGroupRecreatedAndJobCompletes() {
        String alice = userToken("alice");
        String text = "after an empty Redis " + UUID.randomUUID();
        redis.delete(properties.stream());

        HttpResponse<String> accepted = post(
                "/api/v1/prompts/process", alice, "{\"promptText\":\"" + text + "\",\"options\":{\"async\":true}}");

        assertThat(accepted.statusCode()).isEqualTo(202);
        String location = accepted.headers().firstValue("Location").orElseThrow();
        HttpResponse<String> done = awaitResponse(location, alice, r -> r.statusCode() != 202);
        assertThat(done.statusCode()).as("job still pending: %s", done.body()).isEqualTo(200);
        assertThat(json(done).at("/response/result").asString()).isEqualTo("Processed: " + text);
    }

    @Test
    void asyncWhenRequestedThenAcceptedAndLaterDoneForOwnerOnly() {
        String alice = userToken("alice");
        String text = "async " + UUID.randomUUID();

        HttpResponse<String> accepted = post(
                "/api/v1/prompts/process", alice, "{\"promptText\":\"" + text + "\",\"options\":{\"async\":true}}");

        assertThat(accepted.statusCode()).isEqualTo(202);
        String id = json(accepted).path("id").asString();
        assertThat(json(accepted).path("status").asString()).isEqualTo("pending");
        String location = accepted.headers().firstValue("Location").orElseThrow();
        assertThat(location).isEqualTo("/api/v1/responses/" + id);
        HttpResponse<String> done = awaitResponse(location, alice, r -> r.statusCode() != 202);
        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(json(done).at("/response/result").asString()).isEqualTo("Processed: " + text);
        assertThat(get(location, userToken("bob")).statusCode()).isEqualTo(404);
        assertThat(get("/api/v1/responses/" + UUID.randomUUID(), alice).statusCode())
                .isEqualTo(404);
        assertThat(get(location + "?format=text", alice).body()).isEqualTo("Processed: " + text);
    }

    @Test
    void asyncWhenSessionBelongsToSomeoneElseThenNotFoundAtOnce() {
        String session = json(post("/api/v1/sessions", userToken("alice"), ""))
                .path("id")
                .asString();
        String body = "{\"promptText\":\"x\",\"sessionId\":\"" + session + "\",\"options\":{\"async\":true}}";

        assertThat(post("/api/v1/prompts/process", userToken("bob"), body).statusCode())
                .isEqualTo(404);
        assertThat(post("/api/v1/prompts/process", userToken("alice"), body).statusCode())
                .isEqualTo(202);
    }

    @Test
    void asyncWhenWorkerDiesMidJobThenAnotherConsumerClaimsAndFinishesIt() {
        String owner = "dora";
        UUID jobId = UUID.randomUUID();
        queue.save(JobState.pending(jobId, owner, queue.now()));
        String payload = "{\"owner\":\"dora\",\"promptId\":\"" + UUID.randomUUID()
                + "\",\"promptText\":\"survives a crash\",\"options\":{}}";
        MapRecord<String, String, String> entry = queue.record(new JobRequest(jobId, owner, "req-dead", null, payload));

        List<Object> results = redis.execute(new SessionCallback<>() {
            @Override
            @SuppressWarnings({"unchecked", "rawtypes"})
            public List<Object> execute(RedisOperations operations) throws DataAccessException {
                operations.multi();
                operations.opsForStream().add(entry);
                operations
                        .opsForStream()
                        .read(
                                Consumer.from(properties.group(), "dead-worker"),
                                StreamReadOptions.empty().count(1),
                                StreamOffset.create(properties.stream(), ReadOffset.lastConsumed()));
                return operations.exec();
            }
        });
        assertThat(results).hasSize(2);
        assertThat((List<?>) results.get(1))
                .as("the dead consumer received the job")
                .hasSize(1);

        HttpResponse<String> done =
                awaitResponse("/api/v1/responses/" + jobId, userToken(owner), r -> r.statusCode() != 202);

        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(json(done).at("/response/result").asString()).isEqualTo("Processed: survives a crash");
        assertThat(queue.load(jobId, owner))
                .hasValueSatisfying(s -> assertThat(s.status()).isEqualTo(JobState.Status.DONE));
    }

    @Test
    void asyncWhenJobAlreadyDoneAndDeliveredAgainThenNotRerun() {
        UUID jobId = UUID.randomUUID();
        JobState done = JobState.pending(jobId, "erin", queue.now()).done("{\"marker\":\"first run\"}", queue.now());
        queue.save(done);
        MapRecord<String, String, String> entry = queue.record(new JobRequest(
                jobId,
                "erin",
                null,
                null,
                "{\"owner\":\"erin\",\"promptId\":\"" + UUID.randomUUID()
                        + "\",\"promptText\":\"again\",\"options\":{}}"));

        redis.opsForStream().add(entry);
        // the worker deletes the entry only after it finished with the job, so a re-run would have written by then
        await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> !inStream(jobId));

        assertThat(queue.load(jobId, "erin"))
                .hasValueSatisfying(s -> assertThat(s.result()).isEqualTo("{\"marker\":\"first run\"}"));
    }

    private boolean inStream(UUID jobId) {
        return redis
                .opsForStream()
                .range(properties.stream(), org.springframework.data.domain.Range.unbounded())
                .stream()
                .anyMatch(
                        r -> jobId.toString().equals(String.valueOf(r.getValue().get("jobId"))));
    }
}
