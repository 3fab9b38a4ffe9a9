package dev.e2ee.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.awaitility.Awaitility;

/** Shared checks of the fault suites. */
final class Faults {

    private Faults() {}

    /** Waits until {@code condition} holds; returns how long it took, fails after {@code timeout}. */
    static Duration await(String what, Duration timeout, BooleanSupplier condition) {
        return await(what, timeout, Duration.ofMillis(200), condition);
    }

    /** {@link #await(String, Duration, BooleanSupplier)}, checking every {@code interval}. */
    static Duration await(String what, Duration timeout, Duration interval, BooleanSupplier condition) {
        long start = System.nanoTime();
        Awaitility.await(what).atMost(timeout).pollInterval(interval).until(condition::getAsBoolean);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        System.out.println("[system-test] " + what + " after " + took.toMillis() + " ms");
        return took;
    }

    /**
     * Checks that {@code condition} holds on every check (every {@code interval}) for {@code period}; a check may take
     * up to a readiness probe's timeout (a service stuck on a dead backend answers late or not at all).
     */
    static void holds(String what, Duration period, Duration interval, BooleanSupplier condition) {
        Awaitility.await(what)
                .during(period)
                .atMost(period.plus(interval.multipliedBy(3)).plus(ServiceProcess.PROBE_TIMEOUT.multipliedBy(2)))
                .pollInterval(interval)
                .until(condition::getAsBoolean);
    }

    /** Every acknowledged prompt is readable with its exact text, every acknowledged envelope has its metadata. */
    static void assertAcknowledgedWritesPresent(Api api, List<Load.Outcome> outcomes) {
        Api.User admin = api.admin();
        int prompts = 0;
        int envelopes = 0;
        for (Load.Outcome outcome : outcomes) {
            for (String id : outcome.ids()) {
                if ((prompts + envelopes) % 50 == 49) {
                    admin = api.admin(); // stay below the per-principal rate limit
                }
                if (id.startsWith("prompt:")) {
                    Http.Response read = api.vault("GET", "/api/v1/prompts/" + id.substring(7), admin)
                            .send();
                    assertThat(read.status())
                            .as("acknowledged " + id + ": " + read)
                            .isEqualTo(200);
                    assertThat(read.json().path("promptText").asString()).isEqualTo(outcome.text());
                    prompts++;
                } else if (id.startsWith("envelope:")) {
                    Http.Response read = api.vault("GET", "/api/v1/envelopes/" + id.substring(9), admin)
                            .send();
                    assertThat(read.status())
                            .as("acknowledged " + id + ": " + read)
                            .isEqualTo(200);
                    envelopes++;
                }
            }
        }
        System.out.println("[system-test] verified " + prompts + " acknowledged prompts and " + envelopes
                + " acknowledged envelopes");
        assertThat(prompts).isPositive();
    }
}
