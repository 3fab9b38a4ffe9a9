package dev.e2ee.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Issue 7 (6): optimistic locking under parallel updates, and one-time opening across instances. */
@Order(50)
class ConcurrencyTests extends ClusterTest {

    @Test
    void parallelUpdatesOfOnePromptWhenRacingThenNoUpdateIsLost() throws Exception {
        Api.User owner = api.user();
        UUID id = api.newPrompt(owner, Sensitive.promptText(), Sensitive.secret());
        Map<Long, String> winners = new ConcurrentHashMap<>();
        List<Integer> statuses = java.util.Collections.synchronizedList(new ArrayList<>());
        int threads = 6;
        CyclicBarrier start = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    for (int attempt = 0; attempt < 5; attempt++) {
                        long version = api.vault("GET", "/api/v1/prompts/" + id, owner)
                                .send()
                                .json()
                                .path("version")
                                .asLong();
                        String text = Sensitive.promptText();
                        Http.Response response = api.vault("PUT", "/api/v1/prompts/" + id, owner)
                                .json(Map.of("promptText", text, "version", version))
                                .send();
                        statuses.add(response.status());
                        if (response.status() == 200) {
                            long newVersion = response.json().path("version").asLong();
                            assertThat(newVersion).isEqualTo(version + 1);
                            assertThat(winners.put(newVersion, text))
                                    .as("version %d granted twice", newVersion)
                                    .isNull();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(statuses).as("only 200 or 409").containsOnly(200, 409);
        assertThat(statuses).contains(409);
        JsonNode history = api.vault("GET", "/api/v1/prompts/" + id + "/versions", owner)
                .send()
                .json();
        long current = history.path("currentVersion").asLong();
        assertThat(current).isEqualTo(1 + winners.size());
        Set<Long> versions = new java.util.HashSet<>();
        for (JsonNode version : history.path("versions")) {
            versions.add(version.path("version").asLong());
            String winner = winners.get(version.path("version").asLong());
            if (winner != null) {
                assertThat(version.path("promptText").asString()).isEqualTo(winner);
            }
        }
        for (long v = 1; v <= current; v++) {
            assertThat(versions).as("every version kept").contains(v);
        }
    }

    @Test
    void staleVersionWhenUpdatingThen409AndNothingChanges() {
        Api.User owner = api.user();
        String text = Sensitive.promptText();
        UUID id = api.newPrompt(owner, text, Sensitive.secret());
        assertThat(api.vault("PUT", "/api/v1/prompts/" + id, owner)
                        .json(Map.of("promptText", Sensitive.promptText(), "version", 1))
                        .send()
                        .status())
                .isEqualTo(200);
        Http.Response stale = api.vault("PUT", "/api/v1/prompts/" + id, owner)
                .json(Map.of("promptText", Sensitive.promptText(), "version", 1))
                .send();
        Http.Response staleHeader = api.vault("PUT", "/api/v1/prompts/" + id, owner)
                .header("If-Match", "\"1\"")
                .json(Map.of("promptText", Sensitive.promptText()))
                .send();
        assertThat(stale.status()).isEqualTo(409);
        assertThat(staleHeader.status()).isEqualTo(409);
        assertThat(api.vault("GET", "/api/v1/prompts/" + id, owner)
                        .send()
                        .json()
                        .path("version")
                        .asLong())
                .isEqualTo(2);
    }

    @Test
    void sameEnvelopeOpenedOnTwoInstancesAtOnceThenExactlyOneSucceeds() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 8; round++) {
                Api.User user = api.user();
                JsonNode envelope = api.newEnvelope(user, Sensitive.promptText());
                CyclicBarrier start = new CyclicBarrier(2);
                List<Future<Http.Response>> calls = new ArrayList<>();
                for (int instance = 0; instance < 2; instance++) {
                    int target = instance;
                    calls.add(pool.submit(() -> {
                        start.await();
                        return api.decrypt(target, user, envelope);
                    }));
                }
                List<Integer> statuses = new ArrayList<>();
                for (Future<Http.Response> call : calls) {
                    statuses.add(call.get().status());
                }
                assertThat(statuses).as("round " + round).containsExactlyInAnyOrder(200, 409);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
