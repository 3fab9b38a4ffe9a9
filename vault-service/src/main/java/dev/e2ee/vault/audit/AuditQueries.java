package dev.e2ee.vault.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.e2ee.vault.web.JsonMetadata;
import dev.e2ee.vault.web.PageResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Pages of audit rows, newest first, with optional filters (all parameterised). */
@Service
class AuditQueries {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record AuditEntry(
            long id,
            UUID eventId,
            Instant occurredAt,
            String action,
            String outcome,
            String principal,
            String requestId,
            String clientAddress,
            String resourceType,
            String resourceId,
            String reason,
            Map<String, Object> details,
            String source,
            Long chainSeq,
            String hash) {}

    record Filter(String action, String principal, String outcome, Instant from, Instant to) {}

    private final JdbcTemplate jdbc;
    private final JsonMetadata json;

    AuditQueries(JdbcTemplate jdbc, JsonMetadata json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Transactional(readOnly = true)
    PageResponse<AuditEntry> page(Filter filter, int page, int limit) {
        StringBuilder where = new StringBuilder(" WHERE true");
        List<Object> args = new ArrayList<>();
        add(where, args, "action = ?", filter.action());
        add(where, args, "principal = ?", filter.principal());
        add(where, args, "outcome = ?", filter.outcome());
        add(where, args, "occurred_at >= ?", filter.from() == null ? null : Timestamp.from(filter.from()));
        add(where, args, "occurred_at < ?", filter.to() == null ? null : Timestamp.from(filter.to()));
        Long total = jdbc.queryForObject("SELECT count(*) FROM audit_logs" + where, Long.class, args.toArray());
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(limit);
        pageArgs.add((long) (page - 1) * limit);
        List<AuditEntry> rows = jdbc.query(
                "SELECT a.id, event_id, occurred_at, action, outcome, principal, request_id, client_address,"
                        + " resource_type, resource_id, reason, details::text AS details, source, c.chain_seq, c.hash"
                        + " FROM audit_logs a LEFT JOIN audit_chain c ON c.audit_id = a.id"
                        + where + " ORDER BY a.id DESC LIMIT ? OFFSET ?",
                mapper(),
                pageArgs.toArray());
        return PageResponse.of(rows, page, limit, total == null ? 0 : total);
    }

    private static void add(StringBuilder where, List<Object> args, String condition, Object value) {
        if (value != null) {
            where.append(" AND ").append(condition);
            args.add(value);
        }
    }

    private RowMapper<AuditEntry> mapper() {
        return (rs, n) -> {
            byte[] hash = rs.getBytes("hash");
            Long seq = rs.getObject("chain_seq", Long.class);
            return new AuditEntry(
                    rs.getLong("id"),
                    rs.getObject("event_id", UUID.class),
                    rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                    rs.getString("action"),
                    rs.getString("outcome"),
                    rs.getString("principal"),
                    rs.getString("request_id"),
                    rs.getString("client_address"),
                    rs.getString("resource_type"),
                    rs.getString("resource_id"),
                    rs.getString("reason"),
                    json.read(rs.getString("details")),
                    rs.getString("source"),
                    seq,
                    hash == null ? null : HexFormat.of().formatHex(hash));
        };
    }
}
