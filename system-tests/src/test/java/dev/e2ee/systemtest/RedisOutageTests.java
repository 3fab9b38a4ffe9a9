package dev.e2ee.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Issue 7 (1): Redis goes away under steady load. The vault keeps creating prompts and envelopes (rate limits per
 * instance, health says redis down); the prompt-response service fails closed with 503 and reports not ready; both
 * recover by themselves when Redis returns, without a restart.
 */
@Order(70)
class RedisOutageTests extends ClusterTest {

    private static volatile String lastRedisStatus = "";

    @Test
    void redisOutageWhenUnderLoadThenVaultServesPromptServiceFailsClosedAndBothRecover() {
        List<Long> pids = cluster.all().stream().map(ServiceProcess::pid).toList();
        List<Load.Outcome> outcomes;
        long cutAt;
        long restoredAt;
        try (Load load = new Load(2, Load.promptsAndEnvelopes(api))) {
            load.awaitAcknowledged(10, Duration.ofSeconds(60));
            cutAt = System.nanoTime();
            cluster.redisProxy.cut();
            try {
                Faults.await(
                        "vault health reports redis degraded",
                        Duration.ofSeconds(30),
                        () -> "DEGRADED".equals(vaultRedisStatus()));
                Faults.await(
                        "prompt-response readiness 503",
                        Duration.ofSeconds(30),
                        () -> cluster.prompt().readyStatus() == 503);
                Http.Response process = processText(0);
                assertThat(process.status()).as("fail closed: " + process).isEqualTo(503);
                assertThat(ApiAbuseTests.isProblem(process)).isTrue();
                Http.Response decrypt = api.decrypt(1, api.user(), Map.of("version", 2));
                assertThat(decrypt.status())
                        .as("no unaudited opening: " + decrypt)
                        .isIn(400, 503);
                // not ready = 503, or no answer within the probe timeout (the check waits on the dead connection)
                Faults.holds(
                        "prompt-response never reports ready while Redis is down",
                        Duration.ofSeconds(4),
                        Duration.ofMillis(500),
                        () -> cluster.prompt().readyStatus() != 200);
            } finally {
                restoredAt = System.nanoTime();
                cluster.redisProxy.restore();
            }
            Faults.await(
                    "vault health reports redis up", Duration.ofSeconds(60), () -> "UP".equals(vaultRedisStatus()));
            for (ServiceProcess prompt : cluster.prompts) {
                Faults.await(prompt.name() + " ready again", Duration.ofSeconds(60), () -> prompt.readyStatus() == 200);
            }
            Faults.await(
                    "processing works again",
                    Duration.ofSeconds(30),
                    () -> processText(1).status() == 200);
            load.awaitAcknowledgedSince(restoredAt, 10, Duration.ofSeconds(60));
            outcomes = load.stop();
        }
        System.out.println("[system-test] vault load during the Redis test: " + Load.summary(outcomes));
        List<Load.Outcome> during =
                Load.between(outcomes, cutAt + Duration.ofSeconds(3).toNanos(), restoredAt);
        assertThat(during).as("the vault kept serving during the outage").isNotEmpty();
        assertThat(during)
                .allSatisfy(o -> assertThat(o.status()).as(o.toString()).isBetween(200, 299));
        assertThat(during.stream().flatMap(o -> o.ids().stream())).anyMatch(id -> id.startsWith("envelope:"));
        assertThat(outcomes.stream().filter(o -> o.status() >= 500 || o.status() == -1))
                .as("no vault request failed at any time")
                .isEmpty();
        assertThat(cluster.all().stream().map(ServiceProcess::pid).toList())
                .as("recovered without a restart")
                .isEqualTo(pids);
        Faults.assertAcknowledgedWritesPresent(api, outcomes);
    }

    /**
     * {@code components.redis.status} of the vault's health; each change is printed with the whole answer, so that a
     * timeout shows what the vault reported instead (another status, no answer, another body).
     */
    private static String vaultRedisStatus() {
        Http.Response health = Http.call(api.vault(), "GET", "/api/v1/health").send();
        String status =
                health.json().path("components").path("redis").path("status").asString();
        if (!status.equals(lastRedisStatus)) {
            System.out.println("[system-test] vault health: " + health);
            lastRedisStatus = status;
        }
        return status;
    }

    private static Http.Response processText(int instance) {
        return api.prompt(instance, "POST", "/api/v1/prompts/process", api.user())
                .json(Map.of("promptText", Sensitive.promptText()))
                .send();
    }
}
