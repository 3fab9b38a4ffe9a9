package dev.e2ee.vault.envelope;

import dev.e2ee.vault.audit.AuditStreamEvent;
import dev.e2ee.vault.audit.EnvelopeDecryptionSink;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import org.springframework.jdbc.core.JdbcTemplate;
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

    private final JdbcTemplate jdbc;
    private final Clock clock;

    EnvelopeDecryptions(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(AuditStreamEvent event) {
        Timestamp occurred = Timestamp.from(event.timestamp().truncatedTo(ChronoUnit.MICROS));
        int inserted = jdbc.update(
                """
                INSERT INTO envelope_decryptions (envelope_id, event_id, outcome, reason, principal, request_id,
                                                  client_address, occurred_at, recorded_at)
                SELECT ?, ?, ?, ?, ?, ?, ?, ?, ? WHERE EXISTS (
                    SELECT 1 FROM envelopes WHERE id = ?
                       AND (? = 'success' OR owner = ? OR envelope ->> 'audience' = ?))
                ON CONFLICT (event_id) DO NOTHING""",
                event.envelopeId(),
                event.eventId(),
                event.outcome(),
                cut(event.reason(), 64),
                cut(event.principal(), 255),
                cut(event.requestId(), 128),
                cut(event.clientAddress(), 64),
                occurred,
                Timestamp.from(clock.instant()),
                event.envelopeId(),
                event.outcome(),
                event.principal(),
                event.principal());
        if (inserted == 1 && "success".equals(event.outcome())) {
            jdbc.update(
                    "UPDATE envelopes SET status = 'decrypted', decrypted_at = ? WHERE id = ? AND status <> 'decrypted'",
                    occurred,
                    event.envelopeId());
        }
    }

    private static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
