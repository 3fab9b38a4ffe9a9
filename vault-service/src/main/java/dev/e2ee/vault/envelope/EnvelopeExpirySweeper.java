package dev.e2ee.vault.envelope;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moves pending envelopes past their expiry to {@code expired}. Reads already show the computed status, so this
 * only keeps the stored status (and list filters) honest; running it on several instances is harmless.
 */
@Component
class EnvelopeExpirySweeper {

    private static final Logger log = LoggerFactory.getLogger(EnvelopeExpirySweeper.class);

    private final EnvelopeRepository envelopes;
    private final EnvelopeMetrics metrics;
    private final Clock clock;

    EnvelopeExpirySweeper(EnvelopeRepository envelopes, EnvelopeMetrics metrics, Clock clock) {
        this.envelopes = envelopes;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${e2ee.vault.envelopes.expiry-sweep-interval:60s}", initialDelayString = "10s")
    @Transactional
    public void expire() {
        int expired = envelopes.expirePending(clock.instant());
        metrics.expired(expired);
        if (expired > 0) {
            log.info("marked {} envelopes expired", expired);
        }
    }
}
