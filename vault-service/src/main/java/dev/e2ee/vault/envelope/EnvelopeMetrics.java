package dev.e2ee.vault.envelope;

import dev.e2ee.crypto.CryptoProvider;
import dev.e2ee.platform.metrics.LatencyTargets;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Meters of envelope creation (docs/metrics.md): {@code envelopes_created_total{status}}, {@code encryption_duration_seconds{algorithm,provider}}
 * ({@code provider} = {@code native} or {@code jdk}, {@link CryptoProvider#name()}), {@code encryption_errors_total};
 * and {@code envelopes_expired_total} (envelopes the sweeper moved to {@code expired}).
 */
@Component
class EnvelopeMetrics {

    /**
     * Prometheus client 1.x reserves the {@code _created} suffix, so {@code envelopes_created} cannot be a meter
     * name; the counter is registered under this name and {@link MetricsNameFilter} renames it in the scrape output
     * to the documented name {@code envelopes_created_total}.
     */
    static final String EXPOSED_AS_ISSUED = "vault_envelopes_issued";

    private final MeterRegistry registry;
    private final Timer encryption;
    private final Counter encryptionErrors;
    private final Counter expired;

    EnvelopeMetrics(MeterRegistry registry, CryptoProvider provider) {
        this.registry = registry;
        this.encryption = Timer.builder("encryption_duration")
                .description("Time to seal an envelope (AES-256-GCM + RSA-OAEP-256 + RSA-PSS)")
                .tag("algorithm", "AES-256-GCM")
                .tag("provider", provider.name())
                .publishPercentileHistogram()
                .serviceLevelObjectives(LatencyTargets.buckets())
                .register(registry);
        this.expired = Counter.builder("envelopes.expired")
                .description("Pending envelopes moved to expired by the expiry sweeper")
                .register(registry);
        this.encryptionErrors = Counter.builder("encryption_errors")
                .description("Envelope sealing failures")
                .register(registry);
    }

    <T> T timeEncryption(Supplier<T> sealing) {
        return encryption.record(sealing);
    }

    void expired(int count) {
        expired.increment(count);
    }

    void encryptionFailed() {
        encryptionErrors.increment();
    }

    void created(String status) {
        Counter.builder(EXPOSED_AS_ISSUED)
                .description("Envelope creation requests by outcome")
                .tag("status", status)
                .register(registry)
                .increment();
    }
}
