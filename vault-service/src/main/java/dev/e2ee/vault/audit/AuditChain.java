package dev.e2ee.vault.audit;

import dev.e2ee.crypto.Pae;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;

/**
 * The audit hash chain: {@code hash = SHA-256(prev_hash ‖ PAE("e2ee-audit-v1", chain_seq, every column))}, with
 * {@code prev_hash} of the first row 32 zero bytes. Nulls are encoded distinctly from empty strings.
 */
final class AuditChain {

    static final byte[] GENESIS = new byte[32];

    /** Columns in the order they are hashed; {@code details} as PostgreSQL's normalised jsonb text. */
    static final String COLUMNS = "a.id, event_id, occurred_at, action, outcome, principal, request_id, client_address,"
            + " resource_type, resource_id, reason, details::text AS details, source";

    private AuditChain() {}

    static byte[] hash(byte[] previous, long chainSeq, ResultSet row) throws SQLException {
        byte[] canonical = Pae.encode(
                "e2ee-audit-v1",
                Long.toString(chainSeq),
                Long.toString(row.getLong("id")),
                row.getString("event_id"),
                row.getObject("occurred_at", OffsetDateTime.class).toInstant().toString(),
                row.getString("action"),
                row.getString("outcome"),
                nullable(row.getString("principal")),
                nullable(row.getString("request_id")),
                nullable(row.getString("client_address")),
                nullable(row.getString("resource_type")),
                nullable(row.getString("resource_id")),
                nullable(row.getString("reason")),
                row.getString("details"),
                row.getString("source"));
        MessageDigest sha256 = sha256();
        sha256.update(previous);
        return sha256.digest(canonical);
    }

    private static String nullable(String value) {
        return value == null ? "0" : "1" + value;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
