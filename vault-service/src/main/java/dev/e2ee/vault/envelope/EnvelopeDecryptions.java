package dev.e2ee.vault.envelope;

import dev.e2ee.vault.audit.AuditStreamEvent;
import dev.e2ee.vault.audit.EnvelopeDecryptionSink;
import java.time.Clock;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records a decrypt attempt reported by the prompt-response service (idempotent by event id) and moves the
 * envelope to {@code decrypted} on success. Events for unknown envelopes only leave their audit row, and so do failures
 * reported for a principal that is neither the envelope's owner nor its {@code audience} (issue 14.5): another
 * user's failed attempt never lands in the owner's decryption records.
 */
@Component
class EnvelopeDecryptions implements EnvelopeDecryptionSink {

    private final EnvelopeRepository envelopes;
    private final Clock clock;

    EnvelopeDecryptions(EnvelopeRepository envelopes, Clock clock) {
        this.envelopes = envelopes;
        this.clock = clock;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(AuditStreamEvent event) {
        envelopes.recordDecryption(event, clock.instant());
    }
}
