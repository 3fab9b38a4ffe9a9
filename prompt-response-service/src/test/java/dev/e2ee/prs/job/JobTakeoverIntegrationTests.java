package dev.e2ee.prs.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.e2ee.prs.IntegrationTestBase;
import dev.e2ee.prs.audit.AuditPublisher;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.RedisStreamCommands.XClaimOptions;
import org.springframework.data.redis.connection.stream.PendingMessage;
import tools.jackson.databind.JsonNode;

/**
 * Duplicate runs of one job (issue 4 point 5, at-least-once (docs/prompt-response-api.md#async-jobs) and idempotent): against real Redis, on a stream
 * of its own (so the application's background workers stay out of it), with a claim timeout of 1.5 s (heartbeat every 375 ms).
 */
class JobTakeoverIntegrationTests extends IntegrationTestBase {

    private static final Duration CLAIM_IDLE = Duration.ofMillis(1500);

    @Autowired
    JobStore queue;

    @Autowired
    AuditPublisher audit;

    @Autowired
    JobHeartbeat heartbeat;

    private final JobProperties properties = new JobProperties(
            "e2ee:test:jobs:" + UUID.randomUUID(),
            "workers",
            0,
            Duration.ofMillis(50),
            CLAIM_IDLE,
            Duration.ofMillis(100),
            5,
            Duration.ofMinutes(5),
            Duration.ofSeconds(1));
    private JobConsumerGroup stream;

    @BeforeEach
    void stream() {
        stream = new JobConsumerGroup(redis, properties);
        stream.ensureGroup();
    }

    @AfterEach
    void removeStream() {
        redis.delete(properties.stream());
    }

    @Test
    void jobRunTwiceWhenTheLaterRunFinishesSecondThenTheFirstResultStaysStable() throws Exception {
        UUID jobId = submit("frank");
        JobConsumerGroup.Delivery first = stream.readNew("slow-run", 1).get(0);
        JobConsumerGroup.Delivery duplicate =
                new JobConsumerGroup.Delivery(first.id(), first.fields(), 2, "duplicate-run");
        CountDownLatch slowStarted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        String tail = auditStreamTail();
        Thread slow = new Thread(() -> worker(request -> {
                    slowStarted.countDown();
                    awaitLatch(release);
                    return result("run A");
                })
                .handle(first));
        slow.start();
        assertThat(slowStarted.await(10, TimeUnit.SECONDS)).isTrue();

        worker(request -> result("run B")).handle(duplicate);
        JsonNode shown = json(get("/api/v1/responses/" + jobId, userToken("frank")));
        release.countDown();
        slow.join(10_000);

        assertThat(shown.at("/response/result").asString()).isEqualTo("run B");
        for (int i = 0; i < 2; i++) {
            HttpResponse<String> again = get("/api/v1/responses/" + jobId, userToken("frank"));
            assertThat(again.statusCode()).isEqualTo(200);
            assertThat(json(again)).as("one result, the same on every read").isEqualTo(shown);
        }
        assertThat(pending()).as("both runs acknowledged the entry").isEmpty();
        assertThat(auditEventsSince(tail))
                .filteredOn(e -> ("req-" + jobId).equals(e.path("requestId").asString()))
                .as("one job.complete event")
                .hasSize(1);
    }

    @Test
    void twoRunsRacingToCompleteWhenBothFinishThenExactlyOneResultIsStored() throws Exception {
        UUID jobId = submit("gina");
        JobConsumerGroup.Delivery first = stream.readNew("racer-a", 1).get(0);
        JobConsumerGroup.Delivery second = new JobConsumerGroup.Delivery(first.id(), first.fields(), 2, "racer-b");
        CountDownLatch bothRunning = new CountDownLatch(2);
        Thread a = new Thread(() -> worker(request -> {
                    bothRunning.countDown();
                    awaitLatch(bothRunning);
                    return result("racer A");
                })
                .handle(first));
        a.start();
        worker(request -> {
                    bothRunning.countDown();
                    awaitLatch(bothRunning);
                    return result("racer B");
                })
                .handle(second);
        a.join(10_000);

        String stored = queue.load(jobId, "gina").orElseThrow().result();
        assertThat(stored).containsAnyOf("racer A", "racer B");
        HttpResponse<String> shown = get("/api/v1/responses/" + jobId, userToken("gina"));
        assertThat(json(shown).at("/response/result").asString()).isIn("racer A", "racer B");
        assertThat(queue.load(jobId, "gina").orElseThrow().result()).isEqualTo(stored);
    }

