package dev.e2ee.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

/** Shared checks of the fault suites. */
final class Faults {

    private Faults() {}

    /** Waits until {@code condition} holds; returns how long it took, fails after {@code timeout}. */
    static Duration await(String what, Duration timeout, BooleanSupplier condition) {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + timeout + ": " + what);
            }
            ServiceProcess.sleep(200);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        System.out.println("[system-test] " + what + " after " + took.toMillis() + " ms");
        return took;
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
