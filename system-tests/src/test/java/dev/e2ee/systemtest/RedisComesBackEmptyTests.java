package dev.e2ee.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Issue 14 (14.14): Redis restarts without its data under load (here: connections cut, every {@code e2ee:*} key of
 * the suite's database removed, connections restored). The consumer groups of {@code e2ee:jobs} and
 * {@code e2ee:audit:events} are gone; both services must set them up again by themselves, so async jobs complete and
 * every decryption answered afterwards reaches the vault (envelope status {@code decrypted}). Runs late: the wipe
 * also removes the vault's API-key mirror, which the vault only rebuilds at its next start.
 */
@Order(120)
class RedisComesBackEmptyTests extends ClusterTest {

    @Test
    void redisWhenItComesBackEmptyUnderLoadThenAsyncJobsCompleteAndEveryDecryptionReachesTheVault() {
        Api.User user = api.user();
        List<JsonNode> envelopes = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            envelopes.add(api.newEnvelope(user, Sensitive.promptText()));
        }
        try (Load load = new Load(2, Load.promptsAndEnvelopes(api))) {
            load.awaitAcknowledged(10, Duration.ofSeconds(60));
            cluster.redisProxy.cut();
            Infra.clearRedisDatabase(cluster.redis);
            cluster.redisProxy.restore();
            for (ServiceProcess prompt : cluster.prompts) {
                Faults.await(prompt.name() + " ready", Duration.ofSeconds(60), () -> prompt.readyStatus() == 200);
            }
            for (int i = 0; i < envelopes.size(); i++) {
                JsonNode envelope = envelopes.get(i);
                int instance = i % cluster.prompts.size();
                Faults.await("decryption " + i + " answered", Duration.ofSeconds(30), () -> {
                    Http.Response decrypt = api.decrypt(instance, user, envelope);
                    assertThat(decrypt.status()).as(decrypt.toString()).isIn(200, 503);
                    return decrypt.status() == 200;
                });
            }
            List<String> jobs = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                jobs.add(submitJob(i % cluster.prompts.size(), user));
            }
            for (int i = 0; i < jobs.size(); i++) {
                String job = jobs.get(i);
                int instance = i % cluster.prompts.size();
                Faults.await(
                        "async job " + i + " done",
                        Duration.ofSeconds(60),
                        () -> api.prompt(instance, "GET", "/api/v1/responses/" + job, user)
                                        .send()
                                        .status()
                                == 200);
            }
            load.stop();
        }
        for (JsonNode envelope : envelopes) {
            String id = envelope.path("id").asString();
            Faults.await(
                    "envelope " + id + " decrypted at the vault",
                    Duration.ofSeconds(60),
                    () -> "decrypted"
                            .equals(api.vault("GET", "/api/v1/envelopes/" + id, user)
                                    .send()
                                    .json()
                                    .path("status")
                                    .asString()));
        }
    }

    private static String submitJob(int instance, Api.User user) {
        Http.Response accepted = api.prompt(instance, "POST", "/api/v1/prompts/process", user)
                .json(Map.of("promptText", Sensitive.promptText(), "options", Map.of("async", true)))
                .send();
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        return accepted.json().path("id").asString();
    }
}
