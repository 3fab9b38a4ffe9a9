package dev.e2ee.vault.envelope;

import static dev.e2ee.vault.SqlTimes.instant;

import dev.e2ee.crypto.envelope.Envelope;
import dev.e2ee.crypto.envelope.EnvelopeJson;
import dev.e2ee.vault.audit.AuditStreamEvent;
import dev.e2ee.vault.audit.PendingAudit;
import dev.e2ee.vault.web.WireValue;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The one mapping of {@code envelopes} and {@code envelope_decryptions} (JdbcClient, see docs/architecture.md
 * "Persistence"). An issued envelope and its audit row are ONE statement: they commit together, in one round trip
 * (the JPA version took a transaction, two inserts, a flush and a commit; docs/performance.md).
 */
@Repository
class EnvelopeRepository {

    private static final String COLUMNS = "id, prompt_id, owner, status, receiver_public_key_id, sender_private_key_id,"
            + " created_at, expires_at, decrypted_at";
    private static final RowMapper<EnvelopeRecord> RECORD = (rs, n) -> new EnvelopeRecord(
            rs.getObject("id", UUID.class),
            rs.getObject("prompt_id", UUID.class),
            rs.getString("owner"),
            WireValue.fromWire(EnvelopeStatus.class, rs.getString("status")),
            rs.getString("receiver_public_key_id"),
            rs.getString("sender_private_key_id"),
            instant(rs, "created_at"),
            instant(rs, "expires_at"),
            instant(rs, "decrypted_at"));

    private final JdbcClient jdbc;

    EnvelopeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores an issued envelope (status pending) of {@code owner}, and its audit row, in one statement. */
    void create(Envelope envelope, UUID promptId, String owner, PendingAudit audit) {
        jdbc.sql("WITH e AS (INSERT INTO envelopes (id, prompt_id, owner, status, envelope, receiver_public_key_id,"
                        + " sender_private_key_id, created_at, expires_at)"
                        + " VALUES (?, ?, ?, 'pending', CAST(? AS jsonb), ?, ?, ?, ?))"
                        + " SELECT audit_append(CAST(? AS jsonb))")
                .params(
                        envelope.id(),
                        promptId,
                        owner,
                        EnvelopeJson.toJson(envelope),
                        envelope.receiverPublicKeyId(),
                        envelope.senderPrivateKeyId(),
                        Timestamp.from(Instant.parse(envelope.createdAt())),
                        envelope.expiresAt() == null ? null : Timestamp.from(Instant.parse(envelope.expiresAt())),
                        audit.document())
                .query(Boolean.class)
                .single();
    }

    Optional<EnvelopeRecord> findById(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM envelopes WHERE id = ?")
                .param(id)
                .query(RECORD)
                .optional();
    }

    /** Newest first. */
    List<EnvelopeRecord> ofPrompt(UUID promptId, long offset, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM envelopes WHERE prompt_id = ?"
                        + " ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?")
                .params(promptId, limit, offset)
                .query(RECORD)
                .list();
    }

    long countOfPrompt(UUID promptId) {
        return jdbc.sql("SELECT count(*) FROM envelopes WHERE prompt_id = ?")
                .param(promptId)
                .query(Long.class)
                .single();
    }

    int expirePending(Instant now) {
        return jdbc.sql("UPDATE envelopes SET status = 'expired' WHERE status = 'pending' AND expires_at < ?")
                .param(Timestamp.from(now))
                .update();
    }

    /**
     * Records a decrypt attempt (idempotent by event id) when the envelope exists and the attempt is a success or
     * comes from its owner or audience; a new success moves the envelope to {@code decrypted}. True when recorded.
     */
    boolean recordDecryption(AuditStreamEvent event, Instant recordedAt) {
        Timestamp occurred = Timestamp.from(event.timestamp().truncatedTo(ChronoUnit.MICROS));
        int inserted = jdbc.sql("""
                        INSERT INTO envelope_decryptions (envelope_id, event_id, outcome, reason, principal, request_id,
                                                          client_address, occurred_at, recorded_at)
                        SELECT ?, ?, ?, ?, ?, ?, ?, ?, ? WHERE EXISTS (
                            SELECT 1 FROM envelopes WHERE id = ?
                               AND (? = 'success' OR owner = ? OR envelope ->> 'audience' = ?))
                        ON CONFLICT (event_id) DO NOTHING""")
                .params(
                        event.envelopeId(),
                        event.eventId(),
                        event.outcome(),
                        cut(event.reason(), 64),
                        cut(event.principal(), 255),
                        cut(event.requestId(), 128),
                        cut(event.clientAddress(), 64),
                        occurred,
                        Timestamp.from(recordedAt))
                .params(event.envelopeId(), event.outcome(), event.principal(), event.principal())
                .update();
        if (inserted == 1 && "success".equals(event.outcome())) {
            jdbc.sql("UPDATE envelopes SET status = 'decrypted', decrypted_at = ? WHERE id = ?"
                            + " AND status <> 'decrypted'")
                    .params(occurred, event.envelopeId())
                    .update();
        }
        return inserted == 1;
    }

    private static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
