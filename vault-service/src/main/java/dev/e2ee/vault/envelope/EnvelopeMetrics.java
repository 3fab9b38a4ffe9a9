package dev.e2ee.vault.envelope;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * SPEC §11 meters: {@code envelopes_created_total{status}}, {@code encryption_duration_seconds{algorithm}},
 * {@code encryption_errors_total}.
 */
@Component
class EnvelopeMetrics {

    private final MeterRegistry registry;
    private final Timer encryption;
    private final Counter encryptionErrors;

    EnvelopeMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.encryption = Timer.builder("encryption_duration")
                .description("Time to seal an envelope (AES-256-GCM + RSA-OAEP-256 + RSA-PSS)")
                .tag("algorithm", "AES-256-GCM")
                .publishPercentileHistogram()
                .register(registry);
        this.encryptionErrors = Counter.builder("encryption_errors")
                .description("Envelope sealing failures")
                .register(registry);
    }

    <T> T timeEncryption(Supplier<T> sealing) {
        return encryption.record(sealing);
    }

    void encryptionFailed() {
        encryptionErrors.increment();
    }

    void created(String status) {
        Counter.builder("envelopes_created")
                .description("Envelope creation requests by outcome")
                .tag("status", status)
                .register(registry)
                .increment();
    }
}
