package dev.e2ee.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Issue 7 (2): PostgreSQL goes away under load. The vault fails fast (every call is answered within
 * {@link Http#CALL_TIMEOUT}: no hung threads) with a problem document that leaks nothing, readiness goes 503, and it
 * recovers by itself; every write that got a 2xx — before, during or after — is present afterwards.
 */
@Order(80)
class PostgresOutageTests extends ClusterTest {

    @Test
    void postgresOutageWhenUnderLoadThenVaultFailsFastReadinessDownAndRecoversWithNothingLost() {
        long pid = cluster.vault.pid();
        List<Load.Outcome> outcomes;
        long cutAt;
        long restoredAt;
        try (Load load = new Load(2, Load.promptsAndEnvelopes(api))) {
            load.awaitAcknowledged(10, Duration.ofSeconds(60));
            cutAt = System.nanoTime();
            cluster.postgresProxy.cut();
            try {
                Faults.await("vault readiness 503", Duration.ofSeconds(30), () -> cluster.vault.readyStatus() == 503);
                Http.Response create = api.createPrompt(api.user(), Sensitive.promptText(), Sensitive.secret());
                assertThat(create.status())
                        .as("fails fast and closed: " + create)
                        .isBetween(500, 599);
                assertThat(ApiAbuseTests.isProblem(create)).isTrue();
                assertThat(create.body()).doesNotContainIgnoringCase("sql").doesNotContainIgnoringCase("hikari");
                // not ready = 503, or no answer within the probe timeout (the check waits on the dead connection)
                Faults.holds(
                        "vault never reports ready while PostgreSQL is down",
                        Duration.ofSeconds(5),
                        Duration.ofMillis(500),
                        () -> cluster.vault.readyStatus() != 200);
            } finally {
                restoredAt = System.nanoTime();
                cluster.postgresProxy.restore();
            }
            Faults.await("vault ready again", Duration.ofSeconds(60), () -> cluster.vault.readyStatus() == 200);
            Faults.await(
                    "prompt creation works again",
                    Duration.ofSeconds(60),
                    () -> api.createPrompt(api.user(), Sensitive.promptText(), Sensitive.secret())
                                    .status()
                            == 201);
            load.awaitAcknowledgedSince(restoredAt, 10, Duration.ofSeconds(60));
            outcomes = load.stop();
        }
        System.out.println("[system-test] vault load during the PostgreSQL test: " + Load.summary(outcomes));
        List<Load.Outcome> during =
                Load.between(outcomes, cutAt + Duration.ofSeconds(1).toNanos(), restoredAt);
        assertThat(during).as("requests during the outage were answered").isNotEmpty();
        assertThat(during)
                .allSatisfy(o -> assertThat(o.status()).as(o.toString()).isBetween(500, 599));
        assertThat(outcomes)
                .as("every call answered (no hang, no dropped connection)")
                .allSatisfy(o -> assertThat(o.status()).as(o.toString()).isNotEqualTo(-1));
        assertThat(cluster.vault.pid()).as("no restart").isEqualTo(pid);
        Faults.assertAcknowledgedWritesPresent(api, outcomes);
    }

    @Test
    void postgresDownWhenWritingThen503ServiceUnavailable() {
        cluster.postgresProxy.cut();
        try {
            Faults.await("vault readiness 503", Duration.ofSeconds(30), () -> cluster.vault.readyStatus() == 503);
            Http.Response create = api.createPrompt(api.user(), Sensitive.promptText(), Sensitive.secret());
            assertThat(create.status()).as(create.toString()).isEqualTo(503);
            assertThat(create.json().path("code").asString()).isEqualTo("SERVICE_UNAVAILABLE");
        } finally {
            cluster.postgresProxy.restore();
        }
        Faults.await("vault ready again", Duration.ofSeconds(60), () -> cluster.vault.readyStatus() == 200);
    }
}
