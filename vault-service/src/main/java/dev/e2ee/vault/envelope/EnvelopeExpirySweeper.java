package dev.e2ee.vault.envelope;

import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Moves pending envelopes past their expiry to {@code expired}. Reads already show the computed status, so this
 * only keeps the stored status (and list filters) honest; running it on several instances is harmless.
 */
@Component
class EnvelopeExpirySweeper implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(EnvelopeExpirySweeper.class);

    private final EnvelopeRepository envelopes;
    private final EnvelopeMetrics metrics;
    private final Clock clock;
    private final EnvelopeProperties properties;

    EnvelopeExpirySweeper(
            EnvelopeRepository envelopes, EnvelopeMetrics metrics, Clock clock, EnvelopeProperties properties) {
        this.envelopes = envelopes;
        this.metrics = metrics;
        this.clock = clock;
        this.properties = properties;
    }

    /** Sweeps every {@code e2ee.vault.envelopes.expiry-sweep-interval}, the first time 10 s after startup. */
    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        tasks.addFixedDelayTask(
                new FixedDelayTask(this::expire, properties.expirySweepInterval(), Duration.ofSeconds(10)));
    }

    /** One {@code UPDATE} statement: atomic on its own, no transaction needed around it. */
    void expire() {
        int expired = envelopes.expirePending(clock.instant());
        metrics.expired(expired);
        if (expired > 0) {
            log.info("marked {} envelopes expired", expired);
        }
    }
}
