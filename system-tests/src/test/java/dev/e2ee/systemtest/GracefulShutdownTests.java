package dev.e2ee.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Issue 7 (4), the vault: SIGTERM under load completes the requests already in flight (none fails) and the process
 * exits within its grace period. The prompt-response side is {@link PromptServiceShutdownTests}.
 */
@Order(100)
class GracefulShutdownTests extends ClusterTest {

    /** Spring's timeout-per-shutdown-phase (20 s vault, 30 s prompt-response) plus JVM exit. */
    static final Duration GRACE = Duration.ofSeconds(40);
    /** A request sent this long before the signal was certainly read by the server: it must succeed. */
    private static final long IN_FLIGHT_MARGIN = Duration.ofMillis(300).toNanos();

    @Test
    void vaultSigtermWhenUnderLoadThenAcceptedRequestsCompleteAndItExitsInTime() {
        List<Load.Outcome> outcomes;
        long signalledAt;
        OptionalInt exit;
        try (Load load = new Load(4, Load.promptsAndEnvelopes(api))) {
            load.awaitAcknowledged(40, Duration.ofSeconds(60)); // the load is running, requests in flight
            signalledAt = System.nanoTime();
            cluster.vault.signalTerm();
            exit = cluster.vault.awaitExit(GRACE);
            outcomes = load.stop();
        }
        System.out.println("[system-test] vault load around SIGTERM: " + Load.summary(outcomes) + ", exit " + exit);
        assertThat(exit).as("exited within the grace period").isPresent();
        long signalled = signalledAt;
        List<Load.Outcome> accepted = outcomes.stream()
                .filter(o -> o.startedNanos() < signalled - IN_FLIGHT_MARGIN)
                .toList();
        assertThat(accepted).isNotEmpty();
        assertThat(accepted).allSatisfy(o -> assertThat(o.ok()).as(o.toString()).isTrue());
        assertThat(outcomes).as("no request got a 5xx answer").noneMatch(o -> o.status() >= 500);
        cluster.restart(cluster.vault);
        Faults.assertAcknowledgedWritesPresent(api, outcomes);
    }
}
