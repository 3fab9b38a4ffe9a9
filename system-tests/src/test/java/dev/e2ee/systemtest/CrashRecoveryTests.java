package dev.e2ee.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Issue 7 (3): {@code kill -9} of the vault under write load, restart on the same database: every acknowledged
 * prompt, envelope and audit row is present and the audit chain still verifies.
 */
@Order(90)
class CrashRecoveryTests extends ClusterTest {

    @Test
    void vaultKilledWhenUnderWriteLoadThenNothingAcknowledgedIsLostAndTheAuditChainVerifies() {
        java.time.Instant from = java.time.Instant.now().minusSeconds(5);
        List<Load.Outcome> outcomes;
        try (Load load = new Load(3, Load.promptsAndEnvelopes(api))) {
            load.awaitAcknowledged(40, java.time.Duration.ofSeconds(60)); // writes in flight when it dies
            long killedAt = System.nanoTime();
            cluster.vault.kill();
            Faults.await(
                    "the load sees the vault gone",
                    java.time.Duration.ofSeconds(30),
                    () -> load.outcomes().stream().anyMatch(o -> o.startedNanos() > killedAt && !o.ok()));
            outcomes = load.stop();
        }
        System.out.println("[system-test] vault load around kill -9: " + Load.summary(outcomes));
        cluster.restart(cluster.vault);

        Faults.assertAcknowledgedWritesPresent(api, outcomes);
        Set<String> audited = auditedResources(from);
        for (Load.Outcome outcome : outcomes) {
            for (String id : outcome.ids()) {
                assertThat(audited).as("audit row for acknowledged " + id).contains(id.substring(id.indexOf(':') + 1));
            }
        }
        JsonNode verify = api.vault("GET", "/api/v1/audit-logs/verify", api.admin())
                .send()
                .json();
        assertThat(verify.path("valid").asBoolean()).as(verify.toString()).isTrue();
        assertThat(verify.path("checked").asLong()).isPositive();
    }

    /** Resource ids of the create rows of the load's principals (admin view of the audit log). */
    private static Set<String> auditedResources(java.time.Instant from) {
        Set<String> ids = new HashSet<>();
        Api.User admin = api.admin();
        for (String action : List.of("prompt.create", "envelope.create")) {
            for (int page = 1; page <= 50; page++) {
                JsonNode rows = api.vault(
                                "GET",
                                "/api/v1/audit-logs?outcome=success&limit=100&action=" + action + "&from=" + from
                                        + "&page=" + page,
                                admin)
                        .send()
                        .json()
                        .path("data");
                rows.forEach(row -> ids.add(row.path("resourceId").asString()));
                if (rows.size() < 100) {
                    break;
                }
            }
        }
        return ids;
    }
}