    @Test
    void longRunningJobWhenItOutlastsTheClaimTimeoutThenNoOtherConsumerTakesItOver() throws Exception {
        UUID jobId = submit("hank");
        JobConsumerGroup.Delivery delivery = stream.readNew("long-runner", 1).get(0);
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger runs = new AtomicInteger();
        Thread runner = new Thread(() -> worker(request -> {
                    runs.incrementAndGet();
                    started.countDown();
                    awaitLatch(release);
                    return result("long call");
                })
                .handle(delivery));
        runner.start();
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

        // a running job is not stale: no take-over for twice the claim timeout
        await().during(CLAIM_IDLE.multipliedBy(2))
                .atMost(CLAIM_IDLE.multipliedBy(3))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> stream.claimStale("thief", 10), List::isEmpty);
        release.countDown();
        runner.join(10_000);

        assertThat(runs).hasValue(1);
        assertThat(queue.load(jobId, "hank").orElseThrow().result()).contains("long call");
        assertThat(pending()).isEmpty();
    }

    @Test
    void jobOfADeadConsumerWhenIdleForTheClaimTimeoutThenTakenOverAndCompleted() {
        UUID jobId = submit("iris");
        assertThat(stream.readNew("dead-consumer", 1)).hasSize(1);

        List<JobConsumerGroup.Delivery> claimed = await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> stream.claimStale("survivor", 10), c -> !c.isEmpty());

        assertThat(claimed).singleElement().satisfies(d -> {
            assertThat(d.consumer()).isEqualTo("survivor");
            assertThat(d.deliveries()).isEqualTo(2);
        });
        worker(request -> result("taken over")).handle(claimed.get(0));
        HttpResponse<String> done = get("/api/v1/responses/" + jobId, userToken("iris"));
        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(json(done).at("/response/result").asString()).isEqualTo("taken over");
        assertThat(pending()).isEmpty();
    }

    @Test
    void heartbeatOfAConsumerWhenAnotherHasClaimedTheJobThenDoesNotTakeItBack() {
        submit("jack");
        JobConsumerGroup.Delivery mine = stream.readNew("presumed-dead", 1).get(0);
        redis.opsForStream()
                .claim(
                        properties.stream(),
                        properties.group(),
                        "new-owner",
                        XClaimOptions.minIdle(Duration.ZERO).ids(mine.id()));

        assertThat(stream.refreshClaim(mine)).isFalse();
        assertThat(pending())
                .singleElement()
                .satisfies(p -> assertThat(p.getConsumerName()).isEqualTo("new-owner"));
        assertThat(stream.refreshClaim(new JobConsumerGroup.Delivery(mine.id(), mine.fields(), 2, "new-owner")))
                .isTrue();
    }

    private UUID submit(String owner) {
        UUID jobId = UUID.randomUUID();
        queue.save(JobState.pending(jobId, owner, queue.now()));
        JobRequest request = new JobRequest(jobId, owner, "req-" + jobId, null, "{}");
        redis.opsForStream().add(queue.record(request).withStreamKey(properties.stream()));
        return jobId;
    }

    private JobRunner worker(JobHandler handler) {
        return new JobRunner(queue, stream, handler, audit, properties, heartbeat);
    }

    private List<PendingMessage> pending() {
        return redis.opsForStream()
                .pending(properties.stream(), properties.group(), Range.unbounded(), 10)
                .toList();
    }

    private static String result(String text) {
        return JSON.writeValueAsString(java.util.Map.of("id", UUID.randomUUID(), "result", text));
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
