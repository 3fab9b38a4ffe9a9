package dev.e2ee.prs.envelope;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * Metrics of envelope opening (docs/architecture.md#metrics): {@code envelopes_decrypted_total{success}} and
 * {@code decryption_duration_seconds{algorithm}} (verification, unwrap and decryption).
 */
@Component
class OpeningMetrics {

    private final MeterRegistry registry;
    private final Counter succeeded;
    private final Counter failed;

    OpeningMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.succeeded = counter(registry, "true");
        this.failed = counter(registry, "false");
    }

    void succeeded() {
        succeeded.increment();
    }

    void failed() {
        failed.increment();
    }

    void recordDuration(String algorithm, long nanos) {
        Timer.builder("decryption.duration")
                .description("Time to verify and decrypt an envelope")
                .tag("algorithm", algorithm)
                .register(registry)
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    private static Counter counter(MeterRegistry registry, String success) {
        return Counter.builder("envelopes.decrypted")
                .description("Envelopes opened, by outcome")
                .tag("success", success)
                .register(registry);
    }
}
