package dev.e2ee.prs.envelope;

import dev.e2ee.crypto.CryptoProvider;
import dev.e2ee.crypto.envelope.RejectionReason;
import dev.e2ee.platform.metrics.LatencyTargets;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * Metrics of envelope opening (docs/metrics.md): {@code envelopes_decrypted_total{success}} and
 * {@code decryption_duration_seconds{algorithm,provider}} (verification, unwrap and decryption; {@code provider} =
 * {@code native} or {@code jdk}); and {@code envelopes_rejected_total{reason}}, by reason class (a bounded set, see
 * {@link #reasonClass}): {@code malformed}, {@code unknown_key}, {@code signature}, {@code decryption},
 * {@code expired}, {@code audience}, {@code crypto_error}, and {@code replayed} for an envelope opened a second time.
 */
@Component
class OpeningMetrics {

    static final String REPLAYED = "replayed";
    static final String CRYPTO_ERROR = "crypto_error";

    private final MeterRegistry registry;
    private final String provider;
    private final Counter succeeded;
    private final Counter failed;

    OpeningMetrics(MeterRegistry registry, CryptoProvider provider) {
        this.registry = registry;
        this.provider = provider.name();
        this.succeeded = counter(registry, "true");
        this.failed = counter(registry, "false");
    }

    void succeeded() {
        succeeded.increment();
    }

    /** A failed opening, by reason class ({@link #reasonClass}, {@link #REPLAYED} or {@link #CRYPTO_ERROR}). */
    void failed(String reasonClass) {
        failed.increment();
        Counter.builder("envelopes.rejected")
                .description("Envelopes refused when opened, by reason class")
                .tag("reason", reasonClass)
                .register(registry)
                .increment();
    }

    void recordDuration(String algorithm, long nanos) {
        Timer.builder("decryption.duration")
                .description("Time to verify and decrypt an envelope")
                .tag("algorithm", algorithm)
                .tag("provider", provider)
                .publishPercentileHistogram()
                .serviceLevelObjectives(LatencyTargets.buckets())
                .register(registry)
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    /** The tag value of a rejection reason: a handful of classes, so an attack shows by kind without exploding. */
    static String reasonClass(RejectionReason reason) {
        return switch (reason) {
            case MALFORMED, UNSUPPORTED_ALGORITHM -> "malformed";
            case UNKNOWN_SENDER_KEY, UNKNOWN_RECEIVER_KEY -> "unknown_key";
            case BAD_SIGNATURE, PROMPT_ID_MISMATCH -> "signature";
            case DECRYPTION_FAILED -> "decryption";
            case EXPIRED, NOT_YET_VALID, TOO_OLD -> "expired";
            case WRONG_AUDIENCE, MISSING_AUDIENCE -> "audience";
        };
    }

    private static Counter counter(MeterRegistry registry, String success) {
        return Counter.builder("envelopes.decrypted")
                .description("Envelopes opened, by outcome")
                .tag("success", success)
                .register(registry);
    }
}
